import Foundation
import TradingKit

/// The paper broker: accounts, orders, matching against the simulated book, positions and
/// cash, written through to the ``Ledger``. Not thread-safe: the gateway core owns it.
final class PaperBroker {
    static let simulateAccounts: [(UInt64, Int32, String)] = [(10_001, 1, "HKD"), (10_002, 2, "USD"), (10_003, 3, "CNY")]
    static let realAccounts: [(UInt64, Int32, String)] = [
        (281_756_455_551_001, 1, "HKD"), (281_756_455_551_002, 2, "USD"), (281_756_455_551_004, 4, "CNY"),
    ]
    static let startingCash = Price(units: 1_000_000)
    /// Per-order quantity cap, as OpenD's brokers have (reference E.5); also keeps notionals in Int64.
    static let maxOrderQuantity: Int64 = 1_000_000

    private let ledger: Ledger
    private let market: MarketSimulator
    /// What every fill is charged.
    let fees: FeeSchedule
    private(set) var accounts: [BrokerAccount] = []
    private var accountIndex: [UInt64: Int] = [:]
    private(set) var orders: [UInt64: BrokerOrder] = [:]
    private var orderSequence: [UInt64] = []
    private(set) var fills: [BrokerFill] = []
    private var positions: [String: BrokerPosition] = [:]
    private(set) var packets: [String: [UInt8]] = [:]
    private var nextOrderID: Int64
    private var nextFillID: Int64
    private var pending = Ledger.Changes()
    /// Global to the gateway, as on OpenD: one unlock serves every connection.
    var isUnlocked = false

    /// Loads the ledger; DAY orders left working from an earlier trading day (as of `date`) expire.
    init(ledger: Ledger, market: MarketSimulator, withRealAccounts: Bool, fees: FeeSchedule = .none,
         at date: Date? = nil) throws
    {
        self.ledger = ledger
        self.market = market
        self.fees = fees
        let snapshot = try ledger.load()
        nextOrderID = snapshot.meta["nextOrderID"] ?? 5_000_001
        nextFillID = snapshot.meta["nextFillID"] ?? 8_000_001
        var stored = Dictionary(uniqueKeysWithValues: snapshot.accounts.map { ($0.id, $0) })
        var wanted = Self.simulateAccounts.map { ($0, TradingEnvironment.simulate) }
        if withRealAccounts { wanted += Self.realAccounts.map { ($0, TradingEnvironment.real) } }
        for ((id, trdMarket, currency), env) in wanted {
            if stored[id] == nil {
                let a = BrokerAccount(id: id, environment: env, trdMarket: trdMarket, currency: currency,
                                      cash: Self.startingCash)
                stored[id] = a
                pending.accounts[id] = a
            }
            accountIndex[id] = accounts.count
            accounts.append(stored[id]!)
        }
        for var o in snapshot.orders {
            if let date, o.isWorking, o.timeInForce == 0 {
                let today = ExchangeTime(date, market: o.code.market)
                if !o.createTime.hasPrefix(today.dateText) {
                    o.status = o.filledQuantity > 0 ? .cancelledPart : .cancelled
                    o.lastError = "Expired: a DAY order ends with its trading day"
                    o.updateTime = today.text
                    o.updateStamp = date.timeIntervalSince1970
                    pending.orders[o.id] = o
                }
            }
            orders[o.id] = o
            orderSequence.append(o.id)
        }
        fills = snapshot.fills
        for p in snapshot.positions { positions[Self.key(p.accountID, p.code)] = p }
        packets = snapshot.packets
        try commit()
    }

    private static func key(_ account: UInt64, _ code: SecurityCode) -> String { "\(account)|\(code)" }

    /// The account with `id`, if this gateway lists it.
    func account(_ id: UInt64) -> BrokerAccount? { accountIndex[id].map { accounts[$0] } }

    /// The stored result of a trade write, by PacketID key.
    func packetResult(_ key: String) -> [UInt8]? { packets[key] }

    /// Writes every pending change (plus a PacketID result) in one transaction.
    func commit(packetKey: String? = nil, response: [UInt8]? = nil) throws {
        if let packetKey, let response {
            pending.packets[packetKey] = response
            packets[packetKey] = response
        }
        pending.meta["nextOrderID"] = nextOrderID
        pending.meta["nextFillID"] = nextFillID
        let changes = pending
        pending = Ledger.Changes()
        try ledger.commit(changes)
    }

    // MARK: Queries

    /// Working and finished orders of an account, oldest first.
    func orders(of accountID: UInt64) -> [BrokerOrder] {
        orderSequence.compactMap { orders[$0] }.filter { $0.accountID == accountID }
    }

    /// Fills of an account, oldest first.
    func fills(of accountID: UInt64) -> [BrokerFill] { fills.filter { $0.accountID == accountID } }

    /// Non-flat positions of an account.
    func positions(of accountID: UInt64) -> [BrokerPosition] {
        positions.values.filter { $0.accountID == accountID && $0.quantity != 0 }.sorted { $0.code < $1.code }
    }

    /// The position in `code`, if any.
    func position(_ accountID: UInt64, _ code: SecurityCode) -> BrokerPosition? {
        positions[Self.key(accountID, code)]
    }

    /// Cash held back by working buy orders.
    func frozenCash(_ accountID: UInt64) -> Price {
        var total: Int64 = 0
        for o in orders.values where o.accountID == accountID && o.isWorking && o.side == .buy {
            let p = o.isMarket ? (market[o.code]?.last ?? .zero) : o.price
            total += p.micros * o.remaining
        }
        return Price(micros: total)
    }

    /// Shares already promised to working sell orders.
    func pendingSell(_ accountID: UInt64, _ code: SecurityCode) -> Int64 {
        orders.values.filter { $0.accountID == accountID && $0.code == code && $0.isWorking && $0.side == .sell }
            .reduce(0) { $0 + $1.remaining }
    }

    /// The most shares of `code`, in whole `step`s, a buy at `price` can pay for with `power`,
    /// fees included (so buying the maximum never leaves cash below zero).
    func affordableQuantity(_ code: SecurityCode, at price: Price, power: Price, step: Int64) -> Int64 {
        guard price.micros > 0, power.micros > 0, step > 0 else { return 0 }
        var q = power.micros / price.micros / step * step
        while q > 0 {
            let cost = price.notional(q) + fees.fees(market: code.market, side: .buy,
                                                    fill: FilledAmount(quantity: q, value: price.notional(q))).total
            let over = cost.micros - power.micros
            if over <= 0 { break }
            // Drop at least one step, more when far over (fees are a fraction of the value).
            q -= max(1, (over + price.micros * step - 1) / (price.micros * step)) * step
        }
        return max(q, 0)
    }

    /// Market value of every position at the last price.
    func marketValue(_ accountID: UInt64) -> Price {
        var total: Int64 = 0
        for p in positions(of: accountID) { total += (market[p.code]?.last ?? p.averageCost).micros * p.quantity }
        return Price(micros: total)
    }

    // MARK: Orders

    /// Validates and accepts an order, then matches it against the book at once.
    func place(_ input: PlaceOrderInput, at date: Date) throws(BrokerRejection) -> (BrokerOrder, [BrokerEvent]) {
        guard let account = account(input.accountID), account.environment == input.environment else {
            throw BrokerRejection("Nonexisting acc_id \(input.accountID) for this trading environment")
        }
        guard account.trades(input.code), input.trdMarket == account.trdMarket else {
            throw BrokerRejection("The account \(account.id) has no permission to trade \(input.code) (trade market \(input.trdMarket))")
        }
        if account.environment == .real && !isUnlocked {
            throw BrokerRejection("Trade is locked: please unlock trade first (Trd_UnlockTrade)")
        }
        guard let live = market[input.code] else { throw BrokerRejection("Unknown stock code \(input.code)") }
        let instrument = live.instrument
        guard instrument.kind != .index && instrument.kind != .future else {
            throw BrokerRejection("\(input.code) is \(instrument.kind == .index ? "an index" : "a future"): securities accounts cannot trade it")
        }
        if account.environment == .simulate {
            guard input.type == 1 || input.type == 2 else {
                throw BrokerRejection("Paper trading only supports limit (NORMAL) and MARKET orders")
            }
            guard input.timeInForce == 0 else { throw BrokerRejection("Paper trading only supports time in force DAY") }
        } else {
            guard input.type == 1 || input.type == 2 else {
                throw BrokerRejection("Order type \(input.type) is not supported by the simulated OpenD")
            }
            guard input.timeInForce == 0 || input.timeInForce == 1 else {
                throw BrokerRejection("Unsupported time in force \(input.timeInForce)")
            }
        }
        let isMarket = input.type == 2
        if !isMarket {
            if let problem = instrument.tickRules.violation(input.price) {
                let tick = instrument.tickRules.tickDown(from: max(input.price, instrument.tickRules.minimum))
                throw BrokerRejection("Order price does not meet the spread requirement: this product's minimum unit is \(tick.formatted()); \(problem)")
            }
        }
        guard input.quantity <= Self.maxOrderQuantity else {
            throw BrokerRejection("Order quantity \(input.quantity) exceeds the per-order limit of \(Self.maxOrderQuantity) shares")
        }
        let held = position(account.id, input.code)?.quantity ?? 0
        if let problem = instrument.lotRules.violation(quantity: input.quantity, side: input.side, position: held) {
            throw BrokerRejection("Order quantity does not meet the lot size requirement (lot size \(instrument.lotSize)): \(problem)")
        }
        if input.side == .buy {
            let price = isMarket ? (live.asks.last?.price ?? live.last) : input.price
            var cost = price.micros.multipliedReportingOverflow(by: input.quantity)
            if !cost.overflow {
                let fee = fees.fees(market: input.code.market, side: .buy,
                                    fill: FilledAmount(quantity: input.quantity, value: Price(micros: cost.partialValue)))
                cost = cost.partialValue.addingReportingOverflow(fee.total.micros)
            }
            let power = account.cash - frozenCash(account.id)
            if cost.overflow || cost.partialValue > power.micros {
                throw BrokerRejection("Insufficient buying power: need \(Price(micros: cost.overflow ? Int64.max : cost.partialValue).fixed(2)) \(account.currency) with fees, available \(power.fixed(2))")
            }
        } else {
            let sellable = max(held, 0) - pendingSell(account.id, input.code)
            let canShort = input.code.market == .us
            if input.quantity > sellable && !canShort {
                throw BrokerRejection("Insufficient sellable quantity: \(sellable) available, short selling is not allowed for this product")
            }
        }
        let t = ExchangeTime(date, market: input.code.market).text
        let stamp = date.timeIntervalSince1970
        let id = UInt64(nextOrderID)
        nextOrderID += 1
        var order = BrokerOrder(id: id, accountID: account.id, code: input.code, name: instrument.name, side: input.side,
                                type: input.type, status: .submitted, quantity: input.quantity,
                                price: isMarket ? .zero : input.price, timeInForce: input.timeInForce,
                                remark: input.remark, createTime: t, updateTime: t, createStamp: stamp,
                                updateStamp: stamp)
        orders[id] = order
        orderSequence.append(id)
        pending.orders[id] = order
        var events: [BrokerEvent] = [.order(order)]
        if market.schedule.isTrading(input.code.market, at: date) {
            events += match(&order, at: date)
        }
        return (orders[id]!, events)
    }

    /// Changes the total quantity and/or price of a working order (`quantity` = new total).
    func modify(accountID: UInt64, orderID: UInt64, quantity: Int64?, price: Price?, at date: Date)
        throws(BrokerRejection) -> (BrokerOrder, [BrokerEvent])
    {
        guard var order = orders[orderID], order.accountID == accountID else {
            throw BrokerRejection("Order \(orderID) does not exist")
        }
        guard order.isWorking else { throw BrokerRejection("Order \(orderID) can no longer be modified (\(order.status))") }
        guard let live = market[order.code] else { throw BrokerRejection("Unknown stock code \(order.code)") }
        let instrument = live.instrument
        let newQty = quantity ?? order.quantity
        let newPrice = order.isMarket ? .zero : (price ?? order.price)
        if !order.isMarket, let problem = instrument.tickRules.violation(newPrice) {
            throw BrokerRejection("Order price does not meet the spread requirement: this product's minimum unit is \(instrument.tickRules.tickDown(from: newPrice).formatted()); \(problem)")
        }
        guard newQty <= Self.maxOrderQuantity else {
            throw BrokerRejection("Order quantity \(newQty) exceeds the per-order limit of \(Self.maxOrderQuantity) shares")
        }
        guard newQty > order.filledQuantity else {
            throw BrokerRejection("The new quantity \(newQty) must be greater than the filled quantity \(order.filledQuantity)")
        }
        if let problem = instrument.lotRules.violation(quantity: newQty, side: order.side,
                                                       position: position(accountID, order.code)?.quantity ?? 0) {
            throw BrokerRejection("Order quantity does not meet the lot size requirement (lot size \(instrument.lotSize)): \(problem)")
        }
        if order.side == .buy, let account = account(accountID) {
            let others = frozenCash(accountID).micros - order.price.micros * order.remaining
            let need = newPrice.micros.multipliedReportingOverflow(by: newQty - order.filledQuantity)
            if need.overflow || need.partialValue > account.cash.micros - others {
                throw BrokerRejection("Insufficient buying power for the modified order")
            }
        }
        order.quantity = newQty
        order.price = newPrice
        touch(&order, at: date)
        var events: [BrokerEvent] = [.order(order)]
        if market.schedule.isTrading(order.code.market, at: date) { events += match(&order, at: date) }
        return (orders[orderID]!, events)
    }

    /// Cancels a working order.
    func cancel(accountID: UInt64, orderID: UInt64, at date: Date) throws(BrokerRejection) -> (BrokerOrder, [BrokerEvent]) {
        guard var order = orders[orderID], order.accountID == accountID else {
            throw BrokerRejection("Order \(orderID) does not exist")
        }
        guard order.isWorking else { throw BrokerRejection("Order \(orderID) can no longer be cancelled (\(order.status))") }
        order.status = order.filledQuantity > 0 ? .cancelledPart : .cancelled
        touch(&order, at: date)
        return (order, [.order(order)])
    }

    /// Cancels every working order of an account.
    func cancelAll(accountID: UInt64, at date: Date) -> [BrokerEvent] {
        var events: [BrokerEvent] = []
        for id in orderSequence {
            guard let o = orders[id], o.accountID == accountID, o.isWorking else { continue }
            if let (_, e) = try? cancel(accountID: accountID, orderID: id, at: date) { events += e }
        }
        return events
    }

    /// After the market moved: working orders in `codes` that the new book crosses fill.
    func matchResting(_ codes: [SecurityCode], at date: Date) -> [BrokerEvent] {
        let moved = Set(codes)
        var events: [BrokerEvent] = []
        for id in orderSequence {
            guard var order = orders[id], order.isWorking, moved.contains(order.code) else { continue }
            events += match(&order, at: date)
        }
        return events
    }

    /// True when any order is working (lets the core skip matching work when idle).
    var hasWorkingOrders: Bool { orders.values.contains { $0.isWorking } }

    private func touch(_ order: inout BrokerOrder, at date: Date) {
        order.updateTime = ExchangeTime(date, market: order.code.market).text
        order.updateStamp = date.timeIntervalSince1970
        orders[order.id] = order
        pending.orders[order.id] = order
    }

    /// Fills as much of `order` as the book allows, level by level.
    private func match(_ order: inout BrokerOrder, at date: Date) -> [BrokerEvent] {
        guard order.remaining > 0, var account = account(order.accountID) else { return [] }
        let limit: Price? = order.isMarket ? nil : order.price
        let side = order.side
        let remaining = order.remaining
        let slices = market.update(order.code) { $0.take(side: side, quantity: remaining, limit: limit) } ?? []
        guard !slices.isEmpty else { return [] }
        var events: [BrokerEvent] = []
        let local = ExchangeTime(date, market: order.code.market)
        let t = local.text
        for (price, qty) in slices {
            let fill = BrokerFill(id: UInt64(nextFillID), orderID: order.id, accountID: order.accountID, code: order.code,
                                  name: order.name, side: order.side, quantity: qty, price: price, time: t,
                                  stamp: date.timeIntervalSince1970)
            nextFillID += 1
            fills.append(fill)
            pending.fills.append(fill)
            let notional = price.micros * qty
            let before = FilledAmount(quantity: order.filledQuantity, value: Price(micros: order.filledNotional))
            order.filledQuantity += qty
            order.filledNotional += notional
            let after = FilledAmount(quantity: order.filledQuantity, value: Price(micros: order.filledNotional))
            let fee = fees.charge(market: order.code.market, side: side, before: before, after: after).micros
            order.fees += fee
            account.cash = account.cash + Price(micros: (side == .buy ? -notional : notional) - fee)
            applyToPosition(order, qty, price, fee: fee)
            _ = market.update(order.code) { $0.record(price: price, quantity: qty, buyerInitiated: side == .buy, at: date, local: local) }
            events.append(.fill(fill))
        }
        order.status = order.remaining == 0 ? .filled : .partiallyFilled
        touch(&order, at: date)
        accounts[accountIndex[account.id]!] = account
        pending.accounts[account.id] = account
        events.append(.order(order))
        return events
    }

    /// Books a fill into the position. The fill's `fee` adds to the cost of what it opens and
    /// comes off the realised P&L of what it closes (pro rata when it does both).
    private func applyToPosition(_ order: BrokerOrder, _ qty: Int64, _ price: Price, fee: Int64) {
        let k = Self.key(order.accountID, order.code)
        var p = positions[k] ?? BrokerPosition(accountID: order.accountID, code: order.code, name: order.name,
                                               quantity: 0, cost: 0)
        let signed = order.side == .buy ? qty : -qty
        let notional = price.micros * qty
        if p.quantity == 0 || (p.quantity > 0) == (signed > 0) {
            p.cost += (order.side == .buy ? notional : -notional) + fee
            p.quantity += signed
        } else {
            // Closing (part of) the position: release cost pro rata and book the difference.
            let closing = min(abs(signed), abs(p.quantity))
            let released = p.cost / p.quantity * (p.quantity > 0 ? closing : -closing)
            let proceeds = price.micros * closing * (p.quantity > 0 ? 1 : -1)
            p.realized += proceeds - released
            p.cost -= released
            p.quantity += signed
            if p.quantity == 0 { p.cost = 0 }
            let opening = abs(signed) - closing
            let openingFee = fee * opening / qty
            p.realized -= fee - openingFee
            if opening > 0 { p.cost = price.micros * opening * (signed > 0 ? 1 : -1) + openingFee }
        }
        positions[k] = p
        pending.positions[k] = p
    }
}
