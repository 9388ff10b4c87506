/// When the event loop may draw: at most one frame per `interval` on average, but the first
/// change after a quiet spell is not held back. A rate limit in the manner of a token bucket
/// (GCRA): frames earn one credit per interval, up to `burst` of them, so after the screen has
/// been still for a while the next `burst` frames go out at once (the start-up frame and the
/// one with the first data, or a key press and its answer) while a steady stream of changes is
/// drawn exactly every `interval`. Times are monotonic seconds, injected for tests.
public struct FrameCap: Sendable {
    /// Seconds per frame (1 / max fps).
    public let interval: Double
    /// How many frames may go out back to back after a quiet spell (≥ 1; 1 is a plain cap).
    public let burst: Int
    /// When the next frame would be due at the steady rate (the bucket's "theoretical arrival time").
    private var due = -Double.infinity

    public init(interval: Double, burst: Int = 2) {
        self.interval = interval
        self.burst = max(1, burst)
    }

    /// The earliest time a frame may be drawn.
    public var nextAllowed: Double { due - Double(burst - 1) * interval }

    /// True when a frame may be drawn at `now`.
    public func allows(at now: Double) -> Bool { now >= nextAllowed }

    /// Records a frame drawn at `now`.
    public mutating func drew(at now: Double) { due = max(due, now) + interval }
}
