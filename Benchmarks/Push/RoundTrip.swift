import Foundation
import Logging
import NIOPosix
import OpenDClient
import TradingKit

/// Request round trip through mootui's client path: `count` snapshot requests of one code,
/// one at a time, after a few unmeasured ones; prints p50 and p99 in milliseconds. The client's
/// own pacing of the documented limits is off (measure the path, not the wait for a slot): run
/// it against `mootui sim --no-rate-limits` for more than 60 samples.
enum RoundTrip {
    static func run(endpoint: String, code: String, count: Int) async throws {
        let parts = endpoint.split(separator: ":")
        guard parts.count == 2, let port = Int(parts[1]) else { throw BenchError("endpoint must be HOST:PORT") }
        let security = try SecurityCode(parsing: code)
        let connection = OpenDConnection(
            configuration: ConnectionConfiguration(endpoint: OpenDEndpoint(host: String(parts[0]), port: port)),
            clock: ContinuousClock(), logger: Logger(label: "bench-push.rtt"),
            group: MultiThreadedEventLoopGroup.singleton, rateLimiter: RateLimiter(rules: [:]))
        let client = OpenDClient(connection: connection)
        try await client.start()
        for _ in 0..<3 { _ = try await client.snapshots([security]) }
        var samples: [Double] = []
        for _ in 0..<count {
            let start = monotonicNow()
            _ = try await client.snapshots([security])
            samples.append((monotonicNow() - start) * 1000)
        }
        await client.shutdown()
        samples.sort()
        func pct(_ p: Double) -> Double { samples[min(samples.count - 1, Int((Double(samples.count) * p).rounded(.up)) - 1)] }
        print(String(format: "mootui round trip: n=%d p50 %.3f ms p99 %.3f ms", samples.count, pct(0.5), pct(0.99)))
    }
}
