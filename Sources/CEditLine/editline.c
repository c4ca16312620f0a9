#define _DEFAULT_SOURCE
#include "CEditLine.h"

#include <errno.h>
#include <histedit.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

struct memlane_editor {
    EditLine *el;
    History *hist;
    char *prompt;
    memlane_completer completer;
    void *context;
    memlane_idle idle;
    void *idle_context;
    int idle_ms;
    /* Set by the poll reader: why it returned without a character. */
    int woken;
    int eof;
    /* A partial line to type back after a wake-up, and how much is typed. */
    wchar_t *replay;
    size_t replay_pos;
};

static char *prompt_fn(EditLine *el) {
    memlane_editor *ed = NULL;
    el_get(el, EL_CLIENTDATA, &ed);
    return (ed && ed->prompt) ? ed->prompt : "";
}

static unsigned char complete_fn(EditLine *el, int ch) {
    (void)ch;
    memlane_editor *ed = NULL;
    el_get(el, EL_CLIENTDATA, &ed);
    if (!ed || !ed->completer) return CC_ERROR;
    const LineInfo *li = el_line(el);
    size_t len = (size_t)(li->cursor - li->buffer);
    char *before = malloc(len + 1);
    if (!before) return CC_ERROR;
    memcpy(before, li->buffer, len);
    before[len] = '\0';
    char *answer = ed->completer(ed->context, before);
    free(before);
    if (!answer) return CC_ERROR;
    char *nl = strchr(answer, '\n');
    if (nl) *nl = '\0';
    unsigned char result = CC_REFRESH;
    if (answer[0] != '\0') {
        el_insertstr(el, answer);
    }
    if (nl && nl[1] != '\0') {
        /* List the candidates under the line, then redraw the prompt. */
        fputs("\n", stdout);
        char *item = nl + 1;
        int column = 0;
        while (item && *item) {
            char *next = strchr(item, '\n');
            if (next) *next = '\0';
            int w = (int)strlen(item) + 2;
            if (column > 0 && column + w > 78) { fputs("\n", stdout); column = 0; }
            fputs(item, stdout);
            fputs("  ", stdout);
            column += w;
            item = next ? next + 1 : NULL;
        }
        fputs("\n", stdout);
        fflush(stdout);
        result = CC_REDISPLAY;
    } else if (answer[0] == '\0') {
        result = CC_ERROR;
    }
    free(answer);
    return result;
}

/* Reads one character like libedit's own reader (a byte at a time,
 * decoded with mbrtowc), but waits with poll() so the idle function can run
 * every idle_ms. A signal (Ctrl-C) still ends the read with EINTR, as
 * before. */
static int poll_getc(EditLine *el, wchar_t *cp) {
    memlane_editor *ed = NULL;
    el_get(el, EL_CLIENTDATA, &ed);
    if (ed->replay) {
        if (ed->replay[ed->replay_pos] != L'\0') {
            *cp = ed->replay[ed->replay_pos++];
            return 1;
        }
        free(ed->replay);
        ed->replay = NULL;
        ed->replay_pos = 0;
    }
    char bytes[MB_LEN_MAX];
    size_t n = 0;
    int fd = fileno(stdin);
    for (;;) {
        struct pollfd p = { .fd = fd, .events = POLLIN, .revents = 0 };
        /* Inside a multibyte character, wait for its other bytes. */
        int ready = poll(&p, 1, n == 0 && ed->idle ? ed->idle_ms : -1);
        if (ready < 0) {
            if (errno == EINTR) { *cp = L'\0'; return -1; }
            continue;
        }
        if (ready == 0) {
            if (ed->idle && ed->idle(ed->idle_context)) {
                ed->woken = 1;
                *cp = L'\0';
                errno = 0;
                return -1;
            }
            continue;
        }
        ssize_t got = read(fd, bytes + n, 1);
        if (got < 0) {
            if (errno == EINTR) { *cp = L'\0'; return -1; }
            if (errno == EAGAIN) continue;
            *cp = L'\0';
            return -1;
        }
        if (got == 0) {
            ed->eof = 1;
            *cp = L'\0';
            return 0;
        }
        n++;
        mbstate_t state;
        memset(&state, 0, sizeof state);
        size_t r = mbrtowc(cp, bytes, n, &state);
        if (r == (size_t)-2) {
            if (n >= sizeof bytes) n = 0; /* too long to be a character: drop it */
            continue;
        }
        if (r == (size_t)-1) { n = 0; continue; } /* not UTF-8: drop it */
        return 1;
    }
}

void memlane_editor_set_idle(memlane_editor *ed, memlane_idle idle, void *context, int interval_ms) {
    ed->idle = idle;
    ed->idle_context = context;
    ed->idle_ms = interval_ms > 0 ? interval_ms : 500;
    if (idle) {
        el_set(ed->el, EL_GETCFN, poll_getc);
    } else {
        el_set(ed->el, EL_GETCFN, EL_BUILTIN_GETCFN);
    }
}

memlane_editor *memlane_editor_new(const char *program) {
    memlane_editor *ed = calloc(1, sizeof *ed);
    if (!ed) return NULL;
    ed->el = el_init(program, stdin, stdout, stderr);
    if (!ed->el) { free(ed); return NULL; }
    ed->hist = history_init();
    HistEvent ev;
    history(ed->hist, &ev, H_SETSIZE, 1000);
    history(ed->hist, &ev, H_SETUNIQUE, 1);
    el_set(ed->el, EL_CLIENTDATA, ed);
    el_set(ed->el, EL_EDITOR, "emacs");
    el_set(ed->el, EL_PROMPT_ESC, prompt_fn, '\1');
    el_set(ed->el, EL_HIST, history, ed->hist);
    el_set(ed->el, EL_ADDFN, "memlane-complete", "Complete a command or name", complete_fn);
    el_set(ed->el, EL_BIND, "\t", "memlane-complete", NULL);
    el_source(ed->el, NULL);
    return ed;
}

void memlane_editor_free(memlane_editor *ed) {
    if (!ed) return;
    el_end(ed->el);
    history_end(ed->hist);
    free(ed->prompt);
    free(ed->replay);
    free(ed);
}

void memlane_editor_set_prompt(memlane_editor *ed, const char *prompt) {
    free(ed->prompt);
    ed->prompt = strdup(prompt ? prompt : "");
}

char *memlane_editor_read(memlane_editor *ed, int *status) {
    int count = 0;
    errno = 0;
    ed->woken = 0;
    ed->eof = 0;
    const char *line = el_gets(ed->el, &count);
    if (!line) {
        if (ed->woken) {
            /* Keep what was typed: libedit leaves it in its buffer until
             * the next read starts, which types it back. */
            const LineInfoW *li = el_wline(ed->el);
            size_t len = li ? (size_t)(li->lastchar - li->buffer) : 0;
            free(ed->replay);
            ed->replay = NULL;
            ed->replay_pos = 0;
            if (len > 0 && (ed->replay = malloc((len + 1) * sizeof(wchar_t))) != NULL) {
                wmemcpy(ed->replay, li->buffer, len);
                ed->replay[len] = L'\0';
            }
            *status = 3;
            return NULL;
        }
        *status = ed->eof ? 1 : ((count < 0 || errno == EINTR) ? 2 : 1);
        return NULL;
    }
    if (count <= 0) { *status = 1; return NULL; }
    size_t n = strlen(line);
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
    char *out = malloc(n + 1);
    if (!out) { *status = 1; return NULL; }
    memcpy(out, line, n);
    out[n] = '\0';
    *status = 0;
    return out;
}

void memlane_editor_history_add(memlane_editor *ed, const char *line) {
    HistEvent ev;
    history(ed->hist, &ev, H_ENTER, line);
}

int memlane_editor_history_load(memlane_editor *ed, const char *path) {
    HistEvent ev;
    return history(ed->hist, &ev, H_LOAD, path);
}

int memlane_editor_history_save(memlane_editor *ed, const char *path) {
    HistEvent ev;
    return history(ed->hist, &ev, H_SAVE, path);
}

void memlane_editor_set_completer(memlane_editor *ed, memlane_completer completer, void *context) {
    ed->completer = completer;
    ed->context = context;
}

void memlane_editor_resize(memlane_editor *ed) {
    el_resize(ed->el);
}
