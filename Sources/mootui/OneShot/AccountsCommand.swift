import ArgumentParser
import Foundation
import OpenDClient
import TradingKit

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
