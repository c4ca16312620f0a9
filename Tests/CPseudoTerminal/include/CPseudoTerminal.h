#ifndef MEMLANE_CPSEUDOTERMINAL_H
#define MEMLANE_CPSEUDOTERMINAL_H
#include <sys/types.h>

/// Starts `path` on a new pseudo-terminal of the given size, as a session
/// leader with the terminal as its controlling terminal (so Ctrl-C typed
/// into it raises SIGINT in the child). Returns the child's pid and puts
/// the master side in *master; -1 on failure.
pid_t memlane_spawn_in_pty(const char *path, char *const argv[], char *const envp[],
                           const char *directory, int columns, int rows, int *master);

/// The modes a new pseudo-terminal starts with (what a well-behaved
/// program must leave behind). Returns 0 on success.
struct termios;
int memlane_fresh_pty_modes(struct termios *modes);

#endif
