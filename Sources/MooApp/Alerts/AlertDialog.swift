import TradingKit

/// The small dialog `a` opens: what to watch on a code and the threshold, validated as typed.
public struct AlertDialog: Sendable, Equatable {
    public let code: SecurityCode
    public var name: String
    public var kind: PriceAlert.Kind
    /// The threshold as typed.
    public var valueText: String
    /// Last price and day volume when the dialog opened (for the defaults and the hint).
    public var last: Price?
    public var volume: Int64?
    public var tickRules: TickRules

    /// A dialog for `code`, watching the price from above by default.
    public init(code: SecurityCode, name: String = "", last: Price?, volume: Int64?, tickRules: TickRules) {
        self.code = code; self.name = name; self.last = last; self.volume = volume; self.tickRules = tickRules
        self.kind = .priceAbove
        self.valueText = ""
        self.valueText = defaultValue(for: .priceAbove)
    }

    /// The kinds in the order Up/Down cycles them.
    public static let kinds: [PriceAlert.Kind] = [.priceAbove, .priceBelow, .changeAbove, .changeBelow, .volumeAbove]

    /// What the value starts at for `kind`: one tick beyond the last price, 2 %, or twice today's volume.
    func defaultValue(for kind: PriceAlert.Kind) -> String {
        switch kind {
        case .priceAbove, .priceBelow:
            guard let last else { return "" }
            let p = kind == .priceAbove ? tickRules.step(last, by: 1) : tickRules.step(last, by: -1)
            return p.formatted(minDecimals: tickRules.displayDecimals(near: p))
        case .changeAbove, .changeBelow: return "2"
        case .volumeAbove: return volume.map { String(max($0 * 2, 1)) } ?? ""
        }
    }

    /// Cycles the kind and resets the value to that kind's default.
    public mutating func cycleKind(forward: Bool) {
        let all = Self.kinds
        let i = all.firstIndex(of: kind) ?? 0
        kind = all[(i + (forward ? 1 : all.count - 1)) % all.count]
        valueText = defaultValue(for: kind)
    }

    /// The typed value, when it parses.
    public var value: Price? { Price(valueText.trimmingCharacters(in: .whitespaces)) }

    /// Why the value cannot be set, or nil.
    public var error: String? {
        guard !valueText.trimmingCharacters(in: .whitespaces).isEmpty else { return "enter a value" }
        guard let v = value else { return "'\(valueText)' is not a number" }
        guard v > .zero else { return "the value must be positive" }
        switch kind {
        case .priceAbove, .priceBelow: return nil
        case .changeAbove, .changeBelow:
            return v > Price(micros: 1_000 * Price.scale) ? "a change above 1000 % never happens" : nil
        case .volumeAbove:
            return v.micros % Price.scale != 0 ? "volume is a whole number of shares" : nil
        }
    }

    /// The alert to set, when the value is valid.
    public var alert: PriceAlert? {
        guard error == nil, let v = value else { return nil }
        return PriceAlert(code: code, kind: kind, value: v, frequency: .once)
    }
}
