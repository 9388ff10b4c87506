import NIOConcurrencyHelpers
import NIOCore
import OpenDProtocol

/// The live channels by connection id, so the market timer can reach every client.
final class ChannelRegistry: Sendable {
    struct Entry: Sendable {
        let channel: any Channel
        let cipherState: FrameCipherState
    }
    private let entries = NIOLockedValueBox<[UInt64: Entry]>([:])

    func add(_ id: UInt64, _ entry: Entry) { entries.withLockedValue { $0[id] = entry } }
    func remove(_ id: UInt64) { entries.withLockedValue { _ = $0.removeValue(forKey: id) } }
    func entry(_ id: UInt64) -> Entry? { entries.withLockedValue { $0[id] } }
    var all: [Entry] { entries.withLockedValue { Array($0.values) } }

    /// Writes each frame to its connection, flushing once per connection, and switches a
    /// connection to AES right after its InitConnect reply has gone through the encoder.
    func deliver(_ outgoing: [Outgoing]) {
        guard !outgoing.isEmpty else { return }
        var touched: [UInt64: Entry] = [:]
        for out in outgoing {
            guard let entry = touched[out.connection] ?? entry(out.connection) else { continue }
            touched[out.connection] = entry
            let channel = entry.channel
            // A client that stops reading must not make the simulator buffer without bound: past
            // the high-water mark its quote pushes are dropped (answers and trade pushes never are).
            if !channel.isWritable, Self.droppable(out.frame.protoID) { continue }
            if channel.eventLoop.inEventLoop {
                channel.write(out.frame, promise: nil)
                if let cipher = out.enableAES { entry.cipherState.aes = cipher }
            } else {
                let frame = out.frame
                let cipher = out.enableAES
                let state = entry.cipherState
                channel.eventLoop.execute {
                    channel.write(frame, promise: nil)
                    if let cipher { state.aes = cipher }
                }
            }
        }
        for entry in touched.values { entry.channel.flush() }
    }

    /// Quote pushes: the next update supersedes them, so they may be dropped for a slow reader.
    static func droppable(_ protoID: UInt32) -> Bool {
        guard let id = ProtoID(rawValue: protoID) else { return false }
        switch id {
        case .qotUpdateBasicQot, .qotUpdateKL, .qotUpdateRT, .qotUpdateTicker, .qotUpdateOrderBook, .qotUpdateBroker:
            return true
        default:
            return false
        }
    }
}
