#ifndef MEMLANE_CFUZZDRIVER_H
#define MEMLANE_CFUZZDRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs that keep their own `main` (LLVM 12
/// and later). SwiftPM gives every executable a `main`, so the fuzz binary
/// links libFuzzer's no-main runtime and starts the fuzzing loop here.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// Wall-clock seconds from a monotonic clock, for the per-command time budget.
double memlane_fuzz_now(void);

#endif
