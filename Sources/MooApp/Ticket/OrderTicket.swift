import TradingKit

/// The modal order ticket: where money moves, so an invalid order never leaves it.
///
/// Pure state + reducer: keys arrive as ``TicketAction``s, the ticket answers with
/// ``TicketEffect``s for the app to run (place the order, unlock, fetch max quantities).
/// Price and quantity are kept as the text the trader typed, validated on every keystroke with
/// the reason shown beside the field; nothing typed is lost on a rejection.
public struct OrderTicket: Equatable, Sendable {
    /// Editable fields, in focus order.
    public enum Field: Int, CaseIterable, Sendable {
        case side, type, price, quantity, timeInForce
    }

    /// Where the ticket is in its life.
    public enum Phase: Equatable, Sendable {
        /// Fields are being edited.
        case editing
        /// REAL only: the trade password is being typed (masked); `length` characters so far.
        case unlocking(length: Int)
        /// REAL only: the order in words, waiting for a second Enter.
        case confirming
        /// Sent; waiting for the gateway's acknowledgement.
        case submitting
    }

    public let code: SecurityCode
    public var name: String
    public let environment: TradingEnvironment
    public var side: OrderSide
    public var type: OrderType
    public var priceText: String
    public var quantityText: String
    public var timeInForce: TimeInForce
    public var focus: Field
    public var phase: Phase

    public var tickRules: TickRules
    public var lotRules: LotRules
    /// Shares held now (for selling odd remainders in full and the position after a fill).
    public var position: Int64
    /// Last traded price, for the notional of market orders and the default limit price.
    public var referencePrice: Price?
    public var maxQuantities: MaxQuantities?
    public var buyingPower: Price?
    public var currency: String
    /// REAL accounts must be unlocked before the first order; false until the gateway says so.
    public var isUnlocked: Bool
    /// Order types this market and environment allow.
    public var allowedTypes: [OrderType]
    /// Time-in-force values this environment allows (simulate accounts: DAY only).
    public var allowedTimeInForce: [TimeInForce]
    /// The gateway's last answer to a rejected order or unlock, shown until the next edit.
    public var rejection: String?
    /// Order-rate budget as the client reports it ("12/15 in 30 s").
    public var rateBudget: String?

    /// Set when the ticket modifies a working order instead of placing a new one.
    public var modifyingOrderID: String?
    /// The account the order goes through (the one trading the code's market), shown on the ticket.
    public var account: Account?

    /// Password bytes while the unlock prompt is open; wiped as soon as they are hashed.
    private var passwordBuffer: [UInt8]

    public init(code: SecurityCode, name: String = "", environment: TradingEnvironment, side: OrderSide,
                price: Price? = nil, quantity: Int64? = nil, type: OrderType = .limit,
                tickRules: TickRules, lotRules: LotRules, position: Int64 = 0, referencePrice: Price? = nil,
                currency: String? = nil, isUnlocked: Bool = false) {
        self.code = code
        self.name = name
        self.environment = environment
        self.side = side
        self.type = type
        self.tickRules = tickRules
        self.lotRules = lotRules
        self.position = position
        self.referencePrice = referencePrice
        self.currency = currency ?? code.market.currency
        self.isUnlocked = isUnlocked || environment == .simulate
        let start = price ?? referencePrice
        self.priceText = start.map { NumberFormat.price($0, rules: tickRules) } ?? ""
        let defaultQty = side == .sell && position > 0 ? position : lotRules.minimumBuy
        self.quantityText = String(quantity ?? defaultQty)
        self.timeInForce = .day
        self.focus = price == nil && start != nil ? .quantity : .price
        self.phase = .editing
        self.allowedTypes = [.limit, .market]
        self.allowedTimeInForce = environment == .simulate ? [.day] : [.day, .gtc]
        self.passwordBuffer = []
        self.modifyingOrderID = nil
        if type == .market { focus = .quantity }
    }

    // MARK: Derived values

    /// The typed price, if it parses.
    public var price: Price? { type.needsPrice ? Price(priceText) : referencePrice }

    /// The typed quantity, if it parses.
    public var quantity: Int64? { Int64(quantityText.trimmingCharacters(in: " ")) }

    /// Why the price cannot be sent, or nil.
    public var priceError: String? {
        guard type.needsPrice else { return nil }
        guard !priceText.isEmpty else { return "enter a price" }
        guard let p = Price(priceText) else { return "'\(priceText)' is not a number" }
        return tickRules.violation(p)
    }

    /// Why the quantity cannot be sent, or nil.
    public var quantityError: String? {
        guard !quantityText.isEmpty else { return "enter a quantity" }
        guard let q = quantity else { return "'\(quantityText)' is not a whole number" }
        if let lot = lotRules.violation(quantity: q, side: side, position: position) { return lot }
        if side == .sell, environment == .simulate, code.market != .us, q > position {
            return "sell \(NumberFormat.quantity(q)) exceeds the \(NumberFormat.quantity(position)) held (no short selling here)"
        }
        if let max = maxQuantities {
            let limit = side == .buy ? Swift.max(max.cashBuy, max.cashAndMarginBuy)
                                     : Swift.max(max.positionSell, max.sellShort)
            if q > limit { return "\(NumberFormat.quantity(q)) exceeds the maximum \(side == .buy ? "buy" : "sell") of \(NumberFormat.quantity(limit))" }
        }
        return nil
    }

    /// True when Enter may send the order.
    public var isValid: Bool { priceError == nil && quantityError == nil && allowedTypes.contains(type) }

    /// Price × quantity, exact, when both are known.
    public var notional: Price? {
        guard let p = price, let q = quantity else { return nil }
        return p.notional(q)
    }

    /// The position after this order fills completely.
    public var positionAfterFill: Int64? {
        guard let q = quantity else { return nil }
        return side == .buy ? position + q : position - q
    }

    /// The order this ticket would send, only when every field is valid.
    public var orderRequest: OrderRequest? {
        guard isValid, let q = quantity else { return nil }
        return OrderRequest(code: code, side: side, type: type, price: type.needsPrice ? (price ?? .zero) : .zero,
                            quantity: q, timeInForce: timeInForce)
    }

    /// The order in words, for the REAL confirm step and the status line.
    public var summary: String {
        let q = quantityText.isEmpty ? "?" : quantityText
        let verb = modifyingOrderID.map { "MODIFY \($0) to " } ?? ""
        let what = "\(verb)\(side == .buy ? "BUY" : "SELL") \(q) \(code)\(name.isEmpty ? "" : " \(name)")"
        let how = type == .market ? "at MARKET" : "LIMIT \(priceText.isEmpty ? "?" : priceText) \(currency)"
        let notionalText = notional.map { " ≈ \(NumberFormat.money($0)) \(currency)" } ?? ""
        return "\(what) \(how) \(timeInForce)\(notionalText) [\(environment == .real ? "REAL" : "SIMULATE")]"
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> Substring {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return s
    }
}

extension OrderTicket {
    /// Stores the password bytes typed so far (internal to the reducer).
    mutating func appendPassword(_ bytes: [UInt8]) {
        passwordBuffer.append(contentsOf: bytes)
        phase = .unlocking(length: passwordBuffer.count)
    }

    /// Removes the last password character.
    mutating func dropPasswordCharacter() {
        if !passwordBuffer.isEmpty {
            passwordBuffer[passwordBuffer.count - 1] = 0
            passwordBuffer.removeLast()
        }
        phase = .unlocking(length: passwordBuffer.count)
    }

    /// Moves the typed password into a `TradePassword` and wipes the ticket's copy.
    mutating func takePassword() -> TradePassword {
        let password = TradePassword(passwordBuffer)
        wipePassword()
        return password
    }

    /// Overwrites and forgets any typed password bytes.
    mutating func wipePassword() {
        for i in passwordBuffer.indices { passwordBuffer[i] = 0 }
        passwordBuffer.removeAll()
    }
}
