import OpenDProtocol

/// The mutable state of an ``OpenDConnection``, always accessed under its lock.
struct ConnectionCore {
    /// A request waiting for its response, keyed by (protoID, serial).
    struct Pending {
        var generation: Int
        var continuation: CheckedContinuation<Frame, any Error>
        var timeoutTask: Task<Void, Never>?
    }

    struct PendingKey: Hashable {
        var protoID: UInt32
        var serial: UInt32
    }

    /// One (security, sub type) pair we hold, remembered for replay after a reconnect.
    struct Subscription {
        var security: QotCommon_Security
        var subType: Int32
        var registerPush: Bool
        /// Connection-clock time of the (re)subscription; OpenD allows unsubscribing 60 s later.
        var since: Duration
    }

    struct SubscriptionKey: Hashable {
        var market: Int32
        var code: String
        var subType: Int32
    }

    var state: ConnectionState = .idle
    var info: ConnectionInfo?
    /// The current TCP link, set from TCP connect until it drops.
    var link: ConnectionLink?
    /// True once InitConnect succeeded on `link`.
    var ready = false
    /// Pushes of the read in progress, delivered at the end of the read (or before a state change).
    var pushBatch: [Frame] = []
    var generation = 0
    var isShutdown = false
    /// True while a `start()` call is connecting, so a second one does not open another link.
    var isStarting = false
    var lastSerial: UInt32
    var pending: [PendingKey: Pending] = [:]
    var lastFrameAt: Duration = .zero
    var keepAliveTask: Task<Void, Never>?
    var watchdogTask: Task<Void, Never>?
    var reconnectTask: Task<Void, Never>?

    var subscriptions: [SubscriptionKey: Subscription] = [:]
    var tradePushAccounts: [UInt64]?
    /// MD5 of the trade password (never the password) and firm, to unlock again after reconnect.
    var unlock: (passwordMD5: String, securityFirm: Int32?)?
    var quota: (used: Int, total: Int) = (0, 0)
    var limiter = RateLimiter()
    /// Request → reply times of the last minute (the health HUD).
    var roundTrips = RoundTripWindow()
    /// Pushes that took the ordinary path (not the conflation slots).
    var ordinaryPushes = 0
    /// Reconnects and the newest link error (the health HUD).
    var failures = LinkFailures()

    init(firstSerial: UInt32) {
        lastSerial = firstSerial &- 1
    }

    /// The next serial: increasing, never zero, never reused within this connection's life.
    mutating func nextSerial() -> UInt32 {
        lastSerial = lastSerial == UInt32.max ? 1 : lastSerial + 1
        return lastSerial
    }
}
