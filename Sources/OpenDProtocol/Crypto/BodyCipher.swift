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
    /// The key, IV or PEM cannot be used (wrong size, wrong type, unparsable).
    case invalidKey(String)
    /// The ciphertext is not a whole number of the cipher's blocks.
    case badLength(Int)
    /// The ciphertext has whole blocks but does not decrypt to a valid body (padding, trailer).
    case malformedCiphertext(String)
    /// OpenSSL itself failed; the text carries its error queue.
    case openSSL(String)

    public var description: String {
        switch self {
        case let .invalidKey(why): return "invalid key: \(why)"
        case let .badLength(n): return "ciphertext length \(n) is not a whole number of blocks"
        case let .malformedCiphertext(why): return "malformed ciphertext: \(why)"
        case let .openSSL(why): return "OpenSSL: \(why)"
        }
    }
}
