import ArgumentParser
import Foundation
import OpenDClient
import TradingKit

// One-shot commands: connect (or start the embedded simulator), ask, print, exit.
// Human output is aligned columns; --json prints one JSON document (prices as exact decimals).

/// `mootui quote CODE... [--json]`: snapshots of one or more codes (no subscription needed).
struct QuoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "quote", abstract: "Print snapshots.")

    @OptionGroup var gateway: GatewayOptions
    @Flag(help: "Print JSON.") var json = false
    @Argument(help: "Codes such as HK.00700 US.AAPL SH.600519.") var codes: [String]

    func run() async throws {
        try await runOneShot {
            let codes = try parseCodes(self.codes)
            let snapshots = try await withGateway(gateway) { try await $0.snapshots(codes) }
            let byCode = Dictionary(snapshots.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
            let missing = codes.filter { byCode[$0] == nil }
            guard missing.isEmpty else { throw ClientError.unknownSecurity(missing) }
            let ordered = codes.map { byCode[$0]! }
            if json {
                printJSON(.array(ordered.map(snapshotJSON)))
            } else {
                var table = TextTable(
                    ["CODE", "NAME", "LAST", "CHANGE", "CHANGE%", "BID", "ASK", "VOLUME", "LOT", "UPDATED"],
                    leftAligned: [0, 1, 9])
                for s in ordered {
                    let change = s.last - s.previousClose
                    table.add([
                        s.code.description, s.name, s.last.formatted(minDecimals: 2), signed(change),
                        s.last.percentChange(from: s.previousClose), s.bid?.formatted(minDecimals: 2) ?? "—",
                        s.ask?.formatted(minDecimals: 2) ?? "—", "\(s.volume)", "\(s.lotSize)", s.updateTime,
                    ])
                }
                table.print()
            }
        }
    }
}

/// `mootui book CODE [--depth N] [--json]`: the order book (subscribes to it first).
struct BookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "book", abstract: "Print the order book.")

    @OptionGroup var gateway: GatewayOptions
    @Flag(help: "Print JSON.") var json = false
    @Option(help: "Levels per side.") var depth = 10
    @Argument(help: "Code such as HK.00700.") var code: String

    func run() async throws {
        try await runOneShot {
            let code = try SecurityCode(parsing: self.code)
            guard depth > 0 else { throw OneShotError("--depth must be positive") }
            let book = try await withGateway(gateway) { client -> OrderBook in
                _ = try await client.securityInfo([code])
                try await client.subscribe([code], [.orderBook])
                return try await client.orderBook(code, depth: depth)
            }
            if json {
                printJSON(
                    .object([
                        ("code", .string(book.code.description)), ("name", .string(book.name)),
                        ("bids", .array(book.bids.map(levelJSON))), ("asks", .array(book.asks.map(levelJSON))),
                    ]))
            } else {
                Swift.print("\(book.code) \(book.name)")
                var table = TextTable(["#", "ORDERS", "BID VOL", "BID", "ASK", "ASK VOL", "ORDERS"])
                for i in 0..<max(book.bids.count, book.asks.count) {
                    let bid = i < book.bids.count ? book.bids[i] : nil
                    let ask = i < book.asks.count ? book.asks[i] : nil
                    table.add([
                        "\(i + 1)", bid.map { "\($0.orderCount)" } ?? "", bid.map { "\($0.volume)" } ?? "",
                        bid?.price.formatted(minDecimals: 2) ?? "", ask?.price.formatted(minDecimals: 2) ?? "",
                        ask.map { "\($0.volume)" } ?? "", ask.map { "\($0.orderCount)" } ?? "",
                    ])
                }
                table.print()
            }
        }
    }
}

/// `mootui kline CODE [--ktype P] [--count N] [--json]`: the latest bars (subscribes first).
struct KLineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kline", abstract: "Print K-lines.")

    @OptionGroup var gateway: GatewayOptions
    @Flag(help: "Print JSON.") var json = false
    @Option(help: "Period: 1m, 5m, 15m, 30m, 60m, day, week, month.") var ktype = "day"
    @Option(help: "Number of bars (at most 1000).") var count = 20
    @Argument(help: "Code such as HK.00700.") var code: String

    func run() async throws {
        try await runOneShot {
            let code = try SecurityCode(parsing: self.code)
            guard let period = BarPeriod(rawValue: ktype.lowercased()) else {
                throw OneShotError("unknown --ktype '\(ktype)' (1m, 5m, 15m, 30m, 60m, day, week, month)")
            }
            guard (1...1000).contains(count) else { throw OneShotError("--count must be from 1 to 1000") }
            let bars = try await withGateway(gateway) { client -> [Bar] in
                _ = try await client.securityInfo([code])
                try await client.subscribe([code], [.kline(period)])
                return try await client.bars(code, period: period, count: count)
            }
            if json {
                printJSON(
                    .object([
                        ("code", .string(code.description)), ("ktype", .string(period.rawValue)),
                        ("bars", .array(bars.map(barJSON))),
                    ]))
            } else {
                var table = TextTable(["TIME", "OPEN", "HIGH", "LOW", "CLOSE", "VOLUME", "TURNOVER"], leftAligned: [0])
                for b in bars {
                    table.add([
                        b.time, b.open.formatted(minDecimals: 2), b.high.formatted(minDecimals: 2),
                        b.low.formatted(minDecimals: 2), b.close.formatted(minDecimals: 2), "\(b.volume)",
                        b.turnover.fixed(2),
                    ])
                }
                table.print()
            }
        }
    }
}

/// Which accounts a trade command looks at: `--env` and optionally one `--account`.
struct AccountOptions: ParsableArguments {
    @Option(help: "Trading environment: simulate or real.") var env = "simulate"
    @Option(help: "Only this account id.") var account: UInt64?

    /// The parsed environment, or a one-line error.
    func environment() throws -> TradingEnvironment {
        guard let e = TradingEnvironment(rawValue: env.lowercased()) else {
            throw OneShotError("unknown --env '\(env)' (simulate or real)")
        }
        return e
    }

    /// The gateway's accounts in this environment (and with this id), at least one.
    func select(from client: OpenDClient) async throws -> [Account] {
        let env = try environment()
        let chosen = try await client.accounts().filter {
            $0.environment == env && (account == nil || $0.id == account)
        }
        guard !chosen.isEmpty else {
            throw OneShotError(account.map { "no \(env.rawValue) account \($0)" } ?? "no \(env.rawValue) accounts")
        }
        return chosen
    }
}

/// `mootui accounts [--env E] [--json]`: the trading accounts (all environments unless --env).
struct AccountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accounts", abstract: "List trading accounts.")

    @OptionGroup var gateway: GatewayOptions
    @Flag(help: "Print JSON.") var json = false
    @Option(help: "Only this environment: simulate or real.") var env: String?

    func run() async throws {
        try await runOneShot {
            let filter = try env.map { text -> TradingEnvironment in
                guard let e = TradingEnvironment(rawValue: text.lowercased()) else {
                    throw OneShotError("unknown --env '\(text)' (simulate or real)")
                }
                return e
            }
            let accounts = try await withGateway(gateway) { try await $0.accounts() }
                .filter { filter == nil || $0.environment == filter }
            if json {
                printJSON(
                    .array(
                        accounts.map { a in
                            .object([
                                ("id", .uint(a.id)), ("env", .string(a.environment.rawValue)),
                                ("markets", .array(a.markets.map { .string(tradeMarketName($0)) })),
                                ("type", .string(a.accountType == 2 ? "margin" : "cash")),
                                ("card", .string(a.cardNumber)),
                            ])
                        }))
            } else {
                var table = TextTable(["ACCOUNT", "ENV", "MARKETS", "TYPE", "CARD"], leftAligned: [1, 2, 3, 4])
                for a in accounts {
                    table.add([
                        "\(a.id)", a.environment.rawValue.uppercased(),
                        a.markets.map(tradeMarketName).joined(separator: ","),
                        a.accountType == 2 ? "margin" : "cash", a.cardNumber,
                    ])
                }
                table.print()
            }
        }
    }
}

/// `mootui funds [--env E] [--account ID] [--json]`: cash and buying power per account.
struct FundsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "funds", abstract: "Print account funds.")

    @OptionGroup var gateway: GatewayOptions
    @OptionGroup var accounts: AccountOptions
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        try await runOneShot {
            let rows = try await withGateway(gateway) { client -> [(Account, Funds)] in
                var rows: [(Account, Funds)] = []
                for account in try await accounts.select(from: client) {
                    rows.append((account, try await client.funds(account)))
                }
                return rows
            }
            if json {
                printJSON(
                    .array(
                        rows.map { a, f in
                            .object([
                                ("account", .uint(a.id)), ("currency", .string(f.currency)),
                                ("buyingPower", .price(f.buyingPower)), ("totalAssets", .price(f.totalAssets)),
                                ("cash", .price(f.cash)), ("marketValue", .price(f.marketValue)),
                                ("frozenCash", .price(f.frozenCash)), ("unrealizedPL", .price(f.unrealizedPL)),
                                ("realizedPL", .price(f.realizedPL)),
                            ])
                        }))
            } else {
                var table = TextTable(
                    [
                        "ACCOUNT", "CCY", "BUYING POWER", "TOTAL ASSETS", "CASH", "MARKET VALUE", "FROZEN",
                        "UNREALIZED P/L",
                    ], leftAligned: [1])
                for (a, f) in rows {
                    table.add([
                        "\(a.id)", f.currency, f.buyingPower.fixed(2), f.totalAssets.fixed(2), f.cash.fixed(2),
                        f.marketValue.fixed(2), f.frozenCash.fixed(2), signed(f.unrealizedPL, decimals: 2),
                    ])
                }
                table.print()
            }
        }
    }
}

/// `mootui positions [--env E] [--account ID] [--json]`: holdings per account.
struct PositionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "positions", abstract: "Print positions.")

    @OptionGroup var gateway: GatewayOptions
    @OptionGroup var accounts: AccountOptions
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        try await runOneShot {
            let rows = try await withGateway(gateway) { client -> [(Account, Position)] in
                var rows: [(Account, Position)] = []
                for account in try await accounts.select(from: client) {
                    rows += try await client.positions(account).map { (account, $0) }
                }
                return rows
            }
            if json {
                printJSON(
                    .array(
                        rows.map { a, p in
                            .object([
                                ("account", .uint(a.id)), ("code", .string(p.code.description)),
                                ("name", .string(p.name)),
                                ("quantity", .int(p.quantity)), ("sellable", .int(p.sellableQuantity)),
                                ("costPrice", .price(p.costPrice)), ("lastPrice", .price(p.lastPrice)),
                                ("marketValue", .price(p.marketValue)), ("profitLoss", .price(p.profitLoss)),
                            ])
                        }))
            } else {
                var table = TextTable(
                    ["ACCOUNT", "CODE", "NAME", "QTY", "SELLABLE", "COST", "LAST", "VALUE", "P/L"],
                    leftAligned: [1, 2])
                for (a, p) in rows {
                    table.add([
                        "\(a.id)", p.code.description, p.name, "\(p.quantity)", "\(p.sellableQuantity)",
                        p.costPrice.formatted(minDecimals: 2), p.lastPrice.formatted(minDecimals: 2),
                        p.marketValue.fixed(2), signed(p.profitLoss, decimals: 2),
                    ])
                }
                if rows.isEmpty { Swift.print("no positions") } else { table.print() }
            }
        }
    }
}

/// `mootui orders [--env E] [--account ID] [--json]`: today's orders per account.
struct OrdersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "orders", abstract: "Print today's orders.")

    @OptionGroup var gateway: GatewayOptions
    @OptionGroup var accounts: AccountOptions
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        try await runOneShot {
            let orders = try await withGateway(gateway) { client -> [Order] in
                var orders: [Order] = []
                for account in try await accounts.select(from: client) { orders += try await client.orders(account) }
                return orders
            }
            if json {
                printJSON(.array(orders.map(orderJSON)))
            } else {
                var table = TextTable(
                    [
                        "ACCOUNT", "ORDER ID", "CODE", "NAME", "SIDE", "TYPE", "STATUS", "QTY", "FILLED",
                        "PRICE", "AVG FILL", "UPDATED",
                    ], leftAligned: [1, 2, 3, 4, 5, 6, 11])
                for o in orders {
                    table.add([
                        "\(o.accountID)", o.id, o.code.description, o.name, o.side.rawValue.uppercased(),
                        o.type.description, o.status.description, "\(o.quantity)", "\(o.filledQuantity)",
                        o.type.needsPrice ? o.price.formatted(minDecimals: 2) : "MKT",
                        o.averageFillPrice.formatted(minDecimals: 2), o.updateTime,
                    ])
                }
                if orders.isEmpty { Swift.print("no orders") } else { table.print() }
            }
        }
    }
}

/// `mootui order place|cancel ...`.
struct OrderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order", abstract: "Place or cancel an order.",
        subcommands: [OrderPlaceCommand.self, OrderCancelCommand.self])
}

/// `mootui order place --code C --side buy|sell --qty N [--price P] [--type limit|market]`.
/// Tick and lot rules are checked against the gateway's static info before anything is sent.
struct OrderPlaceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "place", abstract: "Place an order.")

    @OptionGroup var gateway: GatewayOptions
    @OptionGroup var accounts: AccountOptions
    @Flag(help: "Print JSON.") var json = false
    @Option(help: "Code such as HK.00700.") var code: String
    @Option(help: "buy or sell.") var side: String
    @Option(help: "Quantity in shares.") var qty: Int64
    @Option(help: "Limit price (required for limit orders).") var price: String?
    @Option(help: "limit or market.") var type = "limit"
    @Option(help: "Free text echoed in the order (at most 64 bytes).") var remark = ""

    func run() async throws {
        try await runOneShot {
            let code = try SecurityCode(parsing: self.code)
            guard let side = OrderSide(rawValue: side.lowercased()) else {
                throw OneShotError("unknown --side '\(self.side)' (buy or sell)")
            }
            let orderType: OrderType
            switch type.lowercased() {
            case "limit": orderType = .limit
            case "market": orderType = .market
            default: throw OneShotError("unknown --type '\(type)' (limit or market)")
            }
            var limit = Price.zero
            if orderType.needsPrice {
                guard let text = price else { throw OneShotError("a limit order needs --price") }
                guard let p = Price(text), p > .zero else { throw OneShotError("invalid --price '\(text)'") }
                limit = p
            }
            let env = try accounts.environment()
            let request = OrderRequest(
                code: code, side: side, type: orderType, price: limit, quantity: qty,
                remark: remark)
            let (account, orderID) = try await withGateway(gateway) { client -> (Account, String) in
                let info = try await client.securityInfo([code])[0]
                if orderType.needsPrice, let why = info.tickRules.violation(limit) {
                    throw OneShotError("order refused before sending: \(code) \(why)")
                }
                let candidates = try await accounts.select(from: client).filter { $0.trades(code.market) }
                guard let account = candidates.first else {
                    throw OneShotError("no \(env.rawValue) account trades \(code.market.rawValue)")
                }
                if let why = info.lotRules.violation(quantity: qty, side: side) {
                    // An odd remainder may be sold in full: check the holding before refusing.
                    let held =
                        side == .sell
                        ? try await client.positions(account).first { $0.code == code }?.quantity ?? 0 : 0
                    if info.lotRules.violation(quantity: qty, side: side, position: held) != nil {
                        throw OneShotError("order refused before sending: \(code) \(why)")
                    }
                }
                if env == .real, let md5 = ProcessInfo.processInfo.environment["MOOTUI_TRADE_PASSWORD_MD5"] {
                    try await client.unlockTrade(passwordMD5: md5, securityFirm: account.securityFirm)
                }
                return (account, try await client.placeOrder(account, request))
            }
            if json {
                printJSON(
                    .object([
                        ("orderID", .string(orderID)), ("account", .uint(account.id)),
                        ("code", .string(code.description)),
                        ("side", .string(side.rawValue)), ("type", .string(type.lowercased())), ("quantity", .int(qty)),
                        ("price", orderType.needsPrice ? .price(limit) : .null),
                    ]))
            } else {
                let at = orderType.needsPrice ? "@ \(limit.formatted(minDecimals: 2))" : "at market"
                Swift.print(
                    "placed order \(orderID): \(side.rawValue.uppercased()) \(qty) \(code) \(at) (account \(account.id))"
                )
            }
        }
    }
}

/// `mootui order cancel ORDER_ID [--env E]`: finds the order in the environment's accounts and cancels it.
struct OrderCancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel an order.")

    @OptionGroup var gateway: GatewayOptions
    @OptionGroup var accounts: AccountOptions
    @Flag(help: "Print JSON.") var json = false
    @Argument(help: "The order id (as `mootui orders` prints it).") var orderID: String

    func run() async throws {
        try await runOneShot {
            let env = try accounts.environment()
            let order = try await withGateway(gateway) { client -> Order in
                for account in try await accounts.select(from: client) {
                    guard let order = try await client.orders(account).first(where: { $0.id == orderID }) else {
                        continue
                    }
                    guard order.status.isWorking else {
                        throw OneShotError("order \(orderID) is \(order.status) and cannot be cancelled")
                    }
                    try await client.cancelOrder(account, orderID: orderID, code: order.code)
                    return order
                }
                throw OneShotError("no order \(orderID) in the \(env.rawValue) accounts")
            }
            if json {
                printJSON(
                    .object([
                        ("orderID", .string(order.id)), ("account", .uint(order.accountID)),
                        ("cancelRequested", .bool(true)),
                    ]))
            } else {
                Swift.print("cancel requested for order \(order.id) (\(order.code), account \(order.accountID))")
            }
        }
    }
}

// MARK: - Parsing and output helpers for the commands above

/// Parses every code or fails with the first bad one.
private func parseCodes(_ texts: [String]) throws -> [SecurityCode] {
    guard !texts.isEmpty else { throw OneShotError("give at least one code, e.g. HK.00700") }
    return try texts.map { try SecurityCode(parsing: $0) }
}

/// "+1.20" / "-0.35" / "0".
private func signed(_ p: Price, decimals: Int? = nil) -> String {
    let text = decimals.map { p.fixed($0) } ?? p.formatted(minDecimals: 2)
    return p > .zero ? "+" + text : text
}

/// A `Trd_Common.TrdMarket` as a trader names it.
private func tradeMarketName(_ m: Int32) -> String {
    switch m {
    case 1: return "HK"
    case 2: return "US"
    case 3: return "CN"
    case 4: return "HKCC"
    default: return "M\(m)"
    }
}

private func snapshotJSON(_ s: Snapshot) -> JSONValue {
    .object([
        ("code", .string(s.code.description)), ("name", .string(s.name)), ("last", .price(s.last)),
        ("open", .price(s.open)), ("high", .price(s.high)), ("low", .price(s.low)),
        ("previousClose", .price(s.previousClose)), ("volume", .int(s.volume)), ("turnover", .price(s.turnover)),
        ("bid", s.bid.map(JSONValue.price) ?? .null), ("ask", s.ask.map(JSONValue.price) ?? .null),
        ("lotSize", .int(s.lotSize)), ("priceSpread", .price(s.priceSpread)), ("suspended", .bool(s.isSuspended)),
        ("updateTime", .string(s.updateTime)),
    ])
}

private func levelJSON(_ l: BookLevel) -> JSONValue {
    .object([("price", .price(l.price)), ("volume", .int(l.volume)), ("orders", .int(Int64(l.orderCount)))])
}

private func barJSON(_ b: Bar) -> JSONValue {
    .object([
        ("time", .string(b.time)), ("open", .price(b.open)), ("high", .price(b.high)), ("low", .price(b.low)),
        ("close", .price(b.close)), ("volume", .int(b.volume)), ("turnover", .price(b.turnover)),
    ])
}

private func orderJSON(_ o: Order) -> JSONValue {
    .object([
        ("orderID", .string(o.id)), ("account", .uint(o.accountID)), ("code", .string(o.code.description)),
        ("name", .string(o.name)), ("side", .string(o.side.rawValue)), ("type", .string(o.type.description)),
        ("status", .string(o.status.description)), ("quantity", .int(o.quantity)),
        ("filled", .int(o.filledQuantity)), ("price", .price(o.price)),
        ("averageFillPrice", .price(o.averageFillPrice)),
        ("createTime", .string(o.createTime)), ("updateTime", .string(o.updateTime)), ("remark", .string(o.remark)),
    ])
}

/// A JSON document with exact decimal prices and keys in the order given.
indirect enum JSONValue {
    case string(String)
    case int(Int64)
    case uint(UInt64)
    case price(Price)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// Compact JSON text.
    var text: String {
        switch self {
        case .string(let s): return Self.quote(s)
        case .int(let i): return String(i)
        case .uint(let u): return String(u)
        case .price(let p): return p.formatted()
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items): return "[" + items.map(\.text).joined(separator: ",") + "]"
        case .object(let pairs):
            return "{" + pairs.map { Self.quote($0.0) + ":" + $0.1.text }.joined(separator: ",") + "}"
        }
    }

    private static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20: out += String(format: "\\u%04x", c.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

private func printJSON(_ value: JSONValue) {
    Swift.print(value.text)
}

/// Columns padded to the widest cell (CJK characters count two), numbers right-aligned.
struct TextTable {
    private let headers: [String]
    private let leftAligned: Set<Int>
    private var rows: [[String]] = []

    init(_ headers: [String], leftAligned: Set<Int> = []) {
        self.headers = headers
        self.leftAligned = leftAligned
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    func print() {
        let all = [headers] + rows
        var widths = Array(repeating: 0, count: headers.count)
        for row in all {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], Self.width(cell)) }
        }
        for row in all {
            var line = ""
            for (i, cell) in row.enumerated() where i < widths.count {
                let pad = String(repeating: " ", count: widths[i] - Self.width(cell))
                if i > 0 { line += "  " }
                line += leftAligned.contains(i) ? cell + (i == row.count - 1 ? "" : pad) : pad + cell
            }
            Swift.print(line)
        }
    }

    /// Terminal columns of `s`: East Asian wide and full-width characters take two.
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { total, u in
            let v = u.value
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return total + (wide ? 2 : 1)
        }
    }
}
