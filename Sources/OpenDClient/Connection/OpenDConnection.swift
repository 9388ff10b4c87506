import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import OpenDProtocol

/// One logical connection to an OpenD gateway: InitConnect, keep-alives, requests matched by
/// serial, pushes, and automatic reconnect with replay of subscriptions, unlock and trade pushes.
public final class OpenDConnection: Sendable {
    let configuration: ConnectionConfiguration
    let logger: Logger
    /// Pushes and state changes, in order; finishes after ``shutdown()``.
    public let events: AsyncStream<ConnectionEvent>
    let continuation: AsyncStream<ConnectionEvent>.Continuation

    /// A connection that does nothing until ``start()``.
    public init(
        configuration: ConnectionConfiguration, clock: some Clock<Duration> = ContinuousClock(),
        logger: Logger = Logger(label: "mootui.connection")
    ) {
        self.configuration = configuration
        self.logger = logger
        (events, continuation) = AsyncStream.makeStream(of: ConnectionEvent.self, bufferingPolicy: .unbounded)
    }

    /// Connects and performs InitConnect; throws `.unreachable` or `.handshakeFailed`.
    public func start() async throws {
        throw OpenDClientError.unreachable(endpoint: configuration.endpoint.description, reason: "not implemented yet")
    }

    /// Closes the link for good; idempotent. Pending requests fail with `.closed`.
    public func shutdown() async {
        continuation.finish()
    }

    /// What InitConnect said about the current link; nil while not connected.
    public var info: ConnectionInfo? { nil }

    /// The current state.
    public var state: ConnectionState { .idle }

    /// Sends `request` (after any rate-limit wait) and returns its `S2C`, or throws `.gateway`,
    /// `.timeout`, `.disconnected` or `.closed`.
    public func request<R: OpenDRequest>(_ request: R, timeout: Duration? = nil) async throws -> R.Response.S2C {
        throw OpenDClientError.closed
    }

    /// Subscribes (and registers for pushes) each security × sub type; kept for replay after reconnect.
    public func subscribe(_ securities: [QotCommon_Security], subTypes: [Int32], registerPush: Bool = true) async throws {
        throw OpenDClientError.closed
    }

    /// Unsubscribes; throws `.unsubscribeTooEarly` within 60 s of subscribing.
    public func unsubscribe(_ securities: [QotCommon_Security], subTypes: [Int32]) async throws {
        throw OpenDClientError.closed
    }

    /// Subscription quota (used, total) from the latest Qot_GetSubInfo.
    public var quota: (used: Int, total: Int) { (0, 0) }

    /// Asks for order and fill pushes of these accounts (replacing the previous list); replayed after reconnect.
    public func setTradePushAccounts(_ accIDs: [UInt64]) async throws {
        throw OpenDClientError.closed
    }

    /// Unlocks trading with the password's MD5, which is kept (never the password) to unlock again after reconnect.
    public func unlockTrade(passwordMD5: String, securityFirm: Int32?) async throws {
        throw OpenDClientError.closed
    }

    /// Current use of the rate limit that applies to `proto` (and `accountID` for trade limits).
    public func rateBudget(for proto: ProtoID, accountID: UInt64?) -> RateBudget {
        RateBudget(limit: 0, used: 0, nextSlotIn: nil)
    }
}
