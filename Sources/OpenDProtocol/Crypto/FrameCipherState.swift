import NIOConcurrencyHelpers

/// The encryption in force on one connection, shared by its frame decoder and encoder.
///
/// InitConnect (1001) bodies go through `rsa` when set; every other body goes through `aes`
/// once InitConnect has negotiated it. Both start unset (plaintext).
public final class FrameCipherState: Sendable {
    private struct State {
        var rsa: (any BodyCipher)?
        var aes: (any BodyCipher)?
    }
    private let state: NIOLockedValueBox<State>

    public init(rsa: (any BodyCipher)? = nil, aes: (any BodyCipher)? = nil) {
        state = NIOLockedValueBox(State(rsa: rsa, aes: aes))
    }

    /// The RSA cipher for InitConnect bodies, if the connection is configured with a key.
    public var rsa: (any BodyCipher)? {
        get { state.withLockedValue { $0.rsa } }
        set { state.withLockedValue { $0.rsa = newValue } }
    }

    /// The AES cipher for all post-handshake bodies, once negotiated.
    public var aes: (any BodyCipher)? {
        get { state.withLockedValue { $0.aes } }
        set { state.withLockedValue { $0.aes = newValue } }
    }

    /// The cipher that applies to a body of `protoID`, or nil for plaintext.
    public func cipher(for protoID: UInt32) -> (any BodyCipher)? {
        state.withLockedValue { s in
            protoID == ProtoID.initConnect.rawValue ? s.rsa : s.aes
        }
    }
}
