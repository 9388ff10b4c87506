/// How numbers read, the same in every pane, the ticket and the one-shot commands' text output.
///
/// - Prices: one precision per instrument, the decimals of its smallest tick (``TickRules/displayDecimals(near:)``),
///   no grouping (they are typed back into the ticket as they read).
/// - Quantities: thousands grouping ("1,500"); ``compactQuantity(_:)`` shortens big volumes for
///   narrow columns ("1.23M").
/// - Money: thousands grouping with two decimals ("49,960.00"); ``compactMoney(_:)`` for narrow columns.
///
/// Everything is computed from the exact decimal values (``Price`` micros, integer quantities),
/// never through Double, and uses only ASCII digits, "," "." "+" "-" and the K / M / B suffixes.
public enum NumberFormat {
    /// A price at the precision of `rules`: HK.00700 `502.500`, AAPL `189.25`, a sub-dollar US `0.4512`.
    public static func price(_ p: Price, rules: TickRules) -> String {
        p.fixed(rules.displayDecimals(near: p))
    }

    /// A price at the precision of `code`'s tick rules.
    public static func price(_ p: Price, code: SecurityCode, isFund: Bool = false) -> String {
        price(p, rules: TickRules.forCode(code, isFund: isFund))
    }

    /// A signed price change at the precision `rules` give at `reference`: "+3.800", "-0.12", "0.000".
    public static func change(_ p: Price, rules: TickRules, reference: Price) -> String {
        let text = p.fixed(rules.displayDecimals(near: reference))
        return p > .zero ? "+" + text : text
    }

    /// A quantity with thousands separators: "1,500", "-200", "0".
    public static func quantity(_ n: Int64) -> String {
        (n < 0 ? "-" : "") + grouped(n.magnitude)
    }

    /// A quantity grouped up to 99,999, then K / M / B with one or two decimals: "1,500", "123.5K", "1.23M".
    public static func compactQuantity(_ v: Int64) -> String {
        let m = v.magnitude
        let sign = v < 0 ? "-" : ""
        if m < 100_000 { return sign + grouped(m) }
        if m < 1_000_000 { return sign + scaled(m, 1_000, 1) + "K" }
        if m < 1_000_000_000 { return sign + scaled(m, 1_000_000, 2) + "M" }
        return sign + scaled(m, 1_000_000_000, 2) + "B"
    }

    /// A money amount grouped, with `decimals` decimals (rounded half away from zero): "1,000,000.00", "-12.50".
    public static func money(_ p: Price, decimals: Int = 2) -> String {
        let text = p.fixed(decimals)
        let negative = text.hasPrefix("-")
        let body = negative ? text.dropFirst() : Substring(text)
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = UInt64(parts[0]) ?? 0
        var out = grouped(whole)
        if parts.count > 1 { out += "." + parts[1] }
        // "-0.00" reads as zero
        if negative, out.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) { out = "-" + out }
        return out
    }

    /// A money amount with its sign: "+1,234.50", "-0.35", "0.00".
    public static func signedMoney(_ p: Price, decimals: Int = 2) -> String {
        let text = money(p, decimals: decimals)
        return p > .zero && text.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) ? "+" + text : text
    }

    /// A money amount for narrow columns (at most 9 characters below a trillion): two decimals
    /// under 10,000 ("9,999.99"), then whole units rounded half away from zero and shortened like
    /// ``compactQuantity(_:)`` ("10,100", "160.1K", "1.23M").
    public static func compactMoney(_ p: Price) -> String {
        if (p.micros / Price.scale).magnitude < 10_000 { return money(p) }
        let half = Price.scale / 2
        return compactQuantity((p.micros >= 0 ? p.micros + half : p.micros - half) / Price.scale)
    }

    /// ``compactMoney(_:)`` with its sign: "+10,100", "-35.20".
    public static func signedCompactMoney(_ p: Price) -> String {
        let text = compactMoney(p)
        return p > .zero && text.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) ? "+" + text : text
    }

    /// "1,234,567".
    public static func grouped(_ n: UInt64) -> String {
        let s = String(n)
        var out = ""
        out.reserveCapacity(s.count + s.count / 3)
        for (i, ch) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }

    /// `m / unit` rounded half up to `decimals` decimals, in integers.
    static func scaled(_ m: UInt64, _ unit: UInt64, _ decimals: Int) -> String {
        var p: UInt64 = 1
        for _ in 0..<decimals { p *= 10 }
        let q = (m * p + unit / 2) / unit
        let whole = q / p
        var frac = String(q % p)
        while frac.count < decimals { frac = "0" + frac }
        return "\(grouped(whole)).\(frac)"
    }
}
