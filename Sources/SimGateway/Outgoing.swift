import OpenDProtocol

/// A frame the core wants written to one connection.
struct Outgoing: Sendable {
    var connection: UInt64
    var frame: Frame
    /// Cipher to switch the connection to right after this frame is written (InitConnect reply).
    var enableAES: (any BodyCipher)? = nil
}
