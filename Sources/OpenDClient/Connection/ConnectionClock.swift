/// The injected clock, reduced to what the connection needs: time since creation and sleeping.
///
/// Erasing the clock's `Instant` type this way lets ``OpenDConnection`` stay non-generic.
struct ConnectionClock: Sendable {
    /// Time elapsed since the clock was wrapped.
    let now: @Sendable () -> Duration
    /// Suspends for a duration of the wrapped clock; throws when the task is cancelled.
    let sleep: @Sendable (Duration) async throws -> Void

    init<C: Clock<Duration>>(_ clock: C) {
        let origin = clock.now
        now = { origin.duration(to: clock.now) }
        sleep = { duration in
            try await clock.sleep(until: clock.now.advanced(by: duration), tolerance: nil)
        }
    }
}
