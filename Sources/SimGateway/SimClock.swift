import Foundation
import NIOConcurrencyHelpers

/// Where the simulator reads the time: the wall clock in production, a hand-moved clock in tests.
public protocol SimClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The wall clock.
public struct LiveClock: SimClock {
    /// A wall clock.
    public init() {}
    /// The current wall-clock instant.
    public func now() -> Date { Date() }
}

/// A clock that only moves when told to, so tests see the same times on every run.
public final class ManualClock: SimClock {
    private let instant: NIOLockedValueBox<Date>

    /// A clock stopped at `start`.
    public init(start: Date = Date(timeIntervalSince1970: 1_764_223_200)) {
        instant = NIOLockedValueBox(start)
    }

    /// The instant the clock was last set to.
    public func now() -> Date { instant.withLockedValue { $0 } }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) {
        instant.withLockedValue { $0 = $0.addingTimeInterval(seconds) }
    }
}
