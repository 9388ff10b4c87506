import Foundation
import FuzzSupport
import Logging
import NIOCore
import OpenDProtocol
import SwiftProtobuf

// The core is internal to SimGateway: this target needs a module built for testing (debug
// builds, and the fuzz build, which passes -enable-testing). A release build gets a stub.
#if DEBUG || MOOTUI_FUZZ
@testable import SimGateway

/// Fuzzes the simulated OpenD's request handling without sockets: ``GatewayCore/handle(_:from:)``
/// for every proto id (the served requests, the pushes it must refuse, unknown ids folded onto
/// the list), protobuf or JSON bodies (input framing: ``FuzzMessageInput``), on an initialised
/// connection of a sim with real accounts and a trade password, on a manual clock moved one
/// second per input; every 16th input the markets step once so fuzzed orders can fill.
///
/// Invariants: nothing crashes; every request gets exactly one reply (same proto id and serial),
/// and every frame the core emits is well-formed protobuf.
/// The core and its ledger (in /dev/shm when present) are replaced every 4096 inputs so state
/// and disk use stay bounded.
enum SimRequestTarget {
    static let ids = ProtoID.allCases.map(\.rawValue)
    nonisolated(unsafe) static var sim: Sim?
    nonisolated(unsafe) static var inputs = 0

    final class Sim {
        let clock = ManualClock()
        let directory: String
        let core: GatewayCore
        let connection: UInt64
        var serial: UInt32 = 100

        init() throws {
            let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
            directory = "\(base)/mootui-fuzz-sim-\(getpid())"
            try? FileManager.default.removeItem(atPath: directory)
            var config = SimConfiguration()
            config.dataDirectory = directory
            config.withRealAccounts = true
            config.tradePasswordMD5 = MD5.hex(of: Array("123456".utf8))
            var logger = Logger(label: "fuzz-sim")
            logger.logLevel = .critical
            // No broker latency: every trade write is answered in the same call, as before it existed.
            config.orderLatency = 0
            core = try GatewayCore(configuration: config, clock: clock, logger: logger,
                                   scheduler: ManualScheduler(clock: clock), deliver: { _ in })
            guard let conn = core.connect() else { throw SimConfigurationError("no connection") }
            connection = conn
            var c2s = InitConnect_C2S()
            c2s.clientVer = 300
            c2s.clientID = "fuzz"
            c2s.recvNotify = true
            _ = core.handle(try Frame(protoID: .initConnect, serial: 1, message: InitConnect_Request(c2s: c2s)),
                            from: conn)
        }

        func close() {
            core.close()
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    static func current() -> Sim {
        if let sim, inputs % 4096 != 0 { return sim }
        sim?.close()
        do {
            let fresh = try Sim()
            if sim == nil { atexit { SimRequestTarget.sim?.close() } }
            sim = fresh
            return fresh
        } catch {
            fatalError("cannot start the simulated OpenD: \(error)")
        }
    }

    static func run(_ data: UnsafeRawBufferPointer) {
        guard let input = FuzzMessageInput(data, choosingFrom: ids) else { return }
        let sim = current()
        inputs += 1
        sim.clock.advance(by: 1)
        sim.serial &+= 1
        let frame = Frame(protoID: input.protoID, format: input.json ? .json : .protobuf, serial: sim.serial,
                          body: ByteBuffer(bytes: input.body))
        var out = sim.core.handle(frame, from: sim.connection)
        let replies = out.filter { $0.frame.protoID == frame.protoID && $0.frame.serial == frame.serial }
        fuzzRequire(replies.count == 1, "\(replies.count) replies to proto \(frame.protoID)")
        if inputs % 16 == 0 { out += sim.core.step() }
        for o in out {
            do {
                // The empty message keeps every field as unknown: a check of the wire structure.
                _ = try Google_Protobuf_Empty(serializedBytes: Array(o.frame.body.readableBytesView))
            } catch {
                fuzzRequire(false, "the sim emitted an undecodable body for proto \(o.frame.protoID): \(error)")
            }
        }
    }
}


@main enum Entry { static func main() { FuzzMain.run("fuzz-sim-request", SimRequestTarget.run) } }
#else
@main enum Entry {
    static func main() {
        print("fuzz-sim-request: replaying needs a debug build (swift build), or Scripts/fuzz.sh")
        exit(2)
    }
}
#endif
