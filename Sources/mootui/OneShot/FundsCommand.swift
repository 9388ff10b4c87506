import ArgumentParser
import Foundation
import OpenDClient
import TradingKit

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
                        "\(a.id)", f.currency, NumberFormat.money(f.buyingPower), NumberFormat.money(f.totalAssets), NumberFormat.money(f.cash),
                        NumberFormat.money(f.marketValue), NumberFormat.money(f.frozenCash), NumberFormat.signedMoney(f.unrealizedPL),
                    ])
                }
                table.print()
            }
        }
    }
}
