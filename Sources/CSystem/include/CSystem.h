#ifndef MEMLANE_CSYSTEM_H
#define MEMLANE_CSYSTEM_H

#include <stdint.h>

/// Sets LC_CTYPE from the environment, falling back to C.UTF-8 so that
/// wcwidth and multibyte input work even when no locale is configured.
/// Returns 1 when the resulting character set is UTF-8.
int memlane_locale_init(void);

/// Display width of one Unicode scalar: 0, 1 or 2 columns, -1 when it is
/// not printable (control characters).
int memlane_wcwidth(uint32_t scalar);

/// Signals the tutor cares about. The handlers only set flags (they are
/// async-signal-safe); the REPL and long-running commands poll them.
/// Installed without SA_RESTART so a blocking read returns EINTR.
void memlane_signals_install(void);

/// 1 once SIGINT arrived since the last clear.
int memlane_interrupted(void);
void memlane_clear_interrupt(void);
/// Raises the interrupt flag by hand (tests, timeouts).
void memlane_raise_interrupt(void);

/// The terminating signal received (SIGTERM or SIGHUP), or 0.
int memlane_termination_signal(void);

/// 1 once the terminal was resized since the last clear.
int memlane_take_resize(void);

/// Exclusive advisory lock on an open file descriptor (blocking); 0 on success.
int memlane_lock_fd(int fd);
int memlane_unlock_fd(int fd);

/// Current terminal width of stdout, or 0 when it is not a terminal.
int memlane_terminal_width(void);

/// Clears the error and end-of-file flags of stdin after an interrupted read.
void memlane_clear_stdin(void);

/// The next byte of stdin (buffered), or EOF with errno telling why.
int memlane_getc_stdin(void);

/// 1 when the file descriptor is a terminal.
int memlane_isatty(int fd);

#endif
