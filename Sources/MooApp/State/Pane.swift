import TradingKit

/// Panes that take the keyboard focus.
public enum Pane: String, Sendable, Hashable, CaseIterable {
    case watchlist, book, orders, positions, alerts

    /// The keymap mode active while this pane has focus.
    public var keymapMode: KeymapMode {
        switch self {
        case .watchlist: return .watchlist
        case .book: return .book
        case .positions: return .positions
        case .orders: return .orders
        case .alerts: return .alerts
        }
    }

    /// True for the panes on the portfolio tab of small screens.
    public var isPortfolio: Bool { self == .positions || self == .orders || self == .alerts }
}

/// Screens on terminals too small to show every pane at once.
public enum ScreenTab: String, Sendable, Hashable, CaseIterable {
    case market, detail, portfolio

    public var title: String {
        switch self {
        case .market: return "1 Market"
        case .detail: return "2 Detail"
        case .portfolio: return "3 Portfolio"
        }
    }
}

/// A dialog over the panes. The order ticket (issue 5, `Sources/MooApp/Ticket/`) adds its case here.
public enum Modal: Sendable, Equatable {
    /// Help generated from the active keymap, scrolled by `offset` lines.
    case help(offset: Int)
    /// The "add a code" prompt with what has been typed.
    case addCode(String)
    /// The order ticket (`Sources/MooApp/Ticket/`).
    case ticket(OrderTicket)
    /// The `:` order command line with what has been typed.
    case command(String)
    /// A yes/no question; `effects` run on yes.
    case confirm(prompt: String, effects: [Effect])
    /// The price-alert dialog (`Sources/MooApp/Alerts/`).
    case alert(AlertDialog)
}

/// A line at the bottom of the screen, cleared after a while.
public struct StatusMessage: Sendable, Hashable {
    public var text: String
    public var isError: Bool
    /// Monotonic seconds after which it disappears.
    public var expiresAt: Double

    /// A message shown until `expiresAt`.
    public init(text: String, isError: Bool, expiresAt: Double) {
        self.text = text; self.isError = isError; self.expiresAt = expiresAt
    }
}

/// A K-line series: one code at one period.
public struct CandleSeries: Sendable, Hashable {
    public var code: SecurityCode
    public var period: BarPeriod

    /// The series of `code` at `period`.
    public init(_ code: SecurityCode, _ period: BarPeriod) { self.code = code; self.period = period }
}
