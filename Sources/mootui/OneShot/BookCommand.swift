import ArgumentParser
import Foundation
import OpenDClient
import TradingKit

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
                        "\(i + 1)", bid.map { quantityText(Int64($0.orderCount)) } ?? "", bid.map { quantityText($0.volume) } ?? "",
                        bid.map { priceText($0.price, book.code) } ?? "", ask.map { priceText($0.price, book.code) } ?? "",
                        ask.map { quantityText($0.volume) } ?? "", ask.map { quantityText(Int64($0.orderCount)) } ?? "",
                    ])
                }
                table.print()
            }
        }
    }
}

private func levelJSON(_ l: BookLevel) -> JSONValue {
    .object([("price", .price(l.price)), ("volume", .int(l.volume)), ("orders", .int(Int64(l.orderCount)))])
}
