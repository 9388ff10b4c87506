import OpenDProtocol

/// Everything that shapes one connection to OpenD: where, who we say we are, encryption and timers.
public struct ConnectionConfiguration: Sendable {
    /// Where OpenD listens.
    public var endpoint: OpenDEndpoint
    /// Sent as `InitConnect.clientID`.
    public var clientID: String = "mootui"
    /// Sent as `InitConnect.clientVer` (major*100+minor).
    public var clientVersion: Int32 = 100
    /// PKCS#1 PEM of the key shared with OpenD; encryption is on when set.
    public var rsaPrivateKeyPEM: String? = nil
    /// How long a request waits for its response before failing with `.timeout`.
    public var requestTimeout: Duration = .seconds(12)
    /// The longest an order (place, modify) may wait for OpenD's rate limit before it is sent;
    /// one that would wait longer is refused with ``OpenDClientError/rateLimited(protoID:limit:window:nextIn:)``
    /// and never sent, so no order leaves long after the trader asked for it, and the waiting
    /// orders stay few (each account's window holds at most its limit).
    public var orderMaxRateWait: Duration = .seconds(3)
    /// How long the TCP connect may take.
    public var connectTimeout: Duration = .seconds(10)
    /// No frame received for this long: the link is presumed dead, dropped and re-established.
    public var silenceTimeout: Duration = .seconds(33)
    /// Delays before successive reconnect attempts; the last one repeats forever.
    public var reconnectBackoff: [Duration] = [.seconds(1), .seconds(2), .seconds(4), .seconds(6)]
    /// Frames announcing a longer body are treated as a corrupt stream.
    public var maxBodyLength: UInt32 = FrameCodec.defaultMaxBodyLength
    /// Sees every received frame (a recorder); see ``FrameTap``.
    public var frameTap: (any FrameTap)? = nil

    /// Defaults for everything but the endpoint.
    public init(endpoint: OpenDEndpoint) {
        self.endpoint = endpoint
    }
}
