/// Finds table headers the TOML parser cannot be given.
///
/// toml++ 3.4 (inside TOMLKit) asserts, and so aborts the whole program (SwiftPM builds C++
/// without NDEBUG), on a table header whose key does not start right after the brackets: `[`
/// or `[[` followed, after spaces, by a character that can neither begin a bare key nor quote
/// one (end of line, `=`, `#`, `.`…). Found by Scripts/fuzz.sh (fuzz-keymap, input "[\n").
/// ``ConfigFileError/parseTOML(_:file:)`` reports such a line instead of parsing it.
enum TOMLHeaderCheck {
    /// The 1-based line of the first such header, or nil.
    static func firstBadHeader(in source: String) -> Int? {
        var line = 1
        var atLineStart = true
        var bytes = source.utf8[...]
        while let byte = bytes.first {
            if byte == UInt8(ascii: "\n") {
                line += 1
                atLineStart = true
                bytes.removeFirst()
                continue
            }
            if atLineStart, byte == UInt8(ascii: "[") {
                if !keyFollows(bytes.dropFirst()) { return line }
            }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") { atLineStart = false }
            bytes.removeFirst()
        }
        return nil
    }

    /// Whether the text after a header's first `[` is one the parser handles: it reports `[ [`,
    /// `[]`, `[[ ]]` and the end of input itself, and otherwise presumes that, after spaces and
    /// an optional second `[`, a bare-key character or a quote comes.
    private static func keyFollows(_ afterBracket: Substring.UTF8View.SubSequence) -> Bool {
        func isSpace(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
        var rest = afterBracket.drop(while: isSpace)
        if rest.first == UInt8(ascii: "[") {
            if rest.startIndex != afterBracket.startIndex { return true }  // "[ [": reported
            rest = rest.dropFirst().drop(while: isSpace)
        }
        guard let c = rest.first, c != UInt8(ascii: "]") else { return true }
        switch c {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"),
            UInt8(ascii: "\""), UInt8(ascii: "'"):
            return true
        default:
            return false
        }
    }
}
