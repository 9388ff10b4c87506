import ArgumentParser
import Foundation
import OpenDClient
import TradingKit

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
                        b.time, priceText(b.open, code), priceText(b.high, code),
                        priceText(b.low, code), priceText(b.close, code), quantityText(b.volume),
                        NumberFormat.money(b.turnover),
                    ])
                }
                table.print()
            }
        }
    }
}

private func barJSON(_ b: Bar) -> JSONValue {
    .object([
        ("time", .string(b.time)), ("open", .price(b.open)), ("high", .price(b.high)), ("low", .price(b.low)),
        ("close", .price(b.close)), ("volume", .int(b.volume)), ("turnover", .price(b.turnover)),
    ])
}
