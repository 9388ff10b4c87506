/// OpenD hands AES keys and IVs over as 16-character strings whose characters are the key bytes
/// (they are not hex); this checks and converts them.
enum AESKeyText {
    /// The 16 bytes of `text`, or ``CipherError/invalidKey(_:)`` naming `name`.
    static func bytes(of text: String, name: String) throws -> [UInt8] {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes.allSatisfy({ $0 < 0x80 }) else {
            throw CipherError.invalidKey("\(name) must be exactly 16 ASCII characters (got \(text.unicodeScalars.count) characters, \(bytes.count) bytes)")
        }
        return bytes
    }
}
