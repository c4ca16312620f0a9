#ifndef MEMLANE_CEDITLINE_H
#define MEMLANE_CEDITLINE_H

/// A line editor on the standard streams, wrapping libedit's variadic
/// el_set/history calls (Swift cannot call C variadics).
typedef struct memlane_editor memlane_editor;

/// Completion: given the text before the cursor, return a malloc'd string
/// whose first line is the text to insert at the cursor and whose other
/// lines are candidates to list (none when the insertion is unambiguous).
/// Return NULL for no completion.
typedef char *(*memlane_completer)(void *context, const char *before_cursor);

memlane_editor *memlane_editor_new(const char *program);
void memlane_editor_free(memlane_editor *editor);

/// The prompt; bytes between two \1 characters are not counted as visible
/// (for colour escapes).
void memlane_editor_set_prompt(memlane_editor *editor, const char *prompt);

/// Reads one line. Returns a malloc'd line without its newline and status 0;
/// NULL with status 1 at end of input (Ctrl-D), NULL with status 2 when a
/// signal interrupted the read (Ctrl-C: the partial line is dropped), NULL
/// with status 3 when the idle function asked to wake up (the partial line
/// is kept and typed back at the start of the next read).
char *memlane_editor_read(memlane_editor *editor, int *status);

/// Called every `interval_ms` milliseconds while the editor waits for a
/// key; returning non-zero ends the read with status 3.
typedef int (*memlane_idle)(void *context);

/// Installs (or, with NULL, removes) the idle function. While one is set,
/// keys are read by the editor's own poll()-based reader instead of
/// libedit's, so waiting can be interrupted without a signal.
void memlane_editor_set_idle(memlane_editor *editor, memlane_idle idle, void *context, int interval_ms);

void memlane_editor_history_add(memlane_editor *editor, const char *line);
int memlane_editor_history_load(memlane_editor *editor, const char *path);
int memlane_editor_history_save(memlane_editor *editor, const char *path);

void memlane_editor_set_completer(memlane_editor *editor, memlane_completer completer, void *context);

/// Tells libedit the terminal changed size.
void memlane_editor_resize(memlane_editor *editor);

#endif
