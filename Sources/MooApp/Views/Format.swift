import TradingKit

/// How numbers look on screen: prices to the market's decimals, volumes compact, times short.
public enum Format {
    /// Decimals a price shows: HK 3, US 2 (4 under a dollar), A-shares 2 (funds 3).
    public static func decimals(_ code: SecurityCode, price: Price, kind: SecurityKind? = nil) -> Int {
        switch code.market {
        case .hk: return 3
        case .us: return price < Price(units: 1) && price > .zero ? 4 : 2
        case .sh, .sz: return kind == .fund ? 3 : 2
        }
    }

    /// A price with the market's decimals.
    public static func price(_ p: Price, _ code: SecurityCode, kind: SecurityKind? = nil) -> String {
        p.fixed(decimals(code, price: p, kind: kind))
    }

    /// A signed change with the market's decimals: "+3.800", "-0.12", "0.000".
    public static func change(_ p: Price, _ code: SecurityCode, reference: Price, kind: SecurityKind? = nil) -> String {
        let text = p.fixed(decimals(code, price: reference, kind: kind))
        return p > .zero ? "+" + text : text
    }

    /// Quantities with thousands separators up to 99,999, then K / M / B with one or two decimals.
    public static func volume(_ v: Int64) -> String {
        let m = v.magnitude
        let sign = v < 0 ? "-" : ""
        if m < 100_000 { return sign + grouped(m) }
        if m < 1_000_000 { return sign + scaled(m, 1_000, 1) + "K" }
        if m < 1_000_000_000 { return sign + scaled(m, 1_000_000, 2) + "M" }
        return sign + scaled(m, 1_000_000_000, 2) + "B"
    }

    /// A money amount compact like volumes (whole units).
    public static func money(_ p: Price) -> String {
        let units = p.micros / Price.scale
        if units.magnitude < 100_000 { return p.fixed(2) }
        return volume(units)
    }

    /// "1,234".
    public static func grouped(_ n: UInt64) -> String {
        let s = String(n)
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }

    static func scaled(_ m: UInt64, _ unit: UInt64, _ decimals: Int) -> String {
        var p: UInt64 = 1
        for _ in 0..<decimals { p *= 10 }
        let q = (m * p + unit / 2) / unit
        let whole = q / p
        var frac = String(q % p)
        while frac.count < decimals { frac = "0" + frac }
        return "\(whole).\(frac)"
    }

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
