/// Legal price steps for a security: the HKEX spread table, US and A-share rules, or a fixed tick.
///
/// At a band edge the step up uses the band above and the step down the band below
/// (HK 20.00: up 20.05, down 19.98), which is why OpenD's `priceSpread` is the *upward* step.
/// Prefer the gateway's live `priceSpread` and book prices where present; these tables are the
/// fallback and the simulator's truth.
public struct TickRules: Sendable, Hashable {
    /// Which table applies.
    public enum Schedule: Sendable, Hashable {
        /// SEHK spread table (Part A).
        case hkSpreadTable
        /// US equities: $0.01 at or above $1, $0.0001 below.
        case usEquity
        /// A-share stocks: 0.01.
        case cnStock
        /// A-share funds and ETFs: 0.001.
        case cnFund
        /// A single tick at every price (e.g. futures' minimum variation from the gateway).
        case fixed(Price)
    }

    public let schedule: Schedule

    public init(_ schedule: Schedule) { self.schedule = schedule }

    /// The rules for a code; `isFund` marks A-share ETFs/funds (security type Trust).
    public static func forCode(_ code: SecurityCode, isFund: Bool = false) -> TickRules {
        switch code.market {
        case .hk: return TickRules(.hkSpreadTable)
        case .us: return TickRules(.usEquity)
        case .sh, .sz: return TickRules(isFund ? .cnFund : .cnStock)
        }
    }

    /// HK bands as (upper bound inclusive, tick), in micros.
    static let hkBands: [(upper: Int64, tick: Int64)] = [
        (250_000, 1_000), (500_000, 5_000), (10_000_000, 10_000), (20_000_000, 20_000),
        (100_000_000, 50_000), (200_000_000, 100_000), (500_000_000, 200_000), (1_000_000_000, 500_000),
        (2_000_000_000, 1_000_000), (5_000_000_000, 2_000_000), (9_995_000_000, 5_000_000),
    ]

    /// Lowest legal price.
    public var minimum: Price {
        switch schedule {
        case .hkSpreadTable: return Price(micros: 10_000)
        case .usEquity: return Price(micros: 100)
        case .cnStock: return Price(micros: 10_000)
        case .cnFund: return Price(micros: 1_000)
        case let .fixed(t): return t
        }
    }

    /// Highest legal price, if the table has one.
    public var maximum: Price? {
        if case .hkSpreadTable = schedule { return Price(micros: 9_995_000_000) }
        return nil
    }

    /// The step from `price` upward.
    public func tickUp(from price: Price) -> Price {
        switch schedule {
        case .hkSpreadTable:
            let p = price.micros
            for band in Self.hkBands where p < band.upper { return Price(micros: band.tick) }
            return Price(micros: Self.hkBands.last!.tick)
        case .usEquity: return Price(micros: price.micros >= 1_000_000 ? 10_000 : 100)
        case .cnStock: return Price(micros: 10_000)
        case .cnFund: return Price(micros: 1_000)
        case let .fixed(t): return t
        }
    }

    /// The step from `price` downward.
    public func tickDown(from price: Price) -> Price {
        switch schedule {
        case .hkSpreadTable:
            let p = price.micros
            for band in Self.hkBands where p <= band.upper { return Price(micros: band.tick) }
            return Price(micros: Self.hkBands.last!.tick)
        case .usEquity: return Price(micros: price.micros > 1_000_000 ? 10_000 : 100)
        default: return tickUp(from: price)
        }
    }

    /// True when `price` sits on the grid and inside the legal range.
    public func isOnTick(_ price: Price) -> Bool {
        guard price >= minimum else { return false }
        if let max = maximum, price > max { return false }
        return price.micros % tickDown(from: price).micros == 0
    }

    /// The nearest legal price at or below `price`.
    public func floor(_ price: Price) -> Price {
        let t = tickDown(from: price).micros
        let snapped = Price(micros: (price.micros / t) * t)
        return Swift.max(snapped, minimum)
    }

    /// The nearest legal price at or above `price`.
    public func ceil(_ price: Price) -> Price {
        if isOnTick(price) { return price }
        let t = tickUp(from: price).micros
        let snapped = Price(micros: ((price.micros + t - 1) / t) * t)
        return Swift.max(snapped, minimum)
    }

    /// One tick above `price` (snapping up first when off the grid).
    public func next(after price: Price) -> Price {
        let base = isOnTick(price) ? price : floor(price)
        let up = base + tickUp(from: base)
        if let max = maximum, up > max { return max }
        return up
    }

    /// One tick below `price` (snapping down first when off the grid), never under the minimum.
    public func previous(before price: Price) -> Price {
        if !isOnTick(price) { return floor(price) }
        let down = price - tickDown(from: price)
        return Swift.max(down, minimum)
    }

    /// Moves `steps` ticks (positive up, negative down).
    public func step(_ price: Price, by steps: Int) -> Price {
        var p = price
        if steps > 0 { for _ in 0..<steps { p = next(after: p) } }
        if steps < 0 { for _ in 0..<(-steps) { p = previous(before: p) } }
        return p
    }

    /// Decimal places every price of an instrument under these rules shows: those of the
    /// schedule's smallest tick (HK 0.001 → 3, A-shares 0.01 → 2, A-share funds 0.001 → 3, a fixed
    /// tick its own). US equities have two grids: $0.01 at or above $1 (2 decimals) and $0.0001
    /// below (4), so `price` picks the grid there and is ignored everywhere else.
    public func displayDecimals(near price: Price) -> Int {
        switch schedule {
        case .hkSpreadTable: return Self.decimals(of: Self.hkBands[0].tick)
        case .usEquity: return price > .zero && price < Price(units: 1) ? 4 : 2
        case .cnStock: return 2
        case .cnFund: return 3
        case let .fixed(t): return Self.decimals(of: t.micros)
        }
    }

    /// Decimals of a tick of `micros` millionths: 1_000 → 3, 10_000 → 2, 1_000_000 → 0.
    static func decimals(of micros: Int64) -> Int {
        guard micros > 0 else { return 2 }
        var t = micros
        var d = Price.scaleDigits
        while d > 0, t % 10 == 0 { t /= 10; d -= 1 }
        return d
    }

    /// Why `price` is not legal, in OpenD-like words, or nil when it is.
    public func violation(_ price: Price) -> String? {
        if price <= .zero { return "price must be positive" }
        if price < minimum { return "price below the minimum \(minimum.formatted())" }
        if let max = maximum, price > max { return "price above the maximum \(max.formatted())" }
        if !isOnTick(price) {
            let lo = floor(price), hi = ceil(price)
            return "price \(price.formatted()) is not on the tick grid (tick \(tickDown(from: price).formatted()); nearest \(lo.formatted()) or \(hi.formatted()))"
        }
        return nil
    }
}
