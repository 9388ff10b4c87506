/// OpenD's AES-128-CBC body cipher (`PacketEncAlgo` 2, protocol reference C.4): PKCS#7 padding,
/// and every packet starts again from the same IV, so equal bodies give equal ciphertexts.
public struct AESCBCCipher: BodyCipher {
    private let key: [UInt8]
    private let iv: [UInt8]

    /// Uses the 16 ASCII characters of `key` (`connAESKey`) and of `iv` (`aesCBCiv`) as bytes.
    public init(key: String, iv: String) throws {
        self.key = try AESKeyText.bytes(of: key, name: "AES key")
        self.iv = try AESKeyText.bytes(of: iv, name: "AES-CBC IV")
    }

    /// PKCS#7-pads and encrypts one packet body: 0 B → 16, 5 B → 16, 16 B → 32, 17 B → 32.
    public func seal(_ plaintext: [UInt8]) throws -> [UInt8] {
        try AESEngine.run(plaintext, key: key, iv: iv, mode: .cbcPKCS7, encrypt: true)
    }

    /// Decrypts one packet body and removes its PKCS#7 padding.
    public func open(_ ciphertext: [UInt8]) throws -> [UInt8] {
        guard !ciphertext.isEmpty, ciphertext.count % 16 == 0 else {
            throw CipherError.badLength(ciphertext.count)
        }
        return try AESEngine.run(ciphertext, key: key, iv: iv, mode: .cbcPKCS7, encrypt: false)
    }
}
