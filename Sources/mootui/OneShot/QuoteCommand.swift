import ArgumentParser
import Foundation
import OpenDClient
import TradingKit

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
                    let rules = TickRules.forCode(s.code, isFund: s.kind == .fund)
                    let price = { (p: Price) in NumberFormat.price(p, rules: rules) }
                    table.add([
                        s.code.description, s.name, price(s.last), NumberFormat.change(change, rules: rules, reference: s.last),
                        s.last.percentChange(from: s.previousClose), s.bid.map(price) ?? "—",
                        s.ask.map(price) ?? "—", quantityText(s.volume), quantityText(s.lotSize), s.updateTime,
                    ])
                }
                table.print()
            }
        }
    }
}

/// Parses every code or fails with the first bad one.
private func parseCodes(_ texts: [String]) throws -> [SecurityCode] {
    guard !texts.isEmpty else { throw OneShotError("give at least one code, e.g. HK.00700") }
    return try texts.map { try SecurityCode(parsing: $0) }
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
