import NIOConcurrencyHelpers
import OpenDClient
import OpenDProtocol

/// Drains a connection's event stream into arrays a test can poll.
final class EventRecorder: Sendable {
    private let box = NIOLockedValueBox<(states: [ConnectionState], pushes: [Frame], finished: Bool, pushEvents: Int)>(
        ([], [], false, 0))
    private let task: Task<Void, Never>

    init(_ connection: OpenDConnection) {
        let box = self.box
        task = Task {
            for await event in connection.events {
                box.withLockedValue { value in
                    switch event {
                    case .state(let state): value.states.append(state)
                    case .push(let frame):
                        value.pushes.append(frame)
                        value.pushEvents += 1
                    case .pushes(let frames):
                        value.pushes.append(contentsOf: frames)
                        value.pushEvents += 1
                    }
                }
            }
            box.withLockedValue { $0.finished = true }
        }
    }

    var states: [ConnectionState] { box.withLockedValue { $0.states } }
    var pushes: [Frame] { box.withLockedValue { $0.pushes } }
    var finished: Bool { box.withLockedValue { $0.finished } }
    /// Push events (single or batched) seen so far.
    var pushEvents: Int { box.withLockedValue { $0.pushEvents } }

    /// Number of `.connected` states seen so far.
    var connectedCount: Int {
        states.filter { if case .connected = $0 { return true } else { return false } }.count
    }

    /// Reasons of every `.disconnected` state seen so far.
    var disconnectReasons: [String] {
        states.compactMap { if case .disconnected(let reason) = $0 { return reason } else { return nil } }
    }
}
