import TerminalUI
import TradingKit

/// Everything that can change the state: keys, the terminal, the timer, gateway pushes and the
/// answers to effects.
public enum AppEvent: Sendable, Equatable {
    /// The gateway is connected: load what the screen needs.
    case started
    case key(Key)
    case action(AppAction)
    case resize(TerminalSize)
    /// The once-a-second timer, with monotonic seconds.
    case timer(Double)
    /// SIGINT, SIGTERM, SIGHUP: leave cleanly.
    case signal(Int32)
    /// A push, received at monotonic seconds `at`.
    case gateway(GatewayEvent, at: Double)
    /// Conflated pushes wait in the gateway's push feed; the program takes them at the next frame.
    case pushesWaiting
    case response(GatewayResponse)
}

/// Answers to effects, posted back to the UI thread.
public enum GatewayResponse: Sendable, Hashable {
    /// The check of a code typed after `/`: its info, or nil when the gateway does not know it.
    case securityChecked(SecurityCode, SecurityInfo?)
    case securityInfo([SecurityInfo])
    case marketStates([SecurityCode: MarketState])
    case snapshots([Snapshot])
    case orderBook(OrderBook)
    case ticks(SecurityCode, [Tick])
    case history(CandleSeries, [Bar])
    case account(Account?)
    /// Every trading account of the environment (the portfolio reads each).
    case accounts([Account])
    case funds(Funds)
    /// Funds of one account.
    case accountFunds(UInt64, Funds)
    case positions([Position])
    case orders([Order])
    /// Fees the gateway reported, with the filled quantity of each order when they were asked for.
    case orderFees([OrderFees], filled: [String: Int64])
    case limits(Quota?, OrderBudget?)
    /// The gateway's health reading (for the HUD), taken just after the timer's tick.
    case health(GatewayHealth?)
    case orderCancelled(String)
    /// Answers for the order ticket.
    case ticket(TicketResponse)
    /// The user's price alerts, read again after any change.
    case alerts([PriceAlert])
    /// The user's watchlist groups.
    case groups([SecurityGroup])
    /// The codes (with their static info) of a group.
    case groupSecurities(String, [SecurityInfo])
    /// How the session's recording stands (after `record.toggle`, and once a second while it runs).
    case recordingStatus(RecordingStatus)
    /// Where the replay stands (after a replay key, and once a second).
    case replayStatus(ReplayStatus)
    /// A line for the message bar (an effect that worked).
    case notice(String)
    /// Something failed: `what` we tried, and the gateway's one-line reason.
    case failed(what: String, reason: String)
}

/// Work the reducer asks for; the effect runner does it and posts responses.
public enum Effect: Sendable, Hashable {
    case subscribe([SecurityCode], [SubscriptionType])
    case unsubscribe([SecurityCode], [SubscriptionType])
    /// Ask the gateway whether a typed code exists.
    case checkSecurity(SecurityCode)
    case loadSecurityInfo([SecurityCode])
    case loadSnapshots([SecurityCode])
    /// Subscribe to book, ticker and 1-minute bars of a code, then load their current values.
    case watchDetail(SecurityCode)
    /// Load `count` bars of a series (subscribing to that period so it stays live).
    case loadHistory(CandleSeries, count: Int)
    /// Account, funds, positions and today's orders.
    case loadPortfolio
    /// Subscription quota and the order-rate budget.
    case refreshLimits
    /// Ask the gateway for the subscription quota (after subscriptions were replayed).
    case refreshQuota
    /// Cancel an order through the account that holds it.
    case cancelOrder(String, Account)
    /// Place an order (from the ticket, every field already validated) through the account that
    /// trades its market.
    case placeOrder(OrderRequest, Account)
    /// Read the gateway's health for the HUD (local bookkeeping, no request).
    case refreshHealth
    /// Modify a working order: new price (limit orders) and new total quantity.
    case modifyOrder(String, Account, price: Price?, quantity: Int64)
    /// Unlock REAL trading with the trade password (consumed, and so wiped, by the gateway).
    case unlockTrade(TradePassword)
    /// Max buy/sell quantities for the ticket at a price.
    case fetchMaxQuantities(SecurityCode, Price, OrderType, Account)
    /// Ask for the fees of these orders of one account (id → filled quantity now).
    case fetchOrderFees([String: Int64], Account)
    /// Persist the watchlist in the config file.
    case saveWatchlist([SecurityCode])
    /// Read the user's price alerts.
    case loadAlerts
    /// Set a price alert.
    case addAlert(PriceAlert)
    /// Delete a price alert.
    case deleteAlert(PriceAlert)
    /// Ring the terminal bell once (the program does it on the UI thread).
    case ringBell
    /// Read the user's watchlist groups.
    case loadGroups
    /// Read the codes of a group, to show it as the watchlist.
    case loadGroup(String)
    /// Add (true) or delete (false) codes in a group on the gateway.
    case editGroup(String, add: Bool, [SecurityCode])
    /// Send the next frame whole.
    case redrawAll
    /// Start / stop recording the session, or just ask how it stands.
    case recording(RecordingCommand)
    /// Pause, step, seek or re-speed the replay (`mootui replay`), or just ask where it is.
    case replay(ReplayControl)
}
