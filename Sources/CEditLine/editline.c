#define _DEFAULT_SOURCE
#include "CEditLine.h"

#include <errno.h>
#include <histedit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct memlane_editor {
    EditLine *el;
    History *hist;
    char *prompt;
    memlane_completer completer;
    void *context;
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
    free(ed);
}

void memlane_editor_set_prompt(memlane_editor *ed, const char *prompt) {
    free(ed->prompt);
    ed->prompt = strdup(prompt ? prompt : "");
}

char *memlane_editor_read(memlane_editor *ed, int *status) {
    int count = 0;
    errno = 0;
    const char *line = el_gets(ed->el, &count);
    if (!line) {
        *status = (count < 0 || errno == EINTR) ? 2 : 1;
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
