import Foundation
import NIOCore

/// The replay clock and cursor of a ``ReplaySource``, owned by the gateway core under its lock.
/// The clock starts when the first client registers for pushes, so a client that connects
/// after the simulator started still sees the recording from its beginning.
final class ReplayFeed {
    let source: ReplaySource
    private(set) var next = 0
    private var startedAt: Date?
    /// Newest body replayed per subscription: what a late registration gets first.
    private(set) var latest: [SubscriptionKey: (protoID: UInt32, body: ByteBuffer)] = [:]
    /// At `--speed max`, at most this many pushes per timer tick.
    static let maxBatch = 2_000

    init(_ source: ReplaySource) { self.source = source }

    var isStarted: Bool { startedAt != nil }
    var isFinished: Bool { next >= source.events.count }

    func start(at now: Date) {
        if startedAt == nil { startedAt = now }
    }

    /// Position of the replay clock: nanoseconds after the first recorded push.
    func position(at now: Date) -> UInt64 {
        guard let startedAt else { return 0 }
        switch source.speed {
        case .max: return next < source.events.count ? source.events[next].offset : source.span
        case .factor(let f):
            let elapsed = max(0, now.timeIntervalSince(startedAt)) * f
            return source.startOffset + UInt64(min(elapsed * 1e9, Double(UInt64.max / 4)))
        }
    }

    /// The events due by `now`, in order; moves the cursor past them and remembers the newest body per key.
    func due(at now: Date) -> ArraySlice<ReplaySource.Event> {
        guard startedAt != nil, next < source.events.count else { return [] }
        let from = next
        var end = next
        switch source.speed {
        case .max:
            end = min(source.events.count, next + Self.maxBatch)
            // Pushes before the start are applied, not sent: no batch limit for them.
            while end < source.events.count && source.events[end].offset < source.startOffset { end += 1 }
        case .factor:
            let clock = position(at: now)
            while end < source.events.count && source.events[end].offset <= clock { end += 1 }
        }
        next = end
        let slice = source.events[from..<end]
        for event in slice {
            for key in event.keys { latest[key] = (event.protoID, event.buffer) }
        }
        return slice
    }
}
