#define _POSIX_C_SOURCE 200809L
#include "CFuzzDriver.h"

#include <time.h>

double memlane_fuzz_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Swift keeps enum tags in the spare bits of pointers (indirect enums such
   as the assertion syntax tree), which LeakSanitizer does not recognise as
   pointers: every process would end with false leak reports. Leaks are not
   what these targets look for; memory errors and invariants are. Shorter
   allocation stacks make every allocation cheaper to record. */
const char *__asan_default_options(void) { return "detect_leaks=0:malloc_context_size=12"; }
