import ArgumentParser
import Foundation
import Logging
import MooApp
import OpenDClient
import SimGateway
import TerminalUI
import TradingKit

/// `mootui bench-ticket`: keypress-to-acknowledgement latency of the order ticket, through the
/// real pieces (reducer, effect runner, live gateway adapter, client, the simulated OpenD over
/// loopback, and one frame rendered). Paced inside OpenD's documented place-order limit
/// (15 per 30 s per account) so no sample waits on the rate limiter. A benchmark, not a test.
struct BenchTicketCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-ticket",
        abstract: "Benchmark: Enter on a valid ticket -> order shown as submitted (p50/p99).",
        shouldDisplay: false)

    @Option(help: "Orders to time.")
    var count = 45

    @Option(help: "Seconds between orders (15 per 30 s is OpenD's place-order limit).")
    var spacing = 2.05

    func run() async throws {
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mootui-bench-ticket-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var simConfig = SimConfiguration()
        simConfig.dataDirectory = dir
        simConfig.rate = 0  // a frozen book: the order rests where the ticket put it
        simConfig.seed = 11
        simConfig.orderLatency = 0  // keypress-to-ack through our code, without the simulated broker delay
        let sim = try await SimServer.start(simConfig)
        let connection = OpenDConnection(
            configuration: ConnectionConfiguration(endpoint: OpenDEndpoint(host: sim.host, port: sim.port)))
        let client = OpenDClient(connection: connection)
        try await client.start()
        let address = "\(sim.host):\(sim.port)"
        let gateway = Gateway.live(client, address: address, environment: .simulate)
        let (events, mailbox) = AsyncStream<AppEvent>.makeStream()
        let runner = EffectRunner(gateway: gateway, post: { mailbox.yield($0) }, saveWatchlist: { _ in })
        let clock = ContinuousClock()
        let origin = clock.now
        let seconds: @Sendable () -> Double = {
            let d = clock.now - origin
            return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        }
        let pump = runner.pumpEvents(now: seconds)
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(50))
                mailbox.yield(.timer(seconds()))
            }
        }
        let code = try SecurityCode(parsing: "HK.00700")
        let theme = AppearanceLoader.theme(nil, environment: [:]).0
        var state = AppState(environment: .simulate, gatewayAddress: address, watchlist: [code],
                             keymap: AppearanceLoader.defaultKeymap)
        state.size = TerminalSize(columns: 120, rows: 40)
        var iterator = events.makeAsyncIterator()
        var placedID: String?

        /// Feeds events to the reducer until `done` holds or `limit` seconds pass.
        func drain(_ limit: Double, _ done: (AppState) -> Bool) async -> Bool {
            let deadline = seconds() + limit
            while !done(state) {
                guard seconds() < deadline, let event = await iterator.next() else { return false }
                if case .response(.ticket(.placed(let id))) = event { placedID = id }
                runner.perform(AppReducer.reduce(&state, event))
            }
            return true
        }

        runner.perform(AppReducer.reduce(&state, .started))
        guard await drain(30, { $0.account != nil && $0.books[code] != nil && $0.securities[code] != nil }) else {
            throw ValidationError("the simulated OpenD did not load an account and a book in 30 s")
        }
        var samples: [Double] = []
        var nextSlot = seconds()
        for i in 0..<count {
            if seconds() < nextSlot { try await Task.sleep(for: .seconds(nextSlot - seconds())) }
            nextSlot = seconds() + spacing
            runner.perform(AppReducer.reduce(&state, .key(.character("b"))))
            for _ in 0..<3 { runner.perform(AppReducer.reduce(&state, .key(.down))) }  // rest below the bid
            guard case .ticket(let t) = state.modal, t.isValid else { throw ValidationError("ticket not valid at order \(i)") }
            placedID = nil
            let t0 = clock.now
            runner.perform(AppReducer.reduce(&state, .key(.enter)))
            let shown = await drain(10) { s in
                guard let id = placedID else { return false }
                return s.orders.contains { $0.id == id && $0.status == .submitted }
            }
            _ = ScreenView.render(state, theme: theme, glyphs: .unicode, size: state.size)  // the frame that shows it
            let elapsed = clock.now - t0
            guard shown, let id = placedID else { throw ValidationError("order \(i) not acknowledged in 10 s") }
            samples.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
            if let acc = state.tradingAccount(for: code) { runner.perform([.cancelOrder(id, acc)]) }
            _ = await drain(10) { s in s.orders.contains { $0.id == id && !$0.status.isWorking } }
        }
        ticker.cancel()
        pump.cancel()
        runner.finish()
        await client.shutdown()
        try? await sim.shutdown()
        let sorted = samples.sorted()
        func pct(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)] }
        let mean = samples.reduce(0, +) / Double(samples.count)
        print("bench-ticket: Enter on a valid ticket -> order shown as submitted, loopback, \(samples.count) orders")
        print(String(format: "  p50 %.3f ms   p99 %.3f ms   max %.3f ms   mean %.3f ms   (goal p99 <= 5 ms)",
                     pct(0.50), pct(0.99), sorted.last ?? 0, mean))
    }
}
