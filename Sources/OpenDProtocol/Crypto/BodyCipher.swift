/// Encrypts and decrypts frame bodies. Implementations: RSA PKCS#1 v1.5 (InitConnect only),
/// FTAES-ECB and AES-128-CBC (every later packet), see ``FrameCipherState``.
public protocol BodyCipher: Sendable {
    /// Ciphertext for `plaintext`.
    func seal(_ plaintext: [UInt8]) throws -> [UInt8]
    /// Plaintext for `ciphertext`; throws ``CipherError`` on bad input.
    func open(_ ciphertext: [UInt8]) throws -> [UInt8]
}

/// Failures of a ``BodyCipher``.
public enum CipherError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidKey(String)
    case badLength(Int)
    case openSSL(String)

    public var description: String {
        switch self {
        case let .invalidKey(why): return "invalid key: \(why)"
        case let .badLength(n): return "ciphertext length \(n) is not a whole number of blocks"
        case let .openSSL(why): return "OpenSSL: \(why)"
        }
    }
}
