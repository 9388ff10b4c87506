/// A security as OpenD's users write it: "HK.00700", "US.AAPL", "SH.600519", "SZ.000001".
public struct SecurityCode: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let market: Market
    /// The bare code without the market prefix: "00700", "AAPL".
    public let symbol: String

    public init(market: Market, symbol: String) {
        self.market = market
        self.symbol = symbol
    }

    /// Parses "MARKET.SYMBOL", splitting at the first dot (so "US..DJI" is `.DJI`).
    /// Validates shape: HK 5 digits (shorter numbers are zero-padded), SH/SZ 6 digits, US non-empty.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingWhitespace()
        guard let dot = trimmed.firstIndex(of: ".") else { throw SecurityCodeError.missingMarket(text) }
        let prefix = trimmed[..<dot].uppercased()
        var symbol = String(trimmed[trimmed.index(after: dot)...])
        guard let market = Market(rawValue: prefix) else { throw SecurityCodeError.unknownMarket(String(prefix)) }
        guard !symbol.isEmpty else { throw SecurityCodeError.badSymbol(text) }
        switch market {
        case .hk:
            guard symbol.count <= 5, symbol.allSatisfy(\.isASCIIDigit) else { throw SecurityCodeError.badSymbol(text) }
            symbol = String(repeating: "0", count: 5 - symbol.count) + symbol
        case .sh, .sz:
            guard symbol.count == 6, symbol.allSatisfy(\.isASCIIDigit) else { throw SecurityCodeError.badSymbol(text) }
        case .us:
            symbol = symbol.uppercased()
            guard symbol.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") })
            else { throw SecurityCodeError.badSymbol(text) }
        }
        self.init(market: market, symbol: symbol)
    }

    public var description: String { "\(market.rawValue).\(symbol)" }

    public static func < (a: SecurityCode, b: SecurityCode) -> Bool { a.description < b.description }

    /// True for a Shanghai STAR Market code (688xxx), which has its own lot rule.
    public var isSTAR: Bool { market == .sh && symbol.hasPrefix("688") }
}

/// Why a code string was rejected.
public enum SecurityCodeError: Error, Equatable, Sendable, CustomStringConvertible {
    case missingMarket(String)
    case unknownMarket(String)
    case badSymbol(String)

    public var description: String {
        switch self {
        case let .missingMarket(t): return "'\(t)' has no market prefix (write e.g. HK.00700, US.AAPL, SH.600519)"
        case let .unknownMarket(m): return "unknown market '\(m)' (HK, US, SH, SZ)"
        case let .badSymbol(t): return "'\(t)' is not a valid code"
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    func trimmingWhitespace() -> Substring {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
