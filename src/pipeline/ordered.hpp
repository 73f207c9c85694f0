#pragma once
// Work done on several threads and delivered in the order it was read: the
// shape of every parallel mode (the paragraphs of a stream, the files of a
// batch, the records of a JSON Lines corpus). Each of `threads` threads,
// the calling one included, does every step for one item at a time:
//   1. read the next item (one thread at a time, so items are numbered in
//      input order);
//   2. prepare it (any thread; optional);
//   3. fold it (one item at a time, in read order; optional): for what must
//      see every earlier item, such as the document's knowledge;
//   4. work it (any thread);
//   5. hand the result over: whichever thread completes the run of ready
//      results delivers them in order and then calls idle() (so output
//      reaches a pipe while the input waits); the others go back to 1.
// Items read but not yet delivered are bounded, so memory stays bounded
// whatever the input. There is no reading or writing thread beside the
// workers: on two cores, one of each made four busy threads, and the
// switching and the frees across threads cost a fifth of the time.
#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace textmend {

template <typename Item, typename Result>
class OrderedWork {
 public:
  struct Steps {
    std::function<bool(Item&)> read;  // fills the item; false at the end of the input
    std::function<void(Item&)> prepare;
    std::function<void(Item&)> fold;
    std::function<Result(Item&)> work;
    std::function<void(Result&)> deliver;
    std::function<void()> idle;
  };

  OrderedWork(unsigned threads, std::size_t max_in_flight, Steps steps)
      : threads_(std::max(1u, threads)),
        max_in_flight_(std::max<std::size_t>(1, max_in_flight)),
        steps_(std::move(steps)) {}

  // Runs to the end of the input; rethrows the first exception a step threw.
  void run() {
    std::vector<std::thread> helpers;
    for (unsigned i = 1; i < threads_; ++i) helpers.emplace_back([this] { work_loop(); });
    work_loop();
    for (auto& h : helpers) h.join();
    if (error_) std::rethrow_exception(error_);
  }

 private:
  struct Stopped {};  // another thread failed: this one stops too

  void work_loop() {
    try {
      Item item;
      std::uint64_t number = 0;
      while (read(item, number)) {
        if (steps_.prepare) steps_.prepare(item);
        if (steps_.fold) fold(item, number);
        Result result = steps_.work(item);
        deliver(number, std::move(result));
      }
    } catch (const Stopped&) {
    } catch (...) {
      fail(std::current_exception());
    }
  }

  bool read(Item& item, std::uint64_t& number) {
    {
      std::unique_lock lock(mutex_);
      room_.wait(lock, [this] { return stopped_ || read_count_ - delivered_ < max_in_flight_; });
      if (stopped_) return false;
    }
    std::lock_guard reading(read_mutex_);
    if (input_done_ || !steps_.read(item)) {
      input_done_ = true;
      return false;
    }
    std::lock_guard lock(mutex_);
    number = read_count_++;
    return !stopped_;
  }

  void fold(Item& item, std::uint64_t number) {
    std::unique_lock lock(mutex_);
    folded_turn_.wait(lock, [&] { return stopped_ || folded_ == number; });
    if (stopped_) throw Stopped{};
    lock.unlock();
    steps_.fold(item);
    lock.lock();
    ++folded_;
    folded_turn_.notify_all();
  }

  // Leaves the result, and delivers every result that is next in order
  // unless another thread is already doing so.
  void deliver(std::uint64_t number, Result&& result) {
    std::unique_lock lock(mutex_);
    done_.emplace(number, std::move(result));
    if (delivering_) return;
    delivering_ = true;
    for (;;) {
      auto next = done_.find(delivered_);
      if (next == done_.end() || stopped_) break;
      Result ready = std::move(next->second);
      done_.erase(next);
      lock.unlock();
      steps_.deliver(ready);
      ready = Result{};  // freed here, outside the lock
      lock.lock();
      ++delivered_;
      room_.notify_all();
      if (done_.contains(delivered_) || !steps_.idle) continue;
      // Nothing more is ready: show what was delivered. The role is kept
      // meanwhile, so that no other thread delivers during the call.
      lock.unlock();
      steps_.idle();
      lock.lock();
    }
    delivering_ = false;
  }

  void fail(std::exception_ptr e) {
    std::lock_guard lock(mutex_);
    if (!error_) error_ = std::move(e);
    stopped_ = true;
    room_.notify_all();
    folded_turn_.notify_all();
  }

  const unsigned threads_;
  const std::size_t max_in_flight_;
  Steps steps_;
  std::mutex read_mutex_;    // held while an item is read
  bool input_done_ = false;  // guarded by read_mutex_
  std::mutex mutex_;         // guards everything below
  std::condition_variable room_;
  std::condition_variable folded_turn_;
  std::uint64_t read_count_ = 0;
  std::uint64_t folded_ = 0;
  std::uint64_t delivered_ = 0;
  std::map<std::uint64_t, Result> done_;
  bool delivering_ = false;
  bool stopped_ = false;
  std::exception_ptr error_;
};

// A read step for an item that is a batch: fills batch with what
// next(item) reads until it holds about `limit` bytes (size_of), or until
// it holds something and would_wait() says the next read would wait for a
// slow producer, so that what has come goes through at once. False when
// nothing was read: the end of the input.
template <typename T, typename Next, typename WouldWait, typename SizeOf>
bool read_batch(std::vector<T>& batch, std::size_t limit, Next next, WouldWait would_wait, SizeOf size_of) {
  batch.clear();
  std::size_t bytes = 0;
  T item;
  while (bytes < limit && !(bytes > 0 && would_wait()) && next(item)) {
    bytes += size_of(item);
    batch.push_back(std::move(item));
    item = T{};
  }
  return !batch.empty();
}

}  // namespace textmend
