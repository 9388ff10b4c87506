#ifndef MOOTUI_CNCURSESW_SHIM_H
#define MOOTUI_CNCURSESW_SHIM_H
// ncursesw with wide-character API; macros Swift cannot import are wrapped
// as static inline functions with an mt_ prefix.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline int mt_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int mt_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline WINDOW *mt_stdscr(void) { return stdscr; }
static inline int mt_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int mt_colors(void) { return COLORS; }
static inline int mt_color_pairs(void) { return COLOR_PAIRS; }
static inline int mt_lines(void) { return LINES; }
static inline int mt_cols(void) { return COLS; }
static inline attr_t mt_a_bold(void) { return A_BOLD; }
static inline attr_t mt_a_reverse(void) { return A_REVERSE; }
static inline attr_t mt_a_underline(void) { return A_UNDERLINE; }
static inline attr_t mt_a_dim(void) { return A_DIM; }
static inline attr_t mt_a_normal(void) { return A_NORMAL; }
static inline int mt_key_resize(void) { return KEY_RESIZE; }
static inline int mt_err(void) { return ERR; }
static inline int mt_ok(void) { return OK; }
static inline int mt_key_code_yes(void) { return KEY_CODE_YES; }

/// Draws one cell: a wide character string (base + combining) with attributes and colour pair.
static inline int mt_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t cc;
    if (setcchar(&cc, wch, attrs, pair, NULL) == ERR) return ERR;
    return mvadd_wch(y, x, &cc);
}

/// Reads one key without blocking: returns 0 for none, 1 for a character (in *value),
/// 2 for a function-key code (in *value).
static inline int mt_read_key(unsigned int *value) {
    wint_t ch = 0;
    int r = wget_wch(stdscr, &ch);
    if (r == ERR) return 0;
    *value = (unsigned int)ch;
    return r == KEY_CODE_YES ? 2 : 1;
}
static inline int mt_key_f0(void) { return KEY_F0; }

#include <langinfo.h>
static inline const char *mt_codeset(void) { return nl_langinfo(CODESET); }
/// Opens a pseudo-terminal pair for benchmarks: returns the master fd (or -1) and writes the
/// slave's path into `name`.
#include <fcntl.h>
extern int posix_openpt(int);
extern int grantpt(int);
extern int unlockpt(int);
extern int ptsname_r(int, char *, size_t);
static inline int mt_open_pty(char *name, int len) {
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0) return -1;
    if (grantpt(m) != 0 || unlockpt(m) != 0 || ptsname_r(m, name, (size_t)len) != 0) return -1;
    return m;
}
#endif
