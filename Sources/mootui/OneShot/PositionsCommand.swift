import ArgumentParser
import Foundation
import OpenDClient
import TradingKit

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
                        "\(a.id)", p.code.description, p.name, quantityText(p.quantity), quantityText(p.sellableQuantity),
                        priceText(p.costPrice, p.code), priceText(p.lastPrice, p.code),
                        NumberFormat.money(p.marketValue), NumberFormat.signedMoney(p.profitLoss),
                    ])
                }
                if rows.isEmpty { Swift.print("no positions") } else { table.print() }
            }
        }
    }
}
