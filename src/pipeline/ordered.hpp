#pragma once
// Work done on several threads and delivered in the order it was handed
// in: the shape of every parallel mode (paragraphs of a stream, files of a
// batch, records of a JSON Lines corpus). The producer submits items; worker
// threads turn each into a result; a writer thread delivers results in
// submission order, and calls idle() whenever the next result is not ready
// (so output reaches a pipe while work goes on). Items handed in but not
// yet delivered are bounded, so memory stays bounded whatever the input.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace textmend {

template <typename In, typename Out>
class OrderedPipeline {
 public:
  using Work = std::function<Out(In&)>;
  using Deliver = std::function<void(Out&)>;
  using Idle = std::function<void()>;

  OrderedPipeline(unsigned workers, std::size_t max_in_flight, Work work, Deliver deliver, Idle idle = {})
      : max_in_flight_(max_in_flight), work_(std::move(work)), deliver_(std::move(deliver)), idle_(std::move(idle)) {
    for (unsigned i = 0; i < workers; ++i) workers_.emplace_back([this] { work_loop(); });
    writer_ = std::thread([this] { write_loop(); });
  }

  ~OrderedPipeline() {
    if (writer_.joinable()) {
      fail(nullptr);
      join();
    }
  }

  OrderedPipeline(const OrderedPipeline&) = delete;
  OrderedPipeline& operator=(const OrderedPipeline&) = delete;

  // Hands in the next item; waits while too many are in flight. Returns
  // false once anything has failed (finish() then rethrows).
  bool submit(In item) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [this] { return submitted_ - delivered_ < max_in_flight_ || stopped_; });
    if (stopped_) return false;
    todo_.emplace_back(submitted_++, std::move(item));
    has_work_.notify_one();
    return true;
  }

  bool failed() {
    std::lock_guard lock(mutex_);
    return stopped_;
  }

  // Waits until everything submitted is delivered; rethrows the first
  // exception a worker or the deliverer threw.
  void finish() {
    {
      std::lock_guard lock(mutex_);
      input_done_ = true;
      has_work_.notify_all();
      ready_.notify_all();
    }
    join();
    if (error_) std::rethrow_exception(error_);
  }

 private:
  void join() {
    for (auto& w : workers_)
      if (w.joinable()) w.join();
    if (writer_.joinable()) writer_.join();
  }

  void work_loop() {
    for (;;) {
      std::pair<std::uint64_t, In> job;
      {
        std::unique_lock lock(mutex_);
        has_work_.wait(lock, [this] { return !todo_.empty() || input_done_ || stopped_; });
        if (stopped_ || todo_.empty()) return;
        job = std::move(todo_.front());
        todo_.pop_front();
      }
      try {
        Out out = work_(job.second);
        std::lock_guard lock(mutex_);
        done_.emplace(job.first, std::move(out));
        ready_.notify_all();
      } catch (...) {
        fail(std::current_exception());
        return;
      }
    }
  }

  void write_loop() {
    for (std::uint64_t next = 0;; ++next) {
      Out out;
      {
        std::unique_lock lock(mutex_);
        if (!done_.contains(next) && !stopped_ && idle_) {
          lock.unlock();
          if (!call([this] { idle_(); })) return;
          lock.lock();
        }
        ready_.wait(lock, [&] { return done_.contains(next) || stopped_ || (input_done_ && next == submitted_); });
        if (stopped_ || !done_.contains(next)) return;
        out = std::move(done_[next]);
        done_.erase(next);
      }
      if (!call([&] { deliver_(out); })) return;
      std::lock_guard lock(mutex_);
      delivered_ = next + 1;
      room_.notify_all();
    }
  }

  template <typename F>
  bool call(F f) {
    try {
      f();
      return true;
    } catch (...) {
      fail(std::current_exception());
      return false;
    }
  }

  void fail(std::exception_ptr e) {
    std::lock_guard lock(mutex_);
    if (!error_ && e) error_ = std::move(e);
    stopped_ = true;
    has_work_.notify_all();
    ready_.notify_all();
    room_.notify_all();
  }

  const std::size_t max_in_flight_;
  Work work_;
  Deliver deliver_;
  Idle idle_;
  std::vector<std::thread> workers_;
  std::thread writer_;
  std::mutex mutex_;
  std::condition_variable has_work_;
  std::condition_variable ready_;
  std::condition_variable room_;
  std::deque<std::pair<std::uint64_t, In>> todo_;
  std::map<std::uint64_t, Out> done_;
  std::uint64_t submitted_ = 0;
  std::uint64_t delivered_ = 0;
  bool input_done_ = false;
  bool stopped_ = false;
  std::exception_ptr error_;
};

// Gathers items into batches of about `limit` bytes for an OrderedPipeline:
// one thread's worth of work at a time, so the hand-over costs little
// against the work. hand(batch) passes a batch on and says whether the
// pipeline still takes work.
template <typename T>
class Batcher {
 public:
  using Hand = std::function<bool(std::vector<T>&&)>;

  Batcher(std::size_t limit, Hand hand) : limit_(limit), hand_(std::move(hand)) {}

  // Adds an item of `bytes` bytes, handing the batch on once it is full.
  bool add(T&& item, std::size_t bytes) {
    items_.push_back(std::move(item));
    bytes_ += bytes;
    return bytes_ < limit_ || flush();
  }

  // Hands on what has gathered, full or not (a reader about to wait, the
  // end of the input); true when there was nothing to hand.
  bool flush() {
    if (items_.empty()) return true;
    std::vector<T> batch = std::move(items_);
    items_ = {};
    bytes_ = 0;
    return hand_(std::move(batch));
  }

 private:
  const std::size_t limit_;
  Hand hand_;
  std::vector<T> items_;
  std::size_t bytes_ = 0;
};

}  // namespace textmend
