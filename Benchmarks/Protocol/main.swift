// bench-protocol: Qot_UpdateOrderBook pushes (10 levels a side) decoded and dispatched per
// second on one core: frame bytes -> FrameCodec -> protobuf -> OrderBook -> ClientEvent -> consumer.
//
// Usage: bench-protocol [--pushes N] [--frames-out FILE] [--no-sdk]
// With MOOTUI_SDK_PYTHON set (and not --no-sdk), the official SDK's parse of the very same
// frames is timed by Scripts/interop/bench_sdk_orderbook.py and printed alongside.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import NIOCore
import OpenDClient
import OpenDProtocol
import TradingKit

/// CPU time consumed by the whole process (every thread), in nanoseconds.
func processCPUNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// CPU time consumed by the calling thread, in nanoseconds.
func threadCPUNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// Wall-clock nanoseconds from a monotonic clock.
func wallNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// A small deterministic generator so every run benchmarks the same bytes.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: UInt64) -> UInt64 { next() % n }
}

/// `count` distinct Qot_UpdateOrderBook push frames for HK.00700 around 359.6 (tick 0.2), 10 levels a side.
func makeFrames(count: Int, seed: UInt64) throws -> [UInt8] {
    var rng = SplitMix64(state: seed)
    var bytes: [UInt8] = []
    let tick: Int64 = 200_000
    for i in 0..<count {
        var s2c = QotUpdateOrderBook_S2C()
        s2c.security = SecurityCode(market: .hk, symbol: "00700").wireSecurity
        s2c.name = "腾讯控股"
        let mid = Int64(359_600_000) + (Int64(rng.below(21)) - 10) * tick
        for level in 0..<10 {
            var ask = QotCommon_OrderBook()
            ask.price = Price(micros: mid + Int64(level + 1) * tick).wireValue
            ask.volume = Int64(100 * (1 + rng.below(500)))
            ask.orederCount = Int32(1 + rng.below(40))
            s2c.orderBookAskList.append(ask)
            var bid = QotCommon_OrderBook()
            bid.price = Price(micros: mid - Int64(level) * tick).wireValue
            bid.volume = Int64(100 * (1 + rng.below(500)))
            bid.orederCount = Int32(1 + rng.below(40))
            s2c.orderBookBidList.append(bid)
        }
        s2c.svrRecvTimeBid = "2026-11-27 10:15:03.120"
        s2c.svrRecvTimeBidTimestamp = 1_795_745_703.12
        s2c.svrRecvTimeAsk = "2026-11-27 10:15:03.121"
        s2c.svrRecvTimeAskTimestamp = 1_795_745_703.121
        let response = QotUpdateOrderBook_Response.success(s2c)
        let frame = try Frame(protoID: .qotUpdateOrderBook, serial: UInt32(i + 1), message: response)
        bytes += try FrameCodec.encode(frame)
    }
    return bytes
}

/// What the consumer keeps, so the optimiser cannot drop the work.
struct Consumer {
    var books = 0
    var checksum: Int64 = 0
    mutating func take(_ event: ClientEvent) {
        if case .orderBook(let book) = event {
            books += 1
            checksum &+= (book.bestBid?.price.micros ?? 0) &+ (book.bestAsk?.volume ?? 0)
        }
    }
}

var pushes = 2_000_000
var framesOut: String?
var runSDK = true
var breakdown = false
var args = CommandLine.arguments.dropFirst().makeIterator()
while let arg = args.next() {
    switch arg {
    case "--pushes": pushes = Int(args.next() ?? "") ?? pushes
    case "--frames-out": framesOut = args.next()
    case "--no-sdk": runSDK = false
    case "--breakdown": breakdown = true
    default:
        FileHandle.standardError.write(
            Data("usage: bench-protocol [--pushes N] [--frames-out FILE] [--no-sdk] [--breakdown]\n".utf8))
        exit(2)
    }
}

let distinct = 1024
let frameBytes = try makeFrames(count: distinct, seed: 7)
let master = ByteBuffer(bytes: frameBytes)
let decoder = PushDecoder()
var consumer = Consumer()

/// One pass over the `distinct` frames; returns pushes handled.
@inline(never)
func pass(_ consumer: inout Consumer) throws -> Int {
    var buffer = master
    var n = 0
    while let frame = try FrameCodec.decode(from: &buffer, cipherState: nil) {
        try decoder.decode(frame) { consumer.take($0) }
        n += 1
    }
    return n
}

// Warm up (allocator, caches, lazily initialised protobuf metadata).
for _ in 0..<20 { _ = try pass(&consumer) }
consumer = Consumer()

let cpu0 = threadCPUNanoseconds()
let wall0 = wallNanoseconds()
var handled = 0
while handled < pushes { handled += try pass(&consumer) }
let cpuNs = Double(threadCPUNanoseconds() - cpu0)
let wallNs = Double(wallNanoseconds() - wall0)
precondition(consumer.books == handled, "every push must reach the consumer")

let perSecond = Double(handled) / (cpuNs / 1e9)
let usPerPush = cpuNs / 1e3 / Double(handled)
let frameSize = frameBytes.count / distinct
print("bench-protocol: Qot_UpdateOrderBook push, 10 levels a side, \(frameSize) bytes/frame, \(handled) pushes")
print(
    String(
        format: "  mootui (Swift)   %10.0f pushes/s on one core   %6.2f µs CPU/push   (wall %.2f s, checksum %lld)",
        perSecond, usPerPush, wallNs / 1e9, consumer.checksum))
print(
    String(
        format: "  goal             %10.0f pushes/s                 %6.2f µs CPU/push   -> %@", 300_000.0, 3.33,
        perSecond >= 300_000 ? "met" : "NOT met"))

// As the client runs it: a network task frames bytes and hands pushes to the connection's
// AsyncStream (what OpenDConnection does on its event loop); the consumer task iterates
// OpenDClient's event stream, which decodes each push on that task. CPU of the whole process,
// both tasks. Twice: one event per push (a trickle, one push per socket read), and one event per
// 64 KiB socket read, as OpenDConnection delivers a busy feed.
func viaEventStream(readBytes: Int?, target: Int, master: ByteBuffer) async throws
    -> (perSecond: Double, usPerPush: Double, wall: Double)
{
    let (upstream, continuation) = AsyncStream.makeStream(of: ConnectionEvent.self, bufferingPolicy: .unbounded)
    let events = OpenDClient.events(from: upstream)
    let c0 = processCPUNanoseconds()
    let w0 = wallNanoseconds()
    let consumerTask = Task { () -> Consumer in
        var sink = Consumer()
        for await event in events { sink.take(event) }
        return sink
    }
    let producer = Task { () throws -> Int in
        var n = 0
        var batch: [Frame] = []
        var batchBytes = 0
        while n < target {
            var buffer = master
            while let frame = try FrameCodec.decode(from: &buffer, cipherState: nil) {
                n += 1
                guard let readBytes else {
                    continuation.yield(.push(frame))
                    continue
                }
                batchBytes += FrameHeader.size + frame.body.readableBytes
                batch.append(frame)
                if batchBytes >= readBytes {
                    continuation.yield(.pushes(batch))
                    batch.removeAll(keepingCapacity: true)
                    batchBytes = 0
                }
            }
        }
        if !batch.isEmpty { continuation.yield(.pushes(batch)) }
        continuation.finish()
        return n
    }
    let sent = try await producer.value
    let sink = await consumerTask.value
    precondition(sink.books == sent, "every push must reach the stream consumer")
    let cpu = Double(processCPUNanoseconds() - c0)
    let wall = Double(wallNanoseconds() - w0)
    return (Double(sent) / (wall / 1e9), cpu / 1e3 / Double(sent), wall / 1e9)
}
for (label, read) in [("one event per read of 64 KiB", Optional(65_536)), ("one event per push", nil)] {
    let r = try await viaEventStream(readBytes: read, target: pushes, master: master)
    print(
        String(
            format: "  via the client's event stream, %@: %8.0f pushes/s   %6.2f µs CPU/push, both tasks (wall %.2f s)",
            label, r.perSecond, r.usPerPush, r.wall))
}

// Where the time goes: framing alone, framing + protobuf, the whole path (above).
if breakdown {
    func stage(_ name: String, _ body: (inout ByteBuffer) throws -> Int) rethrows {
        let c0 = threadCPUNanoseconds()
        var n = 0
        while n < pushes {
            var buffer = master
            n += try body(&buffer)
        }
        let ns = Double(threadCPUNanoseconds() - c0)
        print(
            "    " + name.padding(toLength: 44, withPad: " ", startingAt: 0)
                + String(format: "%6.2f µs CPU/push", ns / 1e3 / Double(n)))
    }
    try stage("frame only (header + SHA-1)") { buffer in
        var n = 0
        while try FrameCodec.decode(from: &buffer, cipherState: nil) != nil { n += 1 }
        return n
    }
    try stage("frame + generated protobuf decoder") { buffer in
        var n = 0
        while let frame = try FrameCodec.decode(from: &buffer, cipherState: nil) {
            let r = try frame.decode(QotUpdateOrderBook_Response.self)
            n += r.s2C.orderBookAskList.count > 0 ? 1 : 1
        }
        return n
    }
}

// The official SDK on the same frames.
fflush(nil)  // our lines first, then the child's
let python = ProcessInfo.processInfo.environment["MOOTUI_SDK_PYTHON"]
let path = framesOut ?? (NSTemporaryDirectory() + "mootui-bench-orderbook-\(getpid()).bin")
try Data(frameBytes).write(to: URL(fileURLWithPath: path))
defer { if framesOut == nil { try? FileManager.default.removeItem(atPath: path) } }
if runSDK, let python, !python.isEmpty {
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let script = repo.appendingPathComponent("Scripts/interop/bench_sdk_orderbook.py").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [script, path]
    try process.run()
    process.waitUntilExit()
    if process.terminationStatus != 0 {
        print("  official SDK     (benchmark script failed with status \(process.terminationStatus))")
    }
} else if runSDK {
    print("  official SDK     (set MOOTUI_SDK_PYTHON to time the official SDK on the same frames)")
}
