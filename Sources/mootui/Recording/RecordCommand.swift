import ArgumentParser
import Foundation
import MarketRecording
import OpenDClient
import TradingKit

/// `mootui record CODE... --subtypes book,ticker,quote,kline --out FILE [--duration D]`: records
/// the pushes (and responses) of a subscription with no terminal, until the duration is up or
/// SIGINT/SIGTERM; then prints what it wrote.
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Record market pushes to a file, headless (see `mootui replay`).")

    @OptionGroup var gateway: GatewayOptions

    @Option(help: "Sub-types, comma-separated: quote, book, ticker, rt, kline (1m) or kline-5m, kline-day ...")
    var subtypes = "quote,book,ticker"

    @Option(help: "The recording to write (replaced if it exists).")
    var out: String

    @Option(help: "Stop after this long: 90, 90s, 15m, 2h (default: until SIGINT or SIGTERM).")
    var duration: String?

    @Argument(help: "Codes such as HK.00700 US.AAPL.") var codes: [String]

    func run() async throws {
        try await runOneShot {
            guard !codes.isEmpty else { throw OneShotError("give at least one code, e.g. HK.00700") }
            let codes = try self.codes.map { try SecurityCode(parsing: $0) }
            let types = try SubTypeList.parse(subtypes)
            let limit = try duration.map(DurationText.parse)
            let header = RecordingHeader(
                startNanoseconds: WallClock.nanoseconds(), gateway: gateway.opend ?? "embedded sim",
                subscriptions: codes.flatMap { c in types.map { .init(code: c.description, subType: $0.wireValue) } })
            let writer = try RecordingWriter(sink: try FileRecordingSink(path: out), header: header)
            let stop = StopSignal()
            do {
                try await withGateway(gateway, frameTap: writer) { client in
                    // Nobody reads the event stream here: drain it so it holds nothing.
                    let drain = Task { for await _ in client.events {} }
                    defer { drain.cancel() }
                    try await client.subscribe(codes, types)
                    await stop.wait(limit: limit)
                }
            } catch {
                writer.close()
                throw error
            }
            let stats = writer.close()
            if let problem = stats.writeError { throw OneShotError(problem) }
            print(
                "recorded \(stats.framesRecorded) frames (\(stats.framesDropped) dropped in \(stats.gaps) gaps),"
                    + " \(stats.bytesWritten) bytes to \(out)")
        }
    }
}

/// Sub-type names on the command line.
enum SubTypeList {
    static func parse(_ text: String) throws -> [SubscriptionType] {
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard !names.isEmpty else { throw OneShotError("--subtypes: give at least one of quote, book, ticker, rt, kline") }
        return try names.map { name in
            switch name {
            case "quote": return .quote
            case "book": return .orderBook
            case "ticker": return .ticker
            case "rt": return .timeShare
            case "kline": return .kline(.oneMinute)
            default:
                if name.hasPrefix("kline-"), let p = BarPeriod(rawValue: String(name.dropFirst(6))) { return .kline(p) }
                throw OneShotError(
                    "--subtypes: unknown sub-type \"\(name)\" (quote, book, ticker, rt, kline, kline-5m, kline-day ...)")
            }
        }
    }
}

/// "90", "90s", "15m", "2h" as seconds.
enum DurationText {
    static func parse(_ text: String) throws -> Double {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for (suffix, scale) in units where t.hasSuffix(suffix) {
            if let v = Double(t.dropLast(suffix.count)), v > 0, v.isFinite { return v * scale }
        }
        if let v = Double(t), v > 0, v.isFinite { return v }
        throw OneShotError("--duration: \"\(text)\" is not a duration such as 90s, 15m or 2h")
    }
}
