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

/// Crash guard: on SIGQUIT or a fatal signal (a Swift runtime trap is SIGILL or SIGTRAP) while
/// the UI owns the terminal, put the terminal back first (the saved termios, leave the alternate
/// screen, show the cursor), say where the backtrace goes, point stdin at /dev/null and stdout and
/// stderr at the log, then hand the signal to whoever handled it before (the Swift runtime's
/// backtracer, which then writes into the log and cannot wait for a key over the screen), and
/// end the process with the signal.
/// Everything in the handler is async-signal-safe (tcsetattr, write, open, dup2, sigaction, raise).
#include <signal.h>
#include <termios.h>
#include <unistd.h>
#include <string.h>
struct mt_guard_state {
    struct termios termios;
    volatile sig_atomic_t armed;
    int installed;
    int log_fd;
    int message_fd;
    size_t message_len;
    char message[512];
    struct sigaction previous[65];
};
/// The guard's one state (a function-local static: header statics are not emitted for Swift).
static inline struct mt_guard_state *mt_guard_state(void) {
    static struct mt_guard_state state = {.log_fd = -1, .message_fd = 2};
    return &state;
}

static inline void mt_guard_handler(int sig, siginfo_t *info, void *context) {
    struct mt_guard_state *g = mt_guard_state();
    if (g->armed) {
        g->armed = 0;
        tcsetattr(0, TCSANOW, &g->termios);
        static const char reset[] = "\033[?1049l\033[?25h\033[0m\r\n";
        (void)!write(1, reset, sizeof reset - 1);
        (void)!write(g->message_fd, g->message, g->message_len);
        int null = open("/dev/null", O_RDONLY);
        if (null >= 0) dup2(null, 0);
        if (g->log_fd >= 0) { dup2(g->log_fd, 1); dup2(g->log_fd, 2); }
    }
    if (sig <= 0 || sig >= 65) return;
    struct sigaction *prev = &g->previous[sig];
    if ((prev->sa_flags & SA_SIGINFO) && prev->sa_sigaction) {
        prev->sa_sigaction(sig, info, context);
    } else if (!(prev->sa_flags & SA_SIGINFO) && prev->sa_handler != SIG_DFL && prev->sa_handler != SIG_IGN) {
        prev->sa_handler(sig);
    }
    // The program must not go on: the UI no longer owns the terminal (and the backtracer lets a
    // SIGQUIT continue). End with the signal's default action, as an unhandled one would.
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigaction(sig, &dfl, NULL);
    raise(sig);
}

/// Arms the guard: `termios` is the terminal's state to restore, `log_fd` receives the
/// backtrace (or -1), `message` is written to `message_fd` once the terminal is back. Returns 0.
static inline int mt_guard_arm(const struct termios *termios, int log_fd, const char *message, int message_fd) {
    struct mt_guard_state *g = mt_guard_state();
    g->termios = *termios;
    g->log_fd = log_fd;
    g->message_fd = message_fd >= 0 ? message_fd : 1;
    size_t n = strlen(message);
    if (n > sizeof g->message) n = sizeof g->message;
    memcpy(g->message, message, n);
    g->message_len = n;
    if (!g->installed) {
        g->installed = 1;
        static const int signals[] = {SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGBUS, SIGSEGV};
        for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
            struct sigaction sa;
            memset(&sa, 0, sizeof sa);
            sa.sa_sigaction = mt_guard_handler;
            sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
            sigemptyset(&sa.sa_mask);
            sigaction(signals[i], &sa, &g->previous[signals[i]]);
        }
    }
    g->armed = 1;
    return 0;
}

/// Disarms the guard (the terminal was restored the normal way); the handlers stay, passing
/// signals straight on.
static inline void mt_guard_disarm(void) { mt_guard_state()->armed = 0; }
#endif
