#include "io/pipe.hpp"

#include <fcntl.h>
#include <sys/stat.h>

namespace textmend {

void widen_pipe(int fd) {
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISFIFO(st.st_mode)) return;
#ifdef F_SETPIPE_SZ
  (void)::fcntl(fd, F_SETPIPE_SZ, 1 << 20);
#endif
}

}  // namespace textmend
