/// What InitConnect told us about the current link.
public struct ConnectionInfo: Sendable, Hashable {
    /// Per-TCP-connection id; new on every reconnect.
    public var connID: UInt64
    /// The user OpenD is logged in as; trade queries send it as `userID`.
    public var loginUserID: UInt64
    /// OpenD's version as an integer (e.g. 1011).
    public var serverVersion: Int32
    /// Seconds; keep-alives go out every 0.8 of it.
    public var keepAliveInterval: Int32
    /// True when bodies travel RSA/AES-encrypted.
    public var encrypted: Bool

    /// Values as received.
    public init(connID: UInt64, loginUserID: UInt64, serverVersion: Int32, keepAliveInterval: Int32, encrypted: Bool) {
        self.connID = connID
        self.loginUserID = loginUserID
        self.serverVersion = serverVersion
        self.keepAliveInterval = keepAliveInterval
        self.encrypted = encrypted
    }
}
