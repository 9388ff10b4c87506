/// A semantic colour role: views ask for `quote.up`, never for "green", so a theme can follow
/// the East Asian red-up convention or a colour-blind palette without touching a view.
public struct ThemeRole: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let name: String

    /// A role by name (unchecked; theme files are checked against ``all``).
    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { name = value }
    public var description: String { name }

    public static let text: ThemeRole = "text"
    public static let dim: ThemeRole = "text.dim"
    public static let border: ThemeRole = "border"
    public static let title: ThemeRole = "title"
    public static let titleFocused: ThemeRole = "title.focused"
    public static let header: ThemeRole = "header"
    public static let selection: ThemeRole = "selection"
    public static let quoteUp: ThemeRole = "quote.up"
    public static let quoteDown: ThemeRole = "quote.down"
    public static let quoteFlat: ThemeRole = "quote.flat"
    public static let bookBid: ThemeRole = "book.bid"
    public static let bookAsk: ThemeRole = "book.ask"
    public static let bookOwn: ThemeRole = "book.own"
    public static let bookCursor: ThemeRole = "book.cursor"
    public static let bookSpread: ThemeRole = "book.spread"
    public static let tapeBuy: ThemeRole = "tape.buy"
    public static let tapeSell: ThemeRole = "tape.sell"
    public static let tapeNeutral: ThemeRole = "tape.neutral"
    public static let chartUp: ThemeRole = "chart.up"
    public static let chartDown: ThemeRole = "chart.down"
    public static let chartLine: ThemeRole = "chart.line"
    public static let status: ThemeRole = "status"
    public static let statusLive: ThemeRole = "status.live"
    public static let statusWarning: ThemeRole = "status.warning"
    public static let statusError: ThemeRole = "status.error"
    public static let envSimulate: ThemeRole = "env.simulate"
    public static let envReal: ThemeRole = "env.real"
    public static let stale: ThemeRole = "stale"
    public static let tabActive: ThemeRole = "tab.active"
    public static let tabInactive: ThemeRole = "tab.inactive"
    public static let helpKey: ThemeRole = "help.key"
    public static let messageInfo: ThemeRole = "message.info"
    public static let messageError: ThemeRole = "message.error"
    public static let input: ThemeRole = "input"

    /// Every role a theme may define.
    public static let all: [ThemeRole] = [
        text, dim, border, title, titleFocused, header, selection, quoteUp, quoteDown, quoteFlat, bookBid, bookAsk,
        bookOwn, bookCursor, bookSpread, tapeBuy, tapeSell, tapeNeutral, chartUp, chartDown, chartLine, status,
        statusLive, statusWarning, statusError, envSimulate, envReal, stale, tabActive, tabInactive, helpKey,
        messageInfo, messageError, input,
    ]
}
