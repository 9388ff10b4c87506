import TradingKit

/// Everything MooApp needs from a gateway, as a struct of closures: the live value adapts an
/// `OpenDClient`, tests build one from plain values.
public struct Gateway: Sendable {
    /// "HOST:PORT" for the status bar.
    public var address: String
    /// Pushes and connection changes; consumed once.
    public var events: @Sendable () -> AsyncStream<GatewayEvent>
    public var subscribe: @Sendable ([SecurityCode], [SubscriptionType]) async throws -> Void
    public var unsubscribe: @Sendable ([SecurityCode], [SubscriptionType]) async throws -> Void
    /// Static info; a code the gateway does not know is absent from the answer.
    public var securityInfo: @Sendable ([SecurityCode]) async throws -> [SecurityInfo]
    public var snapshots: @Sendable ([SecurityCode]) async throws -> [Snapshot]
    public var orderBook: @Sendable (SecurityCode) async throws -> OrderBook
    public var ticks: @Sendable (SecurityCode, Int) async throws -> [Tick]
    /// The latest `count` bars of a period (subscribing to it first, so it stays live).
    public var bars: @Sendable (SecurityCode, BarPeriod, Int) async throws -> [Bar]
    /// Trading phase of each code's market.
    public var marketStates: @Sendable ([SecurityCode]) async throws -> [SecurityCode: MarketState]
    public var accounts: @Sendable () async throws -> [Account]
    public var funds: @Sendable (Account) async throws -> Funds
    public var positions: @Sendable (Account) async throws -> [Position]
    public var orders: @Sendable (Account) async throws -> [Order]
    public var cancelOrder: @Sendable (Account, String) async throws -> Void
    /// Places an order; returns the gateway's order id.
    public var placeOrder: @Sendable (Account, OrderRequest) async throws -> String
    /// Modifies a working order (new price for limit orders, new total quantity).
    public var modifyOrder: @Sendable (Account, String, Price?, Int64) async throws -> Void
    /// Unlocks REAL trading with the trade password (consumes it: the live gateway sends its MD5).
    public var unlockTrade: @Sendable (TradePassword) async throws -> Void
    /// Max buy/sell quantities at a price.
    public var maxQuantities: @Sendable (Account, SecurityCode, Price, OrderType) async throws -> MaxQuantities
    /// Itemised fees of orders by id (Trd_GetOrderFee; REAL accounts only on OpenD).
    public var orderFees: @Sendable (Account, [String]) async throws -> [OrderFees]
    /// Subscription quota (a request to the gateway).
    public var quota: @Sendable () async throws -> Quota?
    /// The order-rate budget (local bookkeeping, no request).
    public var orderBudget: @Sendable (Account?) -> OrderBudget?
    /// Conflated market-data pushes the UI takes once per frame; nil when every push comes
    /// through ``events``.
    public var pushFeed: PushFeed?
    /// Starts / stops recording every received frame to a file (`record.toggle`); nil when not offered.
    public var recording: (@Sendable (RecordingCommand) -> RecordingStatus)? = nil
    /// Controls the replay when the gateway is the simulator serving a recording (`mootui replay`); nil otherwise.
    public var replayControl: (@Sendable (ReplayControl) -> ReplayStatus?)? = nil
    /// The user's price reminders (Qot_GetPriceReminder).
    public var priceAlerts: @Sendable () async throws -> [PriceAlert] = { throw GatewayUnavailable("price alerts") }
    /// Sets a price reminder (Qot_SetPriceReminder add); returns its key.
    public var addPriceAlert: @Sendable (PriceAlert) async throws -> Int64 = { _ in
        throw GatewayUnavailable("price alerts")
    }
    /// Deletes the price reminder of a code by key.
    public var deletePriceAlert: @Sendable (SecurityCode, Int64) async throws -> Void = { _, _ in
        throw GatewayUnavailable("price alerts")
    }
    /// The user's watchlist groups (Qot_GetUserSecurityGroup); empty when there are none.
    public var securityGroups: @Sendable () async throws -> [SecurityGroup] = { [] }
    /// The securities of a group (Qot_GetUserSecurity).
    public var groupSecurities: @Sendable (String) async throws -> [SecurityInfo] = { _ in
        throw GatewayUnavailable("security groups")
    }
    /// Adds (true) or deletes (false) codes in a custom group (Qot_ModifyUserSecurity).
    public var modifyGroup: @Sendable (String, Bool, [SecurityCode]) async throws -> Void = { _, _, _ in
        throw GatewayUnavailable("editing security groups")
    }
    /// The connection's health for the HUD (local bookkeeping, no request); nil when unknown.
    public var health: @Sendable (Account?) -> GatewayHealth? = { _ in nil }

    /// A gateway from closures.
    public init(
        address: String,
        events: @escaping @Sendable () -> AsyncStream<GatewayEvent>,
        subscribe: @escaping @Sendable ([SecurityCode], [SubscriptionType]) async throws -> Void,
        unsubscribe: @escaping @Sendable ([SecurityCode], [SubscriptionType]) async throws -> Void,
        securityInfo: @escaping @Sendable ([SecurityCode]) async throws -> [SecurityInfo],
        snapshots: @escaping @Sendable ([SecurityCode]) async throws -> [Snapshot],
        orderBook: @escaping @Sendable (SecurityCode) async throws -> OrderBook,
        ticks: @escaping @Sendable (SecurityCode, Int) async throws -> [Tick],
        bars: @escaping @Sendable (SecurityCode, BarPeriod, Int) async throws -> [Bar],
        marketStates: @escaping @Sendable ([SecurityCode]) async throws -> [SecurityCode: MarketState],
        accounts: @escaping @Sendable () async throws -> [Account],
        funds: @escaping @Sendable (Account) async throws -> Funds,
        positions: @escaping @Sendable (Account) async throws -> [Position],
        orders: @escaping @Sendable (Account) async throws -> [Order],
        cancelOrder: @escaping @Sendable (Account, String) async throws -> Void,
        quota: @escaping @Sendable () async throws -> Quota?,
        orderBudget: @escaping @Sendable (Account?) -> OrderBudget?,
        placeOrder: @escaping @Sendable (Account, OrderRequest) async throws -> String = { _, _ in
            throw GatewayUnavailable("placing orders")
        },
        modifyOrder: @escaping @Sendable (Account, String, Price?, Int64) async throws -> Void = { _, _, _, _ in
            throw GatewayUnavailable("modifying orders")
        },
        unlockTrade: @escaping @Sendable (TradePassword) async throws -> Void = { _ in
            throw GatewayUnavailable("unlocking")
        },
        maxQuantities: @escaping @Sendable (Account, SecurityCode, Price, OrderType) async throws -> MaxQuantities = {
            _, _, _, _ in throw GatewayUnavailable("max quantities")
        },
        orderFees: @escaping @Sendable (Account, [String]) async throws -> [OrderFees] = { _, _ in
            throw GatewayUnavailable("order fees")
        },
        pushFeed: PushFeed? = nil
    ) {
        self.pushFeed = pushFeed
        self.placeOrder = placeOrder; self.modifyOrder = modifyOrder; self.unlockTrade = unlockTrade
        self.maxQuantities = maxQuantities; self.orderFees = orderFees
        self.address = address; self.events = events; self.subscribe = subscribe; self.unsubscribe = unsubscribe
        self.securityInfo = securityInfo; self.snapshots = snapshots; self.orderBook = orderBook; self.ticks = ticks
        self.bars = bars; self.marketStates = marketStates; self.accounts = accounts; self.funds = funds;
        self.positions = positions
        self.orders = orders; self.cancelOrder = cancelOrder; self.quota = quota; self.orderBudget = orderBudget
    }

    /// A gateway that knows nothing and never pushes: the base for test values.
    public static func unimplemented(address: String = "test:0") -> Gateway {
        struct Unimplemented: Error {}
        return Gateway(
            address: address, events: { AsyncStream { $0.finish() } }, subscribe: { _, _ in },
            unsubscribe: { _, _ in }, securityInfo: { _ in [] }, snapshots: { _ in [] },
            orderBook: { _ in throw Unimplemented() }, ticks: { _, _ in [] }, bars: { _, _, _ in [] },
            marketStates: { _ in [:] }, accounts: { [] }, funds: { _ in throw Unimplemented() }, positions: { _ in [] },
            orders: { _ in [] },
            cancelOrder: { _, _ in throw Unimplemented() }, quota: { nil }, orderBudget: { _ in nil })
    }
}

/// A gateway closure that was not provided.
public struct GatewayUnavailable: Error, CustomStringConvertible {
    public let what: String
    public init(_ what: String) { self.what = what }
    public var description: String { "this gateway does not support \(what)" }
}
