/// An exact price in integer millionths of the currency unit.
///
/// The wire carries doubles; convert once at the boundary with ``init(wire:)`` (round to the
/// nearest millionth) and ``wireValue``. Comparisons and arithmetic never touch Double.
public struct Price: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Units per 1.0 of currency.
    public static let scale: Int64 = 1_000_000
    /// Decimal places held exactly.
    public static let scaleDigits = 6

    /// The price in millionths.
    public var micros: Int64

    public init(micros: Int64) { self.micros = micros }

    public static let zero = Price(micros: 0)

    /// Whole units plus millionths, e.g. `Price(units: 320, micros: 200_000)` = 320.2.
    public init(units: Int64, micros: Int64 = 0) { self.micros = units * Price.scale + micros }

    /// From a wire double, rounded to the nearest millionth (half away from zero).
    public init(wire: Double) {
        let scaled = (wire * Double(Price.scale)).rounded(.toNearestOrAwayFromZero)
        self.micros = scaled.isFinite ? Int64(max(min(scaled, 9.0e18), -9.0e18)) : 0
    }

    /// The double to put on the wire: the nearest double to the exact value.
    public var wireValue: Double { Double(micros) / Double(Price.scale) }

    /// Parses a plain decimal like "320.2", "0.0012", "-1.5". At most six decimals.
    public init?(_ text: some StringProtocol) {
        var s = Substring(text).trimmingSpaces
        var negative = false
        if s.first == "-" { negative = true; s.removeFirst() } else if s.first == "+" { s.removeFirst() }
        guard !s.isEmpty else { return nil }
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let frac = parts.count > 1 ? parts[1] : ""
        guard !(whole.isEmpty && frac.isEmpty), whole.allSatisfy(\.isASCIIDigit), frac.allSatisfy(\.isASCIIDigit),
              frac.count <= Price.scaleDigits, whole.count <= 12
        else { return nil }
        let w = Int64(whole.isEmpty ? "0" : String(whole))!
        let f = frac.isEmpty ? 0 : Int64(String(frac) + String(repeating: "0", count: Price.scaleDigits - frac.count))!
        micros = (w * Price.scale + f) * (negative ? -1 : 1)
    }

    public static func < (a: Price, b: Price) -> Bool { a.micros < b.micros }
    public static func + (a: Price, b: Price) -> Price { Price(micros: a.micros + b.micros) }
    public static func - (a: Price, b: Price) -> Price { Price(micros: a.micros - b.micros) }
    public static func * (a: Price, n: Int64) -> Price { Price(micros: a.micros * n) }
    public static prefix func - (a: Price) -> Price { Price(micros: -a.micros) }

    /// Notional value of `quantity` at this price (exact).
    public func notional(_ quantity: Int64) -> Price { Price(micros: micros * quantity) }

    /// Plain decimal text with trailing zeros trimmed but at least `minDecimals` decimals.
    public func formatted(minDecimals: Int = 0, maxDecimals: Int = Price.scaleDigits) -> String {
        let negative = micros < 0
        let m = micros.magnitude
        let whole = m / UInt64(Price.scale)
        var frac = String(m % UInt64(Price.scale))
        frac = String(repeating: "0", count: Price.scaleDigits - frac.count) + frac
        var digits = Array(frac.prefix(maxDecimals))
        while digits.count > minDecimals, digits.last == "0" { digits.removeLast() }
        let body = digits.isEmpty ? "\(whole)" : "\(whole).\(String(digits))"
        return negative ? "-" + body : body
    }

    /// Fixed decimals, rounded half away from zero: `Price("1.2345")!.fixed(3)` is "1.235".
    public func fixed(_ decimals: Int) -> String {
        let drop = Price.scaleDigits - max(0, min(decimals, Price.scaleDigits))
        var p: Int64 = 1
        for _ in 0..<drop { p *= 10 }
        let rounded = (micros >= 0 ? (micros + p / 2) : (micros - p / 2)) / p * p
        return Price(micros: rounded).formatted(minDecimals: decimals, maxDecimals: decimals)
    }

    public var description: String { formatted() }

    /// Change in percent with two decimals of precision, as a display string ("+1.23%").
    public func percentChange(from base: Price) -> String {
        guard base.micros != 0 else { return "—" }
        // basis points x100 = 1/10000 percent, computed in integers
        let num = (micros - base.micros) * 1_000_000
        let q = num / base.micros
        let hundredths = (q >= 0 ? q + 50 : q - 50) / 100  // percent * 100
        let sign = hundredths > 0 ? "+" : (hundredths < 0 ? "-" : "")
        let mag = hundredths.magnitude
        let frac = String(mag % 100)
        return "\(sign)\(mag / 100).\(frac.count == 1 ? "0" + frac : frac)%"
    }
}

extension Substring {
    /// Without leading and trailing spaces (the decimal parsers of ``Price`` and ``FeeRate``).
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}
