import Logging
import NIOConcurrencyHelpers
import OpenDProtocol
import TradingKit

/// The typed OpenD client: quote and trade calls and pushes in TradingKit values, over one
/// ``OpenDConnection`` that does the wire work (handshake, keep-alive, reconnect, limits).
public final class OpenDClient: Sendable {
    /// The wire-level connection underneath (state, quota, rate budgets).
    public let connection: OpenDConnection
    /// Connection changes and decoded pushes, in arrival order; finishes after ``shutdown()``.
    public let events: AsyncStream<ClientEvent>

    let logger: Logger
    private let continuation: AsyncStream<ClientEvent>.Continuation
    private let pump: NIOLockedValueBox<Task<Void, Never>?>

    /// A client over `connection`; nothing happens until ``start()``.
    public init(connection: OpenDConnection, logger: Logger = Logger(label: "mootui.client")) {
        self.connection = connection
        self.logger = logger
        (events, continuation) = AsyncStream.makeStream(of: ClientEvent.self, bufferingPolicy: .unbounded)
        pump = NIOLockedValueBox(nil)
    }

    /// A client for `configuration` with a fresh connection.
    public convenience init(configuration: ConnectionConfiguration, logger: Logger = Logger(label: "mootui.client")) {
        self.init(connection: OpenDConnection(configuration: configuration), logger: logger)
    }

    /// Connects (InitConnect) and starts turning connection events into ``events``.
    /// Throws the connection's `.unreachable` / `.handshakeFailed`.
    public func start() async throws {
        startPump()
        try await connection.start()
    }

    /// Closes the connection for good; ``events`` finishes once every event before it was delivered.
    public func shutdown() async {
        await connection.shutdown()
        let task = pump.withLockedValue { $0 }
        await task?.value
        continuation.finish()
    }

    private func startPump() {
        pump.withLockedValue { task in
            guard task == nil else { return }
            let stream = connection.events
            let continuation = self.continuation
            let logger = self.logger
            task = Task {
                let decoder = PushDecoder()
                for await event in stream {
                    switch event {
                    case .state(let state):
                        continuation.yield(.connection(state))
                    case .push(let frame):
                        do {
                            try decoder.decode(frame) { continuation.yield($0) }
                        } catch {
                            logger.warning(
                                "ignored a push mootui could not read",
                                metadata: ["proto": "\(frame.protoID)", "error": "\(error)"])
                            continuation.yield(.notice("ignored push \(frame.protoID): \(error)"))
                        }
                    }
                }
            }
        }
    }
}
