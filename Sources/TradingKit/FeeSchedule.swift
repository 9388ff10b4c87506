/// A broker's fee schedule: per market, the charges an order pays on what it has filled.
///
/// Every amount is exact. A charge is a rate of the filled value, an amount per share or a fixed
/// amount per order, with an optional minimum and maximum, taken on buys, sells or both, and
/// rounded to the cent (nearest or up) or up to the whole currency unit, as exchanges and
/// brokers state them. Fees are a function of an order's *cumulative* fill (quantity and
/// value), so minimums and per-order charges apply once per order however many fills it takes;
/// a fill is charged the difference between the order's fees after and before it
/// (``FeeSchedule/charge(market:side:before:after:)``).
public struct FeeSchedule: Sendable, Hashable {
    /// A name for the schedule (shown with estimates), e.g. "moomoo (published, approximate)".
    public var name: String
    /// The charges of each market; SH and SZ usually share one list.
    public var rules: [Market: [FeeRule]]

    public init(name: String, rules: [Market: [FeeRule]]) {
        self.name = name
        self.rules = rules
    }

    /// No fees at all.
    public static let none = FeeSchedule(name: "no fees", rules: [:])

    /// The fees of an order on `market` that has filled `fill` so far (nothing when nothing filled).
    public func fees(market: Market, side: OrderSide, fill: FilledAmount) -> FeeBreakdown {
        guard fill.quantity > 0 else { return FeeBreakdown(items: []) }
        let items = (rules[market] ?? []).compactMap { rule -> FeeBreakdown.Item? in
            guard rule.side.applies(to: side) else { return nil }
            return FeeBreakdown.Item(title: rule.title, amount: rule.amount(for: fill))
        }
        return FeeBreakdown(items: items)
    }

    /// What one fill costs: the order's fees after it less its fees before it.
    public func charge(market: Market, side: OrderSide, before: FilledAmount, after: FilledAmount) -> Price {
        fees(market: market, side: side, fill: after).total - fees(market: market, side: side, fill: before).total
    }
}

/// How much of an order has filled: shares and their value (price × quantity, exact).
public struct FilledAmount: Sendable, Hashable {
    public var quantity: Int64
    public var value: Price

    public init(quantity: Int64, value: Price) {
        self.quantity = quantity
        self.value = value
    }

    public static let zero = FilledAmount(quantity: 0, value: .zero)
}

/// Fees itemised by title, as Trd_GetOrderFee reports them.
public struct FeeBreakdown: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public var title: String
        public var amount: Price

        public init(title: String, amount: Price) {
            self.title = title
            self.amount = amount
        }
    }

    public var items: [Item]

    public init(items: [Item]) { self.items = items }

    public var total: Price { items.reduce(.zero) { $0 + $1.amount } }
}

/// One charge of a schedule.
public struct FeeRule: Sendable, Hashable {
    /// What the charge is computed from.
    public enum Basis: Sendable, Hashable {
        /// A fraction of the filled value.
        case rate(FeeRate)
        /// An amount per filled share.
        case perShare(Price)
        /// A fixed amount per order (once anything has filled).
        case perOrder(Price)
    }

    /// Which orders pay it.
    public enum Side: String, Sendable, Hashable, CaseIterable {
        case both, buy, sell

        func applies(to side: OrderSide) -> Bool {
            switch self {
            case .both: return true
            case .buy: return side == .buy
            case .sell: return side == .sell
            }
        }
    }

    /// How the exact amount becomes money.
    public enum Rounding: String, Sendable, Hashable, CaseIterable {
        /// To the nearest cent, halves up.
        case cent
        /// Up to the next cent.
        case centUp = "cent-up"
        /// Up to the next whole unit (HK stamp duty).
        case unitUp = "unit-up"
    }

    public var title: String
    public var basis: Basis
    public var side: Side
    public var minimum: Price?
    public var maximum: Price?
    public var rounding: Rounding

    public init(title: String, basis: Basis, side: Side = .both, minimum: Price? = nil, maximum: Price? = nil,
                rounding: Rounding = .cent)
    {
        self.title = title
        self.basis = basis
        self.side = side
        self.minimum = minimum
        self.maximum = maximum
        self.rounding = rounding
    }

    /// The charge on an order that has filled `fill`: exact amount, clamped, then rounded.
    public func amount(for fill: FilledAmount) -> Price {
        // Work in 10^-12 micros so a rate of the value is exact before rounding.
        let unit = Int128(FeeRate.denominator)
        var exact: Int128
        switch basis {
        case .rate(let r): exact = Int128(fill.value.micros) * Int128(r.partsPerTrillion)
        case .perShare(let p): exact = Int128(p.micros) * Int128(fill.quantity) * unit
        case .perOrder(let p): exact = Int128(p.micros) * unit
        }
        if let minimum { exact = max(exact, Int128(minimum.micros) * unit) }
        if let maximum { exact = min(exact, Int128(maximum.micros) * unit) }
        let step: Int128
        switch rounding {
        case .cent, .centUp: step = 10_000 * unit
        case .unitUp: step = Int128(Price.scale) * unit
        }
        let magnitude = exact.magnitude
        var steps = magnitude / UInt128(step)
        let rest = magnitude % UInt128(step)
        switch rounding {
        case .cent: if rest * 2 >= UInt128(step) { steps += 1 }
        case .centUp, .unitUp: if rest > 0 { steps += 1 }
        }
        let micros = Int64(steps) * Int64(step / unit)
        return Price(micros: exact < 0 ? -micros : micros)
    }
}

/// An exact fraction of a value, in parts per 10^12 (so 0.00015% is 1,500,000).
public struct FeeRate: Sendable, Hashable, CustomStringConvertible {
    public static let denominator: Int64 = 1_000_000_000_000

    public var partsPerTrillion: Int64

    public init(partsPerTrillion: Int64) { self.partsPerTrillion = partsPerTrillion }

    /// Parses "0.03%" (a percentage) or "0.0003" (a fraction); at most 12 decimals of the fraction.
    public init?(_ text: some StringProtocol) {
        var s = Substring(text).trimmingSpaces
        let percent = s.hasSuffix("%")
        if percent { s = s.dropLast().trimmingSpaces }
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0], frac = parts.count > 1 ? parts[1] : ""
        let decimals = 12 - (percent ? 2 : 0)
        guard !(whole.isEmpty && frac.isEmpty), whole.count <= 4, frac.count <= decimals,
              whole.allSatisfy(\.isASCIIDigit), frac.allSatisfy(\.isASCIIDigit)
        else { return nil }
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let w = Int64(whole.isEmpty ? "0" : String(whole))!
        let f = frac.isEmpty ? 0 : Int64(String(frac) + String(repeating: "0", count: decimals - frac.count))!
        let value = w * scale + f
        guard value <= Self.denominator else { return nil }  // at most 100%
        partsPerTrillion = value
    }

    /// As a percentage with trailing zeros trimmed, e.g. "0.00565%".
    public var description: String { Self.percentText(partsPerTrillion) }

    private static func percentText(_ ppt: Int64) -> String {
        // percent = ppt / 10^10
        let whole = ppt / 10_000_000_000
        var frac = String(ppt % 10_000_000_000)
        frac = String(repeating: "0", count: 10 - frac.count) + frac
        while frac.last == "0" { frac.removeLast() }
        return frac.isEmpty ? "\(whole)%" : "\(whole).\(frac)%"
    }
}
