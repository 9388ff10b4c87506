import Foundation
import NIOConcurrencyHelpers
import NIOCore

/// Where the simulator defers work (the broker's acknowledgement of a trade write): the event
/// loop in production, a hand-run queue on a ``ManualClock`` in tests. Scheduling never blocks.
protocol SimScheduler: Sendable {
    /// Runs `work` once `seconds` have passed.
    func schedule(after seconds: TimeInterval, _ work: @escaping @Sendable () -> Void)
}

/// Schedules on a SwiftNIO event loop: the loop goes on serving every connection meanwhile.
struct EventLoopScheduler: SimScheduler {
    let loop: any EventLoop

    func schedule(after seconds: TimeInterval, _ work: @escaping @Sendable () -> Void) {
        loop.scheduleTask(in: .nanoseconds(Int64(max(seconds, 0) * 1e9))) { work() }
    }
}

/// Deferred work kept until a test moves the clock and runs what is due.
final class ManualScheduler: SimScheduler {
    private struct Task {
        let due: Date
        let order: Int
        let work: @Sendable () -> Void
    }
    private let clock: ManualClock
    private let tasks = NIOLockedValueBox<(next: Int, pending: [Task])>((0, []))

    init(clock: ManualClock) { self.clock = clock }

    func schedule(after seconds: TimeInterval, _ work: @escaping @Sendable () -> Void) {
        let due = clock.now().addingTimeInterval(seconds)
        tasks.withLockedValue { state in
            state.pending.append(Task(due: due, order: state.next, work: work))
            state.next += 1
        }
    }

    /// Work scheduled and not yet run.
    var pendingCount: Int { tasks.withLockedValue { $0.pending.count } }

    /// Runs, in due order, every task due by the clock's current time; returns how many ran.
    @discardableResult
    func runDue() -> Int {
        let now = clock.now()
        let due: [Task] = tasks.withLockedValue { state in
            let ready = state.pending.filter { $0.due <= now }.sorted { ($0.due, $0.order) < ($1.due, $1.order) }
            state.pending.removeAll { $0.due <= now }
            return ready
        }
        for task in due { task.work() }
        return due.count
    }
}
