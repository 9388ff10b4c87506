import TerminalUI
import TradingKit

/// Everything the screen shows, as plain values. Only the reducer changes it.
public struct AppState: Sendable, Equatable {
    // gateway
    public var environment: TradingEnvironment
    public var gatewayAddress: String
    /// Set while replaying a recording ("REPLAY 10x · PAPER"): shown in place of SIMULATE / REAL.
    public var replayBadge: String? = nil
    /// Where the replay stands (its clock, speed, pause), from the gateway.
    public var replayStatus: ReplayStatus? = nil
    /// The session's recording (`record.toggle`, `--record FILE`), once the gateway reported it.
    public var recording: RecordingStatus? = nil
    public var connection: ConnectionStatus = .connecting(attempt: 1)
    /// True once the gateway was live at least once (afterwards a drop marks values stale).
    public var hasBeenLive = false
    /// True between a drop and the next connect.
    public var hasDropped = false
    public var quota: Quota?
    public var orderBudget: OrderBudget?
    /// Monotonic seconds of the newest push.
    public var lastPushAt: Double?
    /// Monotonic seconds, advanced by the timer and by pushes.
    public var now: Double = 0
    /// Local wall-clock seconds minus monotonic seconds (set once at start), so the status bar
    /// can say when the newest push arrived without reading a clock.
    public var wallClockOffset: Double = 0
    /// The health HUD (round trips, pushes, budgets, reconnects, push ages).
    public var health = HealthState()

    // market data
    public var watchlist: [SecurityCode]
    public var securities: [SecurityCode: SecurityInfo] = [:]
    public var marketStates: [SecurityCode: MarketState] = [:]
    public var quotes: [SecurityCode: Quote] = [:]
    public var books: [SecurityCode: OrderBook] = [:]
    /// Newest first, at most ``tapeLimit`` per code.
    public var tapes: [SecurityCode: [Tick]] = [:]
    /// Prints lost per code because the screen fell behind a burst (shown on the tape).
    public var droppedPrints: [SecurityCode: Int] = [:]
    /// Oldest first, at most ``barLimit`` per series.
    public var candles: [CandleSeries: [Bar]] = [:]
    public var chartPeriod: BarPeriod = .fiveMinutes
    /// Series whose history has been asked for (so switching back does not ask again).
    public var requestedHistory: Set<CandleSeries> = []
    /// Codes whose book, tape and bars are subscribed.
    public var detailCodes: Set<SecurityCode> = []
    /// Codes being checked with the gateway before joining the watchlist.
    public var pendingAdds: Set<SecurityCode> = []

    // trading
    public var account: Account?
    /// Every account of the environment (one per trade market); see `tradingAccount(for:)`.
    public var accounts: [Account] = []
    /// Funds of each account, by account id.
    public var fundsByAccount: [UInt64: Funds] = [:]
    /// REAL trading unlocked on this gateway (OpenD's unlock is global to the gateway).
    public var isTradeUnlocked = false
    public var funds: Funds?
    public var positions: [Position] = []
    /// Today's orders, newest first.
    public var orders: [Order] = []
    /// The fee schedule the ticket estimates with (and unreported fills are estimated by).
    public var feeSchedule: FeeSchedule = .none
    /// Fees the gateway reported (Trd_GetOrderFee), by order id.
    var reportedFees: [String: ReportedFees] = [:]
    /// Orders sent without an answer (link dropped): also at the top of `orders`, status UNKNOWN,
    /// until an order list read afterwards settles them (see `AppReducer.noteUnknownOrder`).
    public var unknownOrders: [Order] = []

    // interaction
    public var keymap: Keymap
    public var size = TerminalSize(columns: 80, rows: 24)
    public var selectedIndex = 0
    public var focus: Pane = .watchlist
    public var tab: ScreenTab = .market
    /// Ladder row under the cursor: 0...9 the asks from the tenth level down, 10...19 the bids from the best.
    public var bookCursor = 10
    public var orderCursor = 0
    public var modal: Modal?
    public var message: StatusMessage?
    public var isFinished = false
    /// Set by `redraw`: the next frame is sent whole.
    public var redrawRequested = false

    // cockpit (issue 15): positions and alerts panes, the user's security groups
    /// Row of the positions pane under the cursor.
    public var positionCursor = 0
    /// The user's price alerts on the gateway, by code then kind.
    public var alerts: [PriceAlert] = []
    public var alertCursor = 0
    /// Codes whose alert triggered this session (marked in the watchlist).
    public var alertedCodes: Set<SecurityCode> = []
    /// Keys of the alerts that triggered this session (a once-only one stays off even if a list
    /// read before the trigger arrives after it).
    public var firedAlertKeys: Set<Int64> = []
    /// Ring the terminal bell when an alert triggers (settings: `alert-bell = "off"` silences it).
    public var alertBell = true
    /// The user's watchlist groups on the gateway (empty: only the local list).
    public var groups: [SecurityGroup] = []
    /// The group the watchlist shows; nil for the local list.
    public var activeGroup: String?
    /// The local list, kept while a group is shown.
    public var localWatchlist: [SecurityCode]?

    /// Ticks kept per code: the tape's memory is bounded whatever the trade rate.
    public static let tapeLimit = 200
    /// Bars kept per series.
    public static let barLimit = 500
    /// Periods the chart cycles through.
    public static let chartPeriods: [BarPeriod] = [.oneMinute, .fiveMinutes, .fifteenMinutes, .sixtyMinutes, .day]

    /// A fresh state for a gateway at `gatewayAddress` and a starting watchlist.
    public init(environment: TradingEnvironment, gatewayAddress: String, watchlist: [SecurityCode], keymap: Keymap) {
        self.environment = environment
        self.gatewayAddress = gatewayAddress
        var seen = Set<SecurityCode>()
        self.watchlist = watchlist.filter { seen.insert($0).inserted }
        self.keymap = keymap
    }

    /// The code the detail panes follow.
    public var selectedCode: SecurityCode? {
        watchlist.indices.contains(selectedIndex) ? watchlist[selectedIndex] : nil
    }

    /// True when what is on screen may be out of date (the gateway dropped).
    public var isStale: Bool { hasBeenLive && !connection.isLive }

    /// The security's display name: static info, else the quote's, else empty.
    public func name(of code: SecurityCode) -> String {
        if let n = securities[code]?.name, !n.isEmpty { return n }
        return quotes[code]?.name ?? ""
    }

    /// Working orders of `code` (for the ladder's marks).
    public func workingOrders(of code: SecurityCode) -> [Order] {
        orders.filter { $0.code == code && $0.status.isWorking }
    }

    /// Keymap modes in lookup order for the current focus and dialog.
    public var activeModes: [String] {
        var modes: [String] = []
        if case .help = modal { modes.append(KeymapMode.help.rawValue) }
        if case .ticket = modal { modes.append(KeymapMode.ticket.rawValue) }
        modes.append(focus.keymapMode.rawValue)
        if isReplay { modes.append(KeymapMode.replay.rawValue) }
        modes.append(KeymapMode.global.rawValue)
        return modes
    }
}
