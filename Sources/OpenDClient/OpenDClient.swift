import Logging
import OpenDProtocol
import TradingKit

/// The typed OpenD client: quote and trade calls and pushes in TradingKit values, over one
/// ``OpenDConnection`` that does the wire work (handshake, keep-alive, reconnect, limits).
public final class OpenDClient: Sendable {
    /// The wire-level connection underneath (state, quota, rate budgets).
    public let connection: OpenDConnection
    /// Connection changes and decoded pushes, in arrival order; finishes after ``shutdown()``.
    /// Pushes are decoded by the task that iterates it (single consumer, like any AsyncStream).
    public let events: AsyncStream<ClientEvent>

    let logger: Logger

    /// A client over `connection`; nothing happens until ``start()``.
    public init(connection: OpenDConnection, logger: Logger = Logger(label: "mootui.client")) {
        self.connection = connection
        self.logger = logger
        events = Self.events(from: connection.events, logger: logger)
    }

    /// A client for `configuration` with a fresh connection.
    public convenience init(configuration: ConnectionConfiguration, logger: Logger = Logger(label: "mootui.client")) {
        self.init(connection: OpenDConnection(configuration: configuration), logger: logger)
    }

    /// Connects (InitConnect); throws the connection's `.unreachable` / `.handshakeFailed`.
    public func start() async throws {
        try await connection.start()
    }

    /// Closes the connection for good; ``events`` finishes after the events that came before.
    public func shutdown() async {
        await connection.shutdown()
    }

    /// Typed events from a connection's event stream, decoded on the consumer's task.
    ///
    /// Decoding where the events are consumed, instead of in a relay task that re-yields them,
    /// saves one task hop per push: on a busy order book that hop costs more than the decoding.
    public static func events(
        from connectionEvents: AsyncStream<ConnectionEvent>, logger: Logger = Logger(label: "mootui.client")
    )
        -> AsyncStream<ClientEvent>
    {
        let source = EventSource(connectionEvents.makeAsyncIterator(), logger: logger)
        return AsyncStream(unfolding: { await source.next() })
    }
}

/// Pulls connection events and hands out client events one at a time (a push may give several).
/// Only ever driven by the single consumer of the stream it feeds, hence the unchecked Sendable.
private final class EventSource: @unchecked Sendable {
    private var upstream: AsyncStream<ConnectionEvent>.Iterator
    private var pending: [ClientEvent] = []
    private var pendingIndex = 0
    private let decoder = PushDecoder()
    private let logger: Logger

    init(_ upstream: AsyncStream<ConnectionEvent>.Iterator, logger: Logger) {
        self.upstream = upstream
        self.logger = logger
    }

    private func decode(_ frame: Frame) {
        do {
            try decoder.decode(frame) { pending.append($0) }
        } catch {
            logger.warning(
                "ignored a push mootui could not read",
                metadata: ["proto": "\(frame.protoID)", "error": "\(error)"])
            pending.append(.notice("ignored push \(frame.protoID): \(error)"))
        }
    }

    func next() async -> ClientEvent? {
        while true {
            if pendingIndex < pending.count {
                defer { pendingIndex += 1 }
                return pending[pendingIndex]
            }
            pending.removeAll(keepingCapacity: true)
            pendingIndex = 0
            guard let event = await upstream.next() else { return nil }
            switch event {
            case .state(let state):
                return .connection(state)
            case .push(let frame):
                decode(frame)
            case .pushes(let frames):
                for frame in frames { decode(frame) }
            }
        }
    }
}
