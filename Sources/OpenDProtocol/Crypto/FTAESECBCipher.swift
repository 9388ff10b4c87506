/// OpenD's "FTAES-ECB" body cipher (`PacketEncAlgo` 0, protocol reference C.3): the body is
/// zero-padded to whole blocks, AES-128-ECB encrypted, and followed by a clear 16-byte trailer
/// whose last byte is the original length modulo 16.
public struct FTAESECBCipher: BodyCipher {
    private let key: [UInt8]

    /// Uses the 16 ASCII characters of `key` (InitConnect's `connAESKey`) as the AES-128 key bytes.
    public init(key: String) throws {
        self.key = try AESKeyText.bytes(of: key, name: "AES key")
    }

    /// Zero-pads, encrypts, and appends the clear trailer: 0 B → 16, 5 B → 32, 16 B → 32, 17 B → 48.
    public func seal(_ plaintext: [UInt8]) throws -> [UInt8] {
        let remainder = plaintext.count % 16
        var padded = plaintext
        if remainder != 0 {
            padded.append(contentsOf: repeatElement(0, count: 16 - remainder))
        }
        var out = try AESEngine.run(padded, key: key, iv: nil, mode: .ecbNoPadding, encrypt: true)
        out.append(contentsOf: repeatElement(0, count: 15))
        out.append(UInt8(remainder))
        return out
    }

    /// Checks the trailer, decrypts the blocks before it and drops the zero padding.
    public func open(_ ciphertext: [UInt8]) throws -> [UInt8] {
        guard ciphertext.count >= 16, ciphertext.count % 16 == 0 else {
            throw CipherError.badLength(ciphertext.count)
        }
        let remainder = Int(ciphertext[ciphertext.count - 1])
        let blocks = Array(ciphertext[..<(ciphertext.count - 16)])
        // A trailer claiming a partial last block needs a block to be partial; anything else is
        // a desynchronised or forged body, not something to guess around.
        guard remainder < 16, remainder == 0 || !blocks.isEmpty else {
            throw CipherError.malformedCiphertext("FTAES trailer claims \(remainder) bytes in the last block")
        }
        var plain = try AESEngine.run(blocks, key: key, iv: nil, mode: .ecbNoPadding, encrypt: false)
        if remainder != 0 {
            plain.removeLast(16 - remainder)
        }
        return plain
    }
}
