/// Finds what the TOML parser cannot safely be given.
///
/// toml++ 3.4 (inside TOMLKit) checks some of its own invariants with `assert`, and SwiftPM
/// builds C++ without NDEBUG, so on the inputs below the parser aborts the whole program instead
/// of reporting an error (in a build with NDEBUG they would be undefined behaviour instead). Both
/// were found by Scripts/fuzz.sh:
/// - a table header whose key does not start right after the brackets: `[` or `[[` followed,
///   after spaces, by a character that can neither begin a bare key nor quote one (end of line,
///   `=`, `#`, `.`…); fuzz-keymap, input "[\n";
/// - a `}` where an array expects a value or its end: `watchlist = [}`, `x = [1, }`;
///   fuzz-settings;
/// - a value starting with a digit followed by a space and a single digit, then a space, `,`,
///   `]`, `}` or `#` (`x = 2026-12-08 1}`): when the value looks like a date, the parser reads on
///   for a time after the space and asserts it is not at a terminator; fuzz-theme. It counts the
///   date's characters as code points, so any such value is reported, whatever its length:
///   after a value only a separator may follow, and a date-time's time has at least `HH:MM`, so
///   such text is never valid TOML.
///
/// This is a single pass of TOML's lexical structure (strings of all four kinds, comments, table
/// headers, nesting of arrays and inline tables), not a validator: everything it does not report
/// is left to the parser, which reports its own errors. ``ConfigFileError/parseTOML(_:file:)``
/// runs it first and turns what it finds into a ``ConfigFileError`` with the line.
enum TOMLPreCheck {
    struct Problem: Equatable {
        var line: Int
        var message: String

        static let headerWithoutKey = "a table header needs a key after '['"
        static let braceInArray = "'}' inside an array (an inline table's '{' is missing, or ']' is)"
        static let truncatedTime = "a stray number after a value (a date and time needs HH:MM:SS after the space)"
    }

    /// The first such problem, or nil.
    static func firstProblem(in source: String) -> Problem? {
        var scan = Scanner(bytes: Array(source.utf8))
        return scan.run()
    }

    private struct Scanner {
        let bytes: [UInt8]
        var i = 0
        var line = 1
        /// Open arrays (`[`) and inline tables (`{`) of the value being read.
        var open: [UInt8] = []
        var atLineStart = true

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func run() -> Problem? {
            // A UTF-8 byte order mark, which the parser skips: the first line still starts after it.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case UInt8(ascii: "\n"):
                    line += 1
                    atLineStart = true
                    i += 1
                    continue
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    i += 1
                    continue
                case UInt8(ascii: "#"):
                    skipComment()
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    skipString()
                case UInt8(ascii: "["):
                    if atLineStart && open.isEmpty {
                        guard keyFollows(after: i + 1) else {
                            return Problem(line: line, message: Problem.headerWithoutKey)
                        }
                        skipHeader()
                    } else {
                        open.append(b)
                        i += 1
                    }
                case UInt8(ascii: "{"):
                    open.append(b)
                    i += 1
                case UInt8(ascii: "]"):
                    if open.last == UInt8(ascii: "[") { open.removeLast() }
                    i += 1
                case UInt8(ascii: "}"):
                    if open.last == UInt8(ascii: "[") {
                        return Problem(line: line, message: Problem.braceInArray)
                    }
                    if open.last == UInt8(ascii: "{") { open.removeLast() }
                    i += 1
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if isTruncatedSpacedDateTime(at: i) {
                        return Problem(line: line, message: Problem.truncatedTime)
                    }
                    i += 1
                default:
                    i += 1
                }
                atLineStart = false
            }
            return nil
        }

        /// Whether a bare value starts at `start` with a digit and runs, without a terminator, to
        /// a space, one digit and a terminator.
        func isTruncatedSpacedDateTime(at start: Int) -> Bool {
            func isTerminator(_ b: UInt8) -> Bool {
                switch b {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "]"), UInt8(ascii: "}"),
                    UInt8(ascii: ","), UInt8(ascii: "#"):
                    return true
                default:
                    return false
                }
            }
            func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
            guard start + 3 < bytes.count else { return false }
            if start > 0 {
                switch bytes[start - 1] {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "="), UInt8(ascii: "["),
                    UInt8(ascii: ","), UInt8(ascii: "{"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                    break
                default:
                    return false
                }
            }
            var end = start
            while end < bytes.count, !isTerminator(bytes[end]), bytes[end] != UInt8(ascii: "\n"),
                  bytes[end] != UInt8(ascii: "\r") {
                end += 1
            }
            return end + 2 < bytes.count && bytes[end] == UInt8(ascii: " ") && isDigit(bytes[end + 1])
                && isTerminator(bytes[end + 2])
        }

        /// From `#` to the end of the line (the newline itself is left for ``run()``).
        mutating func skipComment() {
            while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
        }

        /// A basic or literal string, single- or multi-line, from its opening quote past its close
        /// (or to the end of the line or input, for the parser to report).
        mutating func skipString() {
            let quote = bytes[i]
            let basic = quote == UInt8(ascii: "\"")
            if i + 2 < bytes.count, bytes[i + 1] == quote, bytes[i + 2] == quote {
                i += 3
                while i < bytes.count {
                    if basic, bytes[i] == UInt8(ascii: "\\") {
                        // A line-ending backslash escapes the newline: still a line.
                        if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\n") { line += 1 }
                        i += 2
                        continue
                    }
                    if bytes[i] == UInt8(ascii: "\n") { line += 1 }
                    if bytes[i] == quote, i + 2 < bytes.count, bytes[i + 1] == quote, bytes[i + 2] == quote {
                        i += 3
                        // Up to two more quotes belong to the string's content.
                        while i < bytes.count, bytes[i] == quote { i += 1 }
                        return
                    }
                    i += 1
                }
                return
            }
            i += 1
            while i < bytes.count, bytes[i] != UInt8(ascii: "\n") {
                if basic, bytes[i] == UInt8(ascii: "\\") { i += 2; continue }
                if bytes[i] == quote { i += 1; return }
                i += 1
            }
        }

        /// A table header line, from its `[` to the end of its line: quoted keys may hold brackets.
        mutating func skipHeader() {
            while i < bytes.count, bytes[i] != UInt8(ascii: "\n") {
                switch bytes[i] {
                case UInt8(ascii: "\""), UInt8(ascii: "'"): skipString()
                case UInt8(ascii: "#"): skipComment()
                default: i += 1
                }
            }
        }

        /// Whether the text after a header's first `[` is one the parser handles: it reports
        /// `[ [`, `[]`, `[[ ]]` and the end of input itself, and otherwise presumes that, after
        /// spaces and an optional second `[`, a bare-key character or a quote comes.
        func keyFollows(after start: Int) -> Bool {
            func isSpace(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
            var j = start
            while j < bytes.count, isSpace(bytes[j]) { j += 1 }
            if j < bytes.count, bytes[j] == UInt8(ascii: "[") {
                if j != start { return true }  // "[ [": reported by the parser
                j += 1
                while j < bytes.count, isSpace(bytes[j]) { j += 1 }
            }
            guard j < bytes.count, bytes[j] != UInt8(ascii: "]") else { return true }
            switch bytes[j] {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"),
                UInt8(ascii: "\""), UInt8(ascii: "'"):
                return true
            default:
                return false
            }
        }
    }
}
