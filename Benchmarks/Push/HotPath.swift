import CMallocCount
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import OpenDClient

/// The client's push path in one process, measured per thread: the burst gateway on one event
/// loop, an `OpenDConnection` on another (its I/O thread: read, framing, SHA-1, routing into
/// the slots), and a consumer thread that takes and decodes what changed at most 60 times a
/// second, as the UI does. CPU from CLOCK_THREAD_CPUTIME_ID; allocations from the interposed
/// allocator's per-thread counter.
enum HotPath {
    struct ThreadSample {
        var cpu: Double
        var allocations: UInt64
        static func now() -> ThreadSample {
            var ts = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
            return ThreadSample(cpu: Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9, allocations: mootui_thread_allocations())
        }
    }

    /// Takes from the client when woken, no more often than `fps`, like the UI's frame loop.
    final class Consumer: @unchecked Sendable {
        let client: OpenDClient
        let fps: Double
        private let signal = DispatchSemaphore(value: 0)
        private let state = NIOLockedValueBox((takes: 0, books: 0, lastAsk: 0.0, sample: ThreadSample(cpu: 0, allocations: 0), stop: false))

        init(client: OpenDClient, fps: Double) {
            self.client = client
            self.fps = fps
        }

        func wake() { signal.signal() }

        func start() {
            let thread = Thread { [self] in
                var lastTake = 0.0
                while true {
                    signal.wait()
                    if state.withLockedValue({ $0.stop }) { return }
                    let due = lastTake + 1 / fps
                    let now = monotonicNow()
                    if now < due { usleep(useconds_t((due - now) * 1e6)) }
                    lastTake = monotonicNow()
                    var books = 0
                    var ask = 0.0
                    for event in client.takePushes() {
                        if case .orderBook(let book) = event {
                            books += 1
                            ask = book.asks.first.map { Double("\($0.price)") ?? 0 } ?? 0
                        }
                    }
                    let sample = ThreadSample.now()
                    state.withLockedValue {
                        $0.takes += 1
                        $0.books += books
                        $0.lastAsk = ask
                        $0.sample = sample
                    }
                }
            }
            thread.start()
        }

        func stop() {
            state.withLockedValue { $0.stop = true }
            signal.signal()
        }

        var snapshot: (takes: Int, books: Int, lastAsk: Double, sample: ThreadSample) {
            state.withLockedValue { ($0.takes, $0.books, $0.lastAsk, $0.sample) }
        }
    }

    static func run(seconds: Double, recordTo recordPath: String? = nil) async throws {
        let gateway = try BurstGateway()
        let port = try await gateway.listen()
        let clientGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = clientGroup.next()
        var configuration = ConnectionConfiguration(endpoint: OpenDEndpoint(host: "127.0.0.1", port: port))
        let recorder = try recordPath.map { try BenchRecording.writer(path: $0, port: port) }
        configuration.frameTap = recorder
        let connection = OpenDConnection(
            configuration: configuration, clock: ContinuousClock(), logger: .init(label: "bench"), group: clientGroup)
        let client = OpenDClient(connection: connection)
        let consumer = Consumer(client: client, fps: 60)
        consumer.start()
        client.conflatePushes { consumer.wake() }
        try await client.start()

        // A short warm-up burst fills the slot and NIO's buffers; the measured one follows.
        _ = try await gateway.burst(session: 1, seconds: 0.3)
        try await Task.sleep(for: .milliseconds(100))
        let consumerBefore = consumer.snapshot
        let ioBefore = try await loop.submit { ThreadSample.now() }.get()
        let processBefore = BenchRecording.processCPU()
        let burst = try await gateway.burst(session: 1, seconds: seconds)
        // Idle again: the I/O thread has read everything once its CPU stops moving.
        var ioAfter = try await loop.submit { ThreadSample.now() }.get()
        while true {
            try await Task.sleep(for: .milliseconds(20))
            let next = try await loop.submit { ThreadSample.now() }.get()
            if next.cpu - ioAfter.cpu < 0.000_5 { break }
            ioAfter = next
        }
        try await Task.sleep(for: .milliseconds(50))
        let consumerAfter = consumer.snapshot
        let processCPU = BenchRecording.processCPU() - processBefore
        consumer.stop()
        await client.shutdown()
        if let recorder { BenchRecording.report(recorder.close(), path: recordPath!, pushes: burst.pushes) }

        let pushes = Double(burst.pushes)
        let elapsed = burst.end - burst.start
        let ioCPU = ioAfter.cpu - ioBefore.cpu
        let ioAllocs = Double(ioAfter.allocations - ioBefore.allocations)
        let takes = consumerAfter.takes - consumerBefore.takes
        let uiCPU = consumerAfter.sample.cpu - consumerBefore.sample.cpu
        let uiAllocs = Double(consumerAfter.sample.allocations - consumerBefore.sample.allocations)
        func f(_ v: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", v) }
        print(
            "hot path: \(burst.pushes) book pushes (\(gateway.frameBytes) B) in \(f(elapsed)) s = \(f(pushes / elapsed / 1000, 1))k/s;"
                + " I/O thread \(f(ioCPU / pushes * 1e9, 0)) ns CPU and \(f(ioAllocs / pushes, 4)) allocations per push;"
                + " consumer \(takes) takes (\(f(Double(takes) / elapsed, 1))/s), \(f(uiCPU / pushes * 1e9, 0)) ns CPU per push,"
                + " \(f(uiAllocs / max(1, Double(takes)), 1)) allocations per take;"
                + " newest best ask shown \(f(consumerAfter.lastAsk, 1)) (sent \(f(gateway.finalBestAsk, 1)))")
        print("process CPU (every thread, gateway included) \(f(processCPU / pushes * 1e9, 0)) ns per push")
        try await clientGroup.shutdownGracefully()
        try await gateway.group.shutdownGracefully()
    }
}
