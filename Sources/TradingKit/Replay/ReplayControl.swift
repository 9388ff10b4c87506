/// A command to a running replay (`mootui replay FILE`): the TUI sends it, the simulator's replay feed obeys.
public enum ReplayControl: Sendable, Hashable {
    /// Pause a running replay, resume a paused one.
    case togglePause
    /// While paused: replay the next recorded push (and any recorded at the same instant).
    case stepRecord
    /// While paused: move the replay clock this many seconds on, sending what falls in between.
    case stepSeconds(Int)
    /// Jump this many seconds (negative: back); what is skipped is applied, not sent, then the
    /// newest data of each subscription goes out.
    case seek(seconds: Int)
    /// The next speed up (½×, 1×, 2×, 4×, … max) or down.
    case faster
    case slower
    /// Only report where the replay is.
    case status
}

/// Where a replay stands.
public struct ReplayStatus: Sendable, Hashable {
    /// The recording's wall-clock time at the replay position, nanoseconds since the Unix epoch.
    public var clockNanoseconds: UInt64
    /// Seconds after local midnight of that time (the status bar shows HH:MM:SS).
    public var secondsOfDay: Int
    public var paused: Bool
    /// "1x", "0.5x", "max".
    public var speed: String
    /// Pushes replayed so far, of `count`.
    public var position: Int
    public var count: Int

    public init(clockNanoseconds: UInt64, secondsOfDay: Int, paused: Bool, speed: String, position: Int, count: Int) {
        self.clockNanoseconds = clockNanoseconds
        self.secondsOfDay = secondsOfDay
        self.paused = paused
        self.speed = speed
        self.position = position
        self.count = count
    }

    /// "HH:MM:SS" of ``secondsOfDay``.
    public var clockText: String {
        let s = ((secondsOfDay % 86_400) + 86_400) % 86_400
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))"
    }

    public var isFinished: Bool { position >= count }
}
