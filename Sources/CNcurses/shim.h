#ifndef SCIMTERM_CNCURSES_SHIM_H
#define SCIMTERM_CNCURSES_SHIM_H

// SwiftPM drops pkg-config's -D flags, so the wide-char API must be switched on here, before the include.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros Swift cannot import become small inline functions.
static inline attr_t scimterm_a_bold(void) { return A_BOLD; }
static inline attr_t scimterm_a_reverse(void) { return A_REVERSE; }
static inline attr_t scimterm_a_underline(void) { return A_UNDERLINE; }
static inline attr_t scimterm_a_dim(void) { return A_DIM; }
static inline attr_t scimterm_a_italic(void) { return A_ITALIC; }
static inline int scimterm_key_f(int n) { return KEY_F(n); }
static inline int scimterm_color_pair(int n) { return COLOR_PAIR(n); }
static inline int scimterm_colors(void) { return COLORS; }
static inline int scimterm_color_pairs(void) { return COLOR_PAIRS; }

int wcwidth(wchar_t c);

// Swift 6 rejects reads of C globals (stdscr, COLORS, stdin/stdout), so the file streams come from
// descriptors and the terminal size from the window.
static inline int scimterm_height(WINDOW *w) { return getmaxy(w); }
static inline int scimterm_width(WINDOW *w) { return getmaxx(w); }
static inline attr_t scimterm_a_normal(void) { return A_NORMAL; }
// Extended colour pairs (beyond 32767) travel through the opts pointer, which Swift cannot pass tidily.
static inline int scimterm_set_attr(WINDOW *w, attr_t a, int pair) { return wattr_set(w, a, 0, &pair); }
static inline int scimterm_key_code_yes(void) { return KEY_CODE_YES; }

#endif
