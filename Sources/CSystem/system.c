#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE
#include "CSystem.h"

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <strings.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

static volatile sig_atomic_t interrupted = 0;
static volatile sig_atomic_t termination = 0;
static volatile sig_atomic_t resized = 0;

static int is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

int memlane_locale_init(void) {
    if (setlocale(LC_CTYPE, "") == NULL || !is_utf8()) {
        if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) {
            setlocale(LC_CTYPE, "C.utf8");
        }
    }
    return is_utf8();
}

int memlane_wcwidth(uint32_t scalar) {
    return wcwidth((wchar_t)scalar);
}

static void on_interrupt(int sig) { (void)sig; interrupted = 1; }
static void on_terminate(int sig) { termination = sig; interrupted = 1; }
static void on_resize(int sig) { (void)sig; resized = 1; }

static void install(int sig, void (*handler)(int)) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: blocking reads return EINTR */
    sigaction(sig, &sa, NULL);
}

void memlane_signals_install(void) {
    install(SIGINT, on_interrupt);
    install(SIGTERM, on_terminate);
    install(SIGHUP, on_terminate);
    install(SIGWINCH, on_resize);
    /* A parent may have started us with these blocked; the mask survives exec. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGWINCH);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

int memlane_interrupted(void) { return interrupted; }
void memlane_clear_interrupt(void) { interrupted = 0; }
void memlane_raise_interrupt(void) { interrupted = 1; }
int memlane_termination_signal(void) { return termination; }

int memlane_take_resize(void) {
    int r = resized;
    resized = 0;
    return r;
}

int memlane_lock_fd(int fd) { return flock(fd, LOCK_EX); }
int memlane_unlock_fd(int fd) { return flock(fd, LOCK_UN); }

int memlane_terminal_width(void) {
    struct winsize ws;
    if (!isatty(STDOUT_FILENO)) return 0;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0) return 0;
    return ws.ws_col;
}

void memlane_clear_stdin(void) { clearerr(stdin); }

int memlane_getc_stdin(void) { return getc(stdin); }

int memlane_isatty(int fd) { return isatty(fd); }
