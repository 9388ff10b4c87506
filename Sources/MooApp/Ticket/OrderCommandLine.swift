import TradingKit

/// The `:` order command line: a fast way to fill the ticket (Enter in the ticket still confirms).
///
/// Grammar (case-insensitive, words in any order after the verb):
/// `b|buy QTY CODE [@] [PRICE] [lmt|mkt] [day|gtc]`, `s|sell QTY|all CODE …`, `c|cancel ORDER_ID`,
/// `ca|cancel-all [CODE]`. Examples: `:b 200 HK.00700 @ 320.2 day`, `:s all US.AAPL mkt`, `:c 12345`.
public enum OrderCommandLine {
    /// A quantity as typed: a number of shares, or `all` (the whole position).
    public enum Quantity: Equatable, Sendable {
        case shares(Int64)
        case all
    }

    /// A parsed command.
    public enum Command: Equatable, Sendable {
        case order(side: OrderSide, quantity: Quantity, code: SecurityCode, price: Price?, type: OrderType,
                   timeInForce: TimeInForce?)
        case cancel(orderID: String)
        case cancelAll(code: SecurityCode?)
    }

    /// Parses one command line (with or without the leading `:`).
    public static func parse(_ line: String) throws(OrderCommandError) -> Command {
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if let first = words.first, first.hasPrefix(":") {
            let rest = String(first.dropFirst())
            if rest.isEmpty { words.removeFirst() } else { words[0] = rest }
        }
        guard let verb = words.first?.lowercased() else { throw .init("empty command: try  b 200 HK.00700 @ 320.2") }
        let args = Array(words.dropFirst())
        switch verb {
        case "b", "buy": return try parseOrder(.buy, args)
        case "s", "sell": return try parseOrder(.sell, args)
        case "c", "cancel":
            guard args.count == 1 else { throw .init("usage: c ORDER_ID") }
            return .cancel(orderID: args[0])
        case "ca", "cancel-all", "cancelall":
            guard args.count <= 1 else { throw .init("usage: ca [CODE]") }
            if let c = args.first {
                do { return .cancelAll(code: try SecurityCode(parsing: c)) } catch { throw .init("\(error)") }
            }
            return .cancelAll(code: nil)
        default:
            throw .init("unknown command '\(verb)': b, s, c or ca")
        }
    }

    private static func parseOrder(_ side: OrderSide, _ args: [String]) throws(OrderCommandError) -> Command {
        var quantity: Quantity?
        var code: SecurityCode?
        var price: Price?
        var type: OrderType?
        var tif: TimeInForce?
        var expectPrice = false
        for raw in args {
            let w = raw.lowercased()
            if w == "@" { expectPrice = true; continue }
            if w.hasPrefix("@") {
                guard let p = Price(w.dropFirst()) else { throw .init("'\(raw)' is not a price") }
                price = p
                continue
            }
            switch w {
            case "mkt", "market": type = .market; continue
            case "lmt", "limit": type = .limit; continue
            case "day": tif = .day; continue
            case "gtc": tif = .gtc; continue
            case "all":
                guard side == .sell else { throw .init("'all' only sells a whole position") }
                quantity = .all
                continue
            default: break
            }
            if raw.contains("."), let c = try? SecurityCode(parsing: raw), raw.first?.isLetter == true {
                code = c
                continue
            }
            if expectPrice || (quantity != nil && code != nil) || (quantity != nil && raw.contains(".")) {
                guard let p = Price(raw) else { throw .init("'\(raw)' is not a price") }
                price = p
                expectPrice = false
                continue
            }
            if quantity == nil, let q = Int64(raw) {
                guard q > 0 else { throw .init("quantity must be positive") }
                quantity = .shares(q)
                continue
            }
            if let p = Price(raw), quantity != nil {
                price = p
                continue
            }
            throw .init("cannot read '\(raw)'")
        }
        guard let quantity else { throw .init("missing quantity: \(side == .buy ? "b 200 HK.00700 @ 320.2" : "s all US.AAPL mkt")") }
        guard let code else { throw .init("missing code, e.g. HK.00700") }
        let orderType = type ?? (price == nil ? .market : .limit)
        if orderType == .market, price != nil { throw .init("a market order takes no price") }
        return .order(side: side, quantity: quantity, code: code, price: price, type: orderType, timeInForce: tif)
    }
}

/// A command line that could not be read, with the reason in the trader's words.
public struct OrderCommandError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
