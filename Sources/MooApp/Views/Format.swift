import TradingKit

/// How numbers look on screen: the one formatter of TradingKit (``NumberFormat``) applied with
/// each instrument's tick rules, plus the short clock forms of the panes.
public enum Format {
    /// Decimals every price of `code` shows: those of its smallest tick (HK 3, A-shares 2, funds 3;
    /// US 2, or 4 under a dollar where the tick is $0.0001).
    public static func decimals(_ code: SecurityCode, price: Price, kind: SecurityKind? = nil) -> Int {
        rules(code, kind: kind).displayDecimals(near: price)
    }

    /// The tick rules of `code` (funds have their own A-share grid).
    public static func rules(_ code: SecurityCode, kind: SecurityKind?) -> TickRules {
        TickRules.forCode(code, isFund: kind == .fund)
    }

    /// A price at the instrument's precision.
    public static func price(_ p: Price, _ code: SecurityCode, kind: SecurityKind? = nil) -> String {
        NumberFormat.price(p, rules: rules(code, kind: kind))
    }

    /// A signed change at the instrument's precision: "+3.800", "-0.12", "0.000".
    public static func change(_ p: Price, _ code: SecurityCode, reference: Price, kind: SecurityKind? = nil) -> String {
        NumberFormat.change(p, rules: rules(code, kind: kind), reference: reference)
    }

    /// Quantities grouped up to 99,999, then K / M / B (``NumberFormat/compactQuantity(_:)``).
    public static func volume(_ v: Int64) -> String { NumberFormat.compactQuantity(v) }

    /// A money amount for narrow columns (``NumberFormat/compactMoney(_:)``).
    public static func money(_ p: Price) -> String { NumberFormat.compactMoney(p) }

    /// "1,234".
    public static func grouped(_ n: UInt64) -> String { NumberFormat.grouped(n) }

    /// "HH:MM:SS" from the gateway's "YYYY-MM-DD HH:MM:SS[.mmm]".
    public static func clock(_ time: String) -> String {
        let t = time.split(separator: " ").last.map(String.init) ?? time
        return String(t.prefix(8))
    }

    /// "MM-DD HH:MM" or "YYYY-MM-DD" for a bar time depending on the period.
    public static func barTime(_ time: String, period: BarPeriod) -> String {
        let parts = time.split(separator: " ")
        guard let date = parts.first else { return time }
        if period.seconds == nil { return String(date) }
        let hm = parts.count > 1 ? String(parts[1].prefix(5)) : ""
        return String(date.suffix(5)) + " " + hm
    }

    /// "HH:MM:SS" of local seconds since the epoch.
    public static func timeOfDay(_ seconds: Double) -> String {
        let t = ((Int64(seconds.rounded(.down)) % 86_400) + 86_400) % 86_400
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(t / 3600)):\(two(t / 60 % 60)):\(two(t % 60))"
    }
}
