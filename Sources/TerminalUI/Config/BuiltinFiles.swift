// The Themes/*.toml and Keymaps/*.toml files, built in so the binary works from any directory.
// Kept identical to the files by BuiltinFilesTests (it prints the file that drifted).

/// Theme and keymap sources compiled into the binary.
enum BuiltinFiles {
    /// `Themes/NAME.toml` by NAME.
    static let themes: [String: String] = [
        "colorblind": #"""
        # mootui colour-blind theme: blue for up/bids, orange for down/asks, told apart also by
        # brightness, so red-green colour blindness loses nothing.
        name = "colorblind"

        [roles]
        "quote.up" = { fg = 33, bold = true }
        "quote.down" = { fg = 208 }
        "book.bid" = { fg = 33, bold = true }
        "book.ask" = { fg = 208 }
        "tape.buy" = { fg = 33, bold = true }
        "tape.sell" = { fg = 208 }
        "chart.up" = { fg = 33 }
        "chart.down" = { fg = 208 }
        "status.live" = { fg = 33, bg = 236, bold = true }
        "env.real" = { fg = "black", bg = 208, bold = true }
        "message.error" = { fg = "black", bg = 208, bold = true }
        """#,
        "default": #"""
        # mootui default theme (dark background). Roles are semantic; colours are names
        # (black red green yellow blue magenta cyan white, bright-*, default) or 0-255.
        # Attributes: bold, dim, underline, reverse. Roles left out inherit from this theme.
        name = "default"

        [roles]
        "text" = { fg = "default" }
        "text.dim" = { fg = 244 }
        "border" = { fg = 240 }
        "title" = { fg = 250, bold = true }
        "title.focused" = { fg = "cyan", bold = true }
        "header" = { fg = 244, underline = false }
        "selection" = { fg = "black", bg = 110 }
        "quote.up" = { fg = "green" }
        "quote.down" = { fg = "red" }
        "quote.flat" = { fg = "default" }
        "book.bid" = { fg = "green" }
        "book.ask" = { fg = "red" }
        "book.own" = { fg = "yellow", bold = true }
        "book.cursor" = { reverse = true }
        "book.spread" = { fg = 244 }
        "tape.buy" = { fg = "green" }
        "tape.sell" = { fg = "red" }
        "tape.neutral" = { fg = 250 }
        "chart.up" = { fg = "green" }
        "chart.down" = { fg = "red" }
        "chart.line" = { fg = "cyan" }
        "status" = { fg = 252, bg = 236 }
        "status.live" = { fg = "green", bg = 236, bold = true }
        "status.warning" = { fg = "black", bg = "yellow", bold = true }
        "status.error" = { fg = "white", bg = "red", bold = true }
        "env.simulate" = { fg = "black", bg = "cyan", bold = true }
        "env.real" = { fg = "white", bg = "red", bold = true, reverse = false }
        "stale" = { fg = 244, dim = true }
        "tab.active" = { fg = "black", bg = "cyan", bold = true }
        "tab.inactive" = { fg = 250, bg = 236 }
        "help.key" = { fg = "yellow", bold = true }
        "message.info" = { fg = "cyan" }
        "message.error" = { fg = "white", bg = "red", bold = true }
        "input" = { fg = "default", underline = true }
        """#,
        "light": #"""
        # mootui light theme: for light terminal backgrounds.
        name = "light"

        [roles]
        "text" = { fg = "default" }
        "text.dim" = { fg = 242 }
        "border" = { fg = 248 }
        "title" = { fg = 236, bold = true }
        "title.focused" = { fg = "blue", bold = true }
        "header" = { fg = 242 }
        "selection" = { fg = "black", bg = 153 }
        "quote.up" = { fg = 28 }
        "quote.down" = { fg = 160 }
        "book.bid" = { fg = 28 }
        "book.ask" = { fg = 160 }
        "book.own" = { fg = 130, bold = true }
        "tape.buy" = { fg = 28 }
        "tape.sell" = { fg = 160 }
        "tape.neutral" = { fg = 240 }
        "chart.up" = { fg = 28 }
        "chart.down" = { fg = 160 }
        "chart.line" = { fg = "blue" }
        "status" = { fg = 236, bg = 252 }
        "status.live" = { fg = 28, bg = 252, bold = true }
        "tab.active" = { fg = "white", bg = "blue", bold = true }
        "tab.inactive" = { fg = 236, bg = 252 }
        "help.key" = { fg = 130, bold = true }
        "message.info" = { fg = "blue" }
        "stale" = { fg = 246, dim = true }
        """#,
        "mono": #"""
        # mootui mono theme: no colour at all, only attributes (what NO_COLOR also gives).
        name = "mono"

        [roles]
        "text" = {}
        "text.dim" = { dim = true }
        "border" = {}
        "title" = { bold = true }
        "title.focused" = { bold = true, underline = true }
        "header" = { underline = true }
        "selection" = { reverse = true }
        "quote.up" = { bold = true }
        "quote.down" = { underline = true }
        "quote.flat" = {}
        "book.bid" = { bold = true }
        "book.ask" = {}
        "book.own" = { bold = true, underline = true }
        "book.cursor" = { reverse = true }
        "book.spread" = { dim = true }
        "tape.buy" = { bold = true }
        "tape.sell" = {}
        "tape.neutral" = { dim = true }
        "chart.up" = { bold = true }
        "chart.down" = {}
        "chart.line" = {}
        "status" = { reverse = true }
        "status.live" = { reverse = true, bold = true }
        "status.warning" = { reverse = true, bold = true }
        "status.error" = { reverse = true, bold = true, underline = true }
        "env.simulate" = { reverse = true, bold = true }
        "env.real" = { reverse = true, bold = true, underline = true }
        "stale" = { dim = true }
        "tab.active" = { reverse = true, bold = true }
        "tab.inactive" = { reverse = true }
        "help.key" = { bold = true }
        "message.info" = { bold = true }
        "message.error" = { reverse = true, bold = true }
        "input" = { underline = true }
        """#,
        "red-up": #"""
        # mootui red-up theme: the East Asian convention (red for a rise, green for a fall).
        name = "red-up"

        [roles]
        "quote.up" = { fg = "red" }
        "quote.down" = { fg = "green" }
        "book.bid" = { fg = "red" }
        "book.ask" = { fg = "green" }
        "tape.buy" = { fg = "red" }
        "tape.sell" = { fg = "green" }
        "chart.up" = { fg = "red" }
        "chart.down" = { fg = "green" }
        "status.live" = { fg = "red", bg = 236, bold = true }
        """#,
    ]
    /// `Keymaps/NAME.toml` by NAME.
    static let keymaps: [String: String] = [
        "default": #"""
        # mootui default keymap. One table per mode; "key" = "action". Lookup order: the open
        # dialog's mode (help, ticket), then the focused pane's mode, then [global].
        # Keys: single characters ("q", "?", "G"), space, enter, esc, tab, shift-tab, backspace,
        # delete, up, down, left, right, pgup, pgdn, home, end, f1-f24, ctrl-a..ctrl-z.
        name = "default"

        [global]
        "q" = "quit"
        "?" = "help"
        "tab" = "focus.next"
        "shift-tab" = "focus.prev"
        "1" = "tab.market"
        "2" = "tab.detail"
        "3" = "tab.portfolio"
        "]" = "chart.period.next"
        "[" = "chart.period.prev"
        "/" = "watch.add"
        "ctrl-l" = "redraw"
        "b" = "ticket.buy"
        "s" = "ticket.sell"
        ":" = "command.open"

        [watchlist]
        "up" = "cursor.up"
        "down" = "cursor.down"
        "home" = "cursor.top"
        "end" = "cursor.bottom"
        "pgup" = "page.up"
        "pgdn" = "page.down"
        "d" = "watch.remove"
        "delete" = "watch.remove"
        "x" = "ticket.close-position"

        [book]
        "up" = "cursor.up"
        "down" = "cursor.down"
        "c" = "cursor.center"
        "enter" = "ticket.level"

        [orders]
        "up" = "cursor.up"
        "down" = "cursor.down"
        "c" = "order.cancel"
        "C" = "order.cancel-all"
        "m" = "order.modify"

        [ticket]
        "enter" = "ticket.submit"
        "esc" = "ticket.close"
        "tab" = "ticket.field.next"
        "shift-tab" = "ticket.field.prev"
        "up" = "ticket.increase"
        "down" = "ticket.decrease"
        "space" = "ticket.side.toggle"
        "ctrl-a" = "ticket.max"

        [help]
        "esc" = "help.close"
        "q" = "help.close"
        "?" = "help.close"
        "up" = "cursor.up"
        "down" = "cursor.down"
        """#,
        "vim": #"""
        # mootui vim-style keymap: hjkl, g/G, ctrl-d/ctrl-u. See default.toml for the key names.
        name = "vim"

        [global]
        "q" = "quit"
        "?" = "help"
        "tab" = "focus.next"
        "shift-tab" = "focus.prev"
        "l" = "focus.next"
        "h" = "focus.prev"
        "1" = "tab.market"
        "2" = "tab.detail"
        "3" = "tab.portfolio"
        "]" = "chart.period.next"
        "[" = "chart.period.prev"
        "/" = "watch.add"
        "ctrl-l" = "redraw"
        "b" = "ticket.buy"
        "s" = "ticket.sell"
        ":" = "command.open"

        [watchlist]
        "k" = "cursor.up"
        "j" = "cursor.down"
        "up" = "cursor.up"
        "down" = "cursor.down"
        "g" = "cursor.top"
        "G" = "cursor.bottom"
        "ctrl-u" = "page.up"
        "ctrl-d" = "page.down"
        "d" = "watch.remove"
        "x" = "ticket.close-position"

        [book]
        "k" = "cursor.up"
        "j" = "cursor.down"
        "up" = "cursor.up"
        "down" = "cursor.down"
        "z" = "cursor.center"
        "enter" = "ticket.level"

        [orders]
        "k" = "cursor.up"
        "j" = "cursor.down"
        "up" = "cursor.up"
        "down" = "cursor.down"
        "c" = "order.cancel"
        "C" = "order.cancel-all"
        "m" = "order.modify"

        [ticket]
        "enter" = "ticket.submit"
        "esc" = "ticket.close"
        "tab" = "ticket.field.next"
        "shift-tab" = "ticket.field.prev"
        "k" = "ticket.increase"
        "j" = "ticket.decrease"
        "space" = "ticket.side.toggle"
        "ctrl-a" = "ticket.max"

        [help]
        "esc" = "help.close"
        "q" = "help.close"
        "?" = "help.close"
        "k" = "cursor.up"
        "j" = "cursor.down"
        """#,
    ]
}
