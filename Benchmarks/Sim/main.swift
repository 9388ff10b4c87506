// bench-sim: how many pushes per second `SimServer` sustains to one client.
//
// Starts an in-process simulator at a high update rate, connects one raw TCP client, subscribes
// every instrument to QUOTE, ORDER_BOOK, TICKER and K_1M, and counts the push frames that
// arrive (header-parsed only, so the client costs little of the shared CPU).
//   swift run -c release bench-sim [seconds] [rate]
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import OpenDProtocol
import SimGateway
import TradingKit

/// Splits the stream into frames by their 44-byte headers and counts pushes by proto id.
final class PushCounter: ByteToMessageDecoder, @unchecked Sendable {
    typealias InboundOut = Never
    // Only touched on the channel's event loop; read by the main thread through `counts`.
    let counts: NIOLockedValueBox<(pushes: Int, bytes: Int, answers: Int)>

    init(counts: NIOLockedValueBox<(pushes: Int, bytes: Int, answers: Int)>) { self.counts = counts }

    func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        var pushes = 0, bytes = 0, answers = 0
        while buffer.readableBytes >= FrameHeader.size {
            let proto = buffer.getInteger(at: buffer.readerIndex + 2, endianness: .little, as: UInt32.self)!
            let length = Int(buffer.getInteger(at: buffer.readerIndex + 12, endianness: .little, as: UInt32.self)!)
            guard buffer.readableBytes >= FrameHeader.size + length else { break }
            buffer.moveReaderIndex(forwardBy: FrameHeader.size + length)
            bytes += FrameHeader.size + length
            if ProtoID(rawValue: proto)?.isPush == true { pushes += 1 } else { answers += 1 }
        }
        counts.withLockedValue { $0.pushes += pushes; $0.bytes += bytes; $0.answers += answers }
        return .needMoreData
    }
}

func frameBytes<Q: OpenDRequest>(_ request: Q, serial: UInt32) throws -> ByteBuffer {
    ByteBuffer(bytes: try FrameCodec.encode(Frame(protoID: Q.protoID, serial: serial, message: request)))
}

let args = CommandLine.arguments
let seconds = args.count > 1 ? Double(args[1]) ?? 5 : 5
let rate = args.count > 2 ? Double(args[2]) ?? 1000 : 1000

let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("mootui-bench-sim-\(UUID().uuidString)").path
defer { try? FileManager.default.removeItem(atPath: dataDir) }
var config = SimConfiguration()
config.dataDirectory = dataDir
config.rate = rate
config.quota = 1000
config.seed = 1
config.orderLatency = 0  // measure the simulator, not its simulated broker round trip
let server = try await SimServer.start(config)

let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
let counts = NIOLockedValueBox((pushes: 0, bytes: 0, answers: 0))
let channel = try await ClientBootstrap(group: group)
    .channelOption(.socketOption(.tcp_nodelay), value: 1)
    .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(PushCounter(counts: counts)))
        }
    }
    .connect(host: server.host, port: server.port).get()

var initC2S = InitConnect_C2S()
initC2S.clientVer = 300
initC2S.clientID = "bench-sim"
initC2S.recvNotify = false
try await channel.writeAndFlush(frameBytes(InitConnect_Request(c2s: initC2S), serial: 1)).get()
var sub = QotSub_C2S()
sub.securityList = Universe.instruments.map { i in
    var s = QotCommon_Security()
    s.market = i.code.market.qotMarket
    s.code = i.code.symbol
    return s
}
sub.subTypeList = [1, 2, 4, 11]
sub.isSubOrUnSub = true
sub.isRegOrUnRegPush = true
sub.isFirstPush = true
try await channel.writeAndFlush(frameBytes(QotSub_Request(c2s: sub), serial: 2)).get()

// Warm up one second, then measure.
try await Task.sleep(for: .seconds(1))
let start = counts.withLockedValue { $0 }
let t0 = ContinuousClock.now
try await Task.sleep(for: .seconds(seconds))
let end = counts.withLockedValue { $0 }
let elapsed = ContinuousClock.now - t0
let secs = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let pushes = Double(end.pushes - start.pushes)
let mb = Double(end.bytes - start.bytes) / 1_048_576
print("bench-sim: \(Universe.instruments.count) codes x 4 subtypes, rate \(Int(rate))/s per code, \(String(format: "%.1f", secs)) s")
print("bench-sim: \(Int(pushes / secs)) pushes/s sustained to one client (\(String(format: "%.1f", mb / secs)) MiB/s)")
try await channel.close().get()
try await group.shutdownGracefully()
try await server.shutdown()
