import CNcursesw
import Foundation

/// The one place that calls curses: owns the screen, draws runs of cells with the colour pairs
/// it allocates on demand, and decodes keys. Use it from one thread only.
public final class NcursesTerminal: TerminalBackend {
    /// Unicode or ASCII glyphs, from the locale's codeset.
    public let glyphs: Glyphs
    /// What colours the terminal can show (after NO_COLOR).
    public let colorSupport: ColorSupport
    private var pairs: [PairKey: Int16] = [:]
    private var restored = false
    private let screen: OpaquePointer?
    /// The log file (for a crash's backtrace and stray stderr output), and stderr as it was.
    private var logFD: Int32 = -1
    private var savedStderr: Int32 = -1

    private struct PairKey: Hashable { var fg: Int16; var bg: Int16 }

    /// Errors starting curses.
    public enum StartError: Error, CustomStringConvertible {
        case notATerminal
        case cannotInitialize(String)
        case cannotAddressCursor(String)

        public var description: String {
            switch self {
            case .notATerminal: return "the terminal UI needs an interactive terminal (stdin and stdout must be a tty)"
            case .cannotInitialize(let term): return "cannot start the terminal (TERM=\(term)); try TERM=xterm-256color"
            case .cannotAddressCursor(let term):
                return "TERM=\(term) cannot move the cursor, which the terminal UI needs (try TERM=xterm-256color)"
            }
        }
    }

    /// Starts curses on the process's terminal (or on `output`/`input` streams, e.g. a pty in a
    /// benchmark). Reads the locale so wide characters work; `environment` decides NO_COLOR.
    /// A terminal type that cannot address the cursor (`TERM=dumb`) is refused.
    ///
    /// With `logPath`, on the process's terminal: while the UI owns the screen, stderr goes to
    /// that file, and SIGQUIT or a crash (a Swift runtime trap) restores the terminal first and
    /// leaves the backtrace there (see `mt_guard_arm`).
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        output: UnsafeMutablePointer<FILE>? = nil, input: UnsafeMutablePointer<FILE>? = nil,
        terminalType: String? = nil, logPath: String? = nil
    ) throws {
        setlocale(LC_ALL, "")
        if output == nil {
            guard isatty(0) == 1, isatty(1) == 1 else { throw StartError.notATerminal }
        }
        var shellMode = termios()
        let haveShellMode = output == nil && tcgetattr(0, &shellMode) == 0
        let term = terminalType ?? environment["TERM"] ?? "xterm"
        let scr: OpaquePointer? = term.withCString { t in newterm(t, output ?? fdopen(1, "w"), input ?? fdopen(0, "r"))
        }
        guard let scr else { throw StartError.cannotInitialize(term) }
        set_term(scr)
        // tigetstr answers NULL (absent or cancelled) or -1 (not a string capability) without "cup".
        let cup = tigetstr("cup")
        guard let cup, Int(bitPattern: cup) != -1 else {
            endwin()
            delscreen(scr)
            throw StartError.cannotAddressCursor(term)
        }
        screen = scr
        glyphs = Glyphs.forCodeset(String(cString: mt_codeset()))
        cbreak()
        noecho()
        nonl()
        keypad(mt_stdscr(), true)
        nodelay(mt_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        var support = ColorSupport.none
        if has_colors() {
            start_color()
            use_default_colors()
            support = ColorSupport.detect(colors: Int(mt_colors()), environment: environment)
        }
        colorSupport = support
        if haveShellMode, let logPath {
            armCrashGuard(shellMode: shellMode, logPath: logPath)
        }
    }

    deinit { restore() }

    /// Gives the terminal back (endwin) and stderr; safe to call more than once.
    public func restore() {
        guard !restored else { return }
        restored = true
        mt_guard_disarm()
        endwin()
        if let screen { delscreen(screen) }
        if savedStderr >= 0 {
            dup2(savedStderr, 2)
            close(savedStderr)
            savedStderr = -1
        }
        if logFD >= 0 {
            close(logFD)
            logFD = -1
        }
    }

    /// Sends stderr to `logPath` and arms the crash guard with the terminal's shell mode.
    private func armCrashGuard(shellMode: termios, logPath: String) {
        logFD = open(logPath, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard logFD >= 0 else { return }
        savedStderr = fcntl(2, F_DUPFD_CLOEXEC, 3)
        if savedStderr >= 0 { dup2(logFD, 2) }
        var mode = shellMode
        let message = "mootui: stopped by SIGQUIT or a crash; the backtrace is in \(logPath)\n"
        // The message goes out through the saved stderr: the terminal, not the log.
        _ = mt_guard_arm(&mode, logFD, message, savedStderr)
    }

    public var size: TerminalSize {
        TerminalSize(columns: Int(mt_getmaxx(mt_stdscr())), rows: Int(mt_getmaxy(mt_stdscr())))
    }

    public func draw(_ runs: [CellRun], clear: Bool) {
        if clear { wclear(mt_stdscr()) }
        var buffer: [wchar_t] = Array(repeating: 0, count: 8)
        for run in runs {
            var x = run.x
            for cell in run.cells {
                defer { x += 1 }
                if cell.isContinuation { continue }
                var n = 0
                for scalar in cell.text.unicodeScalars where n < 6 {
                    var v = scalar.value
                    if glyphs.isASCII && v > 0x7E { v = 0x3F }  // '?': the locale cannot show it
                    buffer[n] = wchar_t(bitPattern: v)
                    n += 1
                    if glyphs.isASCII { break }
                }
                if n == 0 { buffer[0] = 0x20; n = 1 }
                if glyphs.isASCII, CharacterWidth.of(cell.text) == 2 {
                    // a wide character shows as two '?' so columns stay aligned
                    buffer[0] = 0x3F; buffer[1] = 0
                    _ = mt_put_cell(Int32(run.y), Int32(x), buffer, attributes(cell.style), pair(for: cell.style))
                    _ = mt_put_cell(Int32(run.y), Int32(x + 1), buffer, attributes(cell.style), pair(for: cell.style))
                    continue
                }
                buffer[n] = 0
                _ = mt_put_cell(Int32(run.y), Int32(x), buffer, attributes(cell.style), pair(for: cell.style))
            }
        }
    }

    public func flush() { refresh() }

    /// Reads every pending key without blocking; a resize is reported as `nil` key with the new size.
    public func readInput() -> [TerminalInput] {
        var out: [TerminalInput] = []
        var value: UInt32 = 0
        while true {
            let kind = mt_read_key(&value)
            if kind == 0 { break }
            if kind == 2 {
                if Int32(value) == mt_key_resize() {
                    out.append(.resize(size))
                } else if let key = NcursesTerminal.functionKey(Int32(value)) {
                    out.append(.key(key))
                }
            } else if let key = NcursesTerminal.characterKey(value) {
                out.append(.key(key))
            }
        }
        return out
    }

    static func characterKey(_ v: UInt32) -> Key? {
        switch v {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(v + 96)!))
        default:
            guard v >= 32, let s = Unicode.Scalar(v) else { return nil }
            return .character(Character(s))
        }
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BTAB: return .backTab
        default:
            let f = code - mt_key_f0()
            return (1...24).contains(f) ? .function(Int(f)) : nil
        }
    }

    private func attributes(_ s: CellStyle) -> attr_t {
        var a = mt_a_normal()
        if s.bold { a |= mt_a_bold() }
        if s.dim { a |= mt_a_dim() }
        if s.underline { a |= mt_a_underline() }
        if s.reverse { a |= mt_a_reverse() }
        return a
    }

    private func colorNumber(_ c: TerminalColor) -> Int16 {
        switch c {
        case .default: return -1
        case .ansi(let n): return Int16(n)
        case .indexed(let n): return Int16(n)
        }
    }

    private func pair(for style: CellStyle) -> Int16 {
        guard colorSupport != .none else { return 0 }
        let key = PairKey(fg: colorNumber(style.foreground), bg: colorNumber(style.background))
        if key.fg == -1 && key.bg == -1 { return 0 }
        if let p = pairs[key] { return p }
        let next = Int16(pairs.count + 1)
        guard Int32(next) < mt_color_pairs() else { return 0 }
        init_pair(next, key.fg, key.bg)
        pairs[key] = next
        return next
    }
}

/// What the terminal reports: a key, or a new size.
public enum TerminalInput: Sendable, Hashable {
    case key(Key)
    case resize(TerminalSize)
}
