/// Request → reply times of the last ``span``, for the health HUD: p50 and p99 over a sliding
/// window. Bounded: at most ``capacity`` samples are kept (the oldest go first), so a flood of
/// requests costs a fixed amount of memory. A plain value kept under the connection's lock.
public struct RoundTripWindow: Sendable {
    /// How far back samples count.
    public let span: Duration
    /// Samples kept at most.
    public let capacity: Int
    /// (when answered, how long it took), oldest first.
    private var samples: [(at: Duration, took: Duration)] = []
    private var start = 0

    /// A window of `span` (default one minute) keeping at most `capacity` samples.
    public init(span: Duration = .seconds(60), capacity: Int = 4096) {
        self.span = span
        self.capacity = max(1, capacity)
    }

    /// Records one round trip that took `took`, answered at `at` (connection-clock time).
    public mutating func record(_ took: Duration, at: Duration) {
        if samples.count - start >= capacity { start += 1 }
        samples.append((at, took))
        compact()
    }

    /// p50 and p99 (nearest rank) of the samples answered after `now - span`, and their count;
    /// nil when there are none.
    public func summary(at now: Duration) -> RoundTripSummary? {
        let horizon = now - span
        var times: [Duration] = []
        times.reserveCapacity(samples.count - start)
        for i in start..<samples.count where samples[i].at > horizon { times.append(samples[i].took) }
        guard !times.isEmpty else { return nil }
        times.sort()
        func rank(_ q: Int) -> Duration {
            // nearest rank: the smallest sample with at least q% of the samples at or below it
            let r = (q * times.count + 99) / 100
            return times[max(0, min(times.count - 1, r - 1))]
        }
        return RoundTripSummary(p50: rank(50), p99: rank(99), count: times.count)
    }

    /// Drops consumed slots once they are half the storage, so memory stays bounded.
    private mutating func compact() {
        if start > 0, start * 2 >= samples.count {
            samples.removeFirst(start)
            start = 0
        }
    }
}

/// Round-trip percentiles over the HUD's window.
public struct RoundTripSummary: Sendable, Hashable {
    public var p50: Duration
    public var p99: Duration
    /// Requests answered within the window.
    public var count: Int

    public init(p50: Duration, p99: Duration, count: Int) {
        self.p50 = p50; self.p99 = p99; self.count = count
    }
}
