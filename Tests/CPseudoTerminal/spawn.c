#define _GNU_SOURCE
#include "CPseudoTerminal.h"

#include <pty.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int memlane_fresh_pty_modes(struct termios *modes) {
    int master = -1, slave = -1;
    if (openpty(&master, &slave, NULL, NULL, NULL) != 0) return -1;
    int r = tcgetattr(slave, modes);
    close(slave);
    close(master);
    return r;
}

pid_t memlane_spawn_in_pty(const char *path, char *const argv[], char *const envp[],
                           const char *directory, int columns, int rows, int *master) {
    struct winsize ws = {0};
    ws.ws_col = (unsigned short)columns;
    ws.ws_row = (unsigned short)rows;
    pid_t pid = forkpty(master, NULL, NULL, &ws);
    if (pid == 0) {
        /* Start like a login shell would: default signals, nothing blocked. */
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        for (int sig = 1; sig < 32; sig++) signal(sig, SIG_DFL);
        if (directory && chdir(directory) != 0) _exit(126);
        execve(path, argv, envp);
        _exit(127);
    }
    return pid;
}
