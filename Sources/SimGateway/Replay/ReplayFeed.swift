import Foundation
import NIOCore
import TradingKit

/// The replay clock and cursor of a ``ReplaySource``, owned by the gateway core under its lock.
/// The clock starts when the first client registers for pushes, so a client that connects
/// after the simulator started still sees the recording from its beginning. ``control(_:at:)``
/// pauses, steps, seeks and changes speed (`mootui replay` keys).
final class ReplayFeed {
    let source: ReplaySource
    private(set) var next = 0
    private var startedAt: Date?
    /// The replay position at ``anchorTime`` (the clock runs on from there at ``speed``).
    private var anchorOffset: UInt64
    private var anchorTime: Date?
    private(set) var speed: ReplaySpeed
    private(set) var paused = false
    /// Pushes before this offset are applied to the market, not sent (the start, or a seek).
    private(set) var silentUntil: UInt64
    /// Set by a seek: once the skipped pushes are applied, send each subscription's newest data.
    var refreshAfterSilent = false
    /// Newest body replayed per subscription: what a late registration gets first.
    private(set) var latest: [SubscriptionKey: (protoID: UInt32, body: ByteBuffer)] = [:]
    /// At `--speed max`, at most this many pushes per timer tick.
    static let maxBatch = 2_000
    /// The speeds `faster` / `slower` step through (then `max`).
    static let speeds: [Double] = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256]

    init(_ source: ReplaySource) {
        self.source = source
        speed = source.speed
        anchorOffset = source.startOffset
        silentUntil = source.startOffset
    }

    var isStarted: Bool { startedAt != nil }
    var isFinished: Bool { next >= source.events.count }

    func start(at now: Date) {
        guard startedAt == nil else { return }
        startedAt = now
        anchorTime = now
    }

    /// Position of the replay clock: nanoseconds after the first recorded push.
    func position(at now: Date) -> UInt64 {
        guard let anchorTime, !paused else { return anchorOffset }
        switch speed {
        case .max:
            let sent = next > 0 ? source.events[min(next, source.events.count) - 1].offset : 0
            return max(anchorOffset, sent)
        case .factor(let f):
            let elapsed = max(0, now.timeIntervalSince(anchorTime)) * f
            return min(source.span, anchorOffset + UInt64(min(elapsed * 1e9, Double(UInt64.max / 4))))
        }
    }

    /// The events due by `now`, in order; moves the cursor past them and remembers the newest body per key.
    func due(at now: Date) -> ArraySlice<ReplaySource.Event> {
        guard startedAt != nil, next < source.events.count else { return [] }
        let from = next
        var end = next
        if case .max = speed, !paused {
            end = min(source.events.count, next + Self.maxBatch)
            // Pushes before the start are applied, not sent: no batch limit for them.
            while end < source.events.count && source.events[end].offset < silentUntil { end += 1 }
        } else {
            let clock = max(position(at: now), silentUntil > 0 ? silentUntil - 1 : 0)
            while end < source.events.count && source.events[end].offset <= clock { end += 1 }
        }
        next = end
        let slice = source.events[from..<end]
        for event in slice {
            for key in event.keys { latest[key] = (event.protoID, event.buffer) }
        }
        return slice
    }

    /// Obeys `command` at `now`; returns where the replay then stands (the wall-clock field left 0: the caller fills it).
    func control(_ command: ReplayControl, at now: Date) {
        let here = position(at: now)
        switch command {
        case .status:
            return
        case .togglePause:
            if paused {
                paused = false
                reanchor(here, now)
            } else {
                anchorOffset = here
                paused = true
            }
        case .stepRecord:
            guard paused, next < source.events.count else { return }
            anchorOffset = max(anchorOffset, source.events[next].offset)
        case .stepSeconds(let s):
            guard paused else { return }
            anchorOffset = Self.moved(here, by: s, span: source.span)
        case .seek(let s):
            let target = Self.moved(here, by: s, span: source.span)
            if target < here {
                // Back: apply the recording again from its start, up to the target, without sending.
                next = 0
                latest = [:]
            }
            silentUntil = target
            refreshAfterSilent = true
            reanchor(target, now)
        case .faster, .slower:
            speed = Self.step(speed, faster: command == .faster)
            reanchor(here, now)
        }
    }

    private func reanchor(_ offset: UInt64, _ now: Date) {
        anchorOffset = offset
        if anchorTime != nil { anchorTime = now }
    }

    static func moved(_ offset: UInt64, by seconds: Int, span: UInt64) -> UInt64 {
        let delta = UInt64(seconds.magnitude) * 1_000_000_000
        if seconds < 0 { return offset > delta ? offset - delta : 0 }
        return min(span, offset + delta)
    }

    /// The next speed of the ladder up or down: from a factor off the ladder, the nearest one past it.
    static func step(_ speed: ReplaySpeed, faster: Bool) -> ReplaySpeed {
        switch speed {
        case .max:
            return faster ? .max : .factor(speeds.last!)
        case .factor(let f):
            if faster { return speeds.first { $0 > f }.map(ReplaySpeed.factor) ?? .max }
            return .factor(speeds.last { $0 < f } ?? speeds[0])
        }
    }
}
