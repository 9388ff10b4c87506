import Foundation

/// The characters used for borders, arrows and charts: Unicode on UTF-8 terminals, plain ASCII
/// elsewhere (LANG=C over ssh) so nothing turns into garbage.
public struct Glyphs: Sendable, Hashable {
    public var horizontal: String
    public var vertical: String
    public var up: String
    public var down: String
    public var flat: String
    public var ellipsis: String
    public var bullet: String
    public var cursor: String
    /// Eight heights, lowest first, for sparklines.
    public var sparkline: [String]
    public var candleBody: String
    public var candleWick: String
    public var ownOrder: String
    public var isASCII: Bool

    /// Box drawing and block elements.
    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", up: "▲", down: "▼", flat: "•", ellipsis: "…", bullet: "●", cursor: "▶",
        sparkline: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], candleBody: "█", candleWick: "│", ownOrder: "◆",
        isASCII: false)

    /// Seven-bit only.
    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", up: "^", down: "v", flat: "=", ellipsis: "~", bullet: "*", cursor: ">",
        sparkline: ["_", ".", "-", "~", "=", "+", "*", "#"], candleBody: "#", candleWick: "|", ownOrder: "@",
        isASCII: true)

    /// Unicode glyphs when `codeset` (from `nl_langinfo(CODESET)`) is UTF-8.
    public static func forCodeset(_ codeset: String) -> Glyphs {
        let c = codeset.uppercased().replacingOccurrences(of: "-", with: "")
        return c == "UTF8" ? .unicode : .ascii
    }
}
