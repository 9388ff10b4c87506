import COpenSSL

/// One AES-128 pass over a whole buffer through an EVP cipher context.
///
/// The wire formats (C.3, C.4) each need a different padding story, so the ciphers decide
/// padding themselves and use this for the block work only.
enum AESEngine {
    /// The two block modes OpenD uses.
    enum Mode {
        /// ECB with no padding: the caller hands whole blocks.
        case ecbNoPadding
        /// CBC with PKCS#7 padding, added on encrypt and checked on decrypt.
        case cbcPKCS7
    }

    /// Encrypts (`encrypt == true`) or decrypts `input` under `key` (16 bytes) and `iv`.
    static func run(_ input: [UInt8], key: [UInt8], iv: [UInt8]?, mode: Mode, encrypt: Bool) throws -> [UInt8] {
        precondition(key.count == 16 && (iv == nil || iv!.count == 16))
        guard let ctx = EVP_CIPHER_CTX_new() else { throw CipherError.openSSL("EVP_CIPHER_CTX_new failed") }
        defer { EVP_CIPHER_CTX_free(ctx) }
        OpenSSLErrors.clear()
        let cipher = mode == .ecbNoPadding ? ecb : cbc
        let initialised = key.withUnsafeBufferPointer { k in
            withOptionalBytes(iv) { v in
                EVP_CipherInit_ex2(ctx, cipher, k.baseAddress, v, encrypt ? 1 : 0, nil)
            }
        }
        guard initialised == 1 else { throw CipherError.openSSL(OpenSSLErrors.drain("AES init failed")) }
        EVP_CIPHER_CTX_set_padding(ctx, mode == .cbcPKCS7 ? 1 : 0)

        var output = [UInt8](repeating: 0, count: input.count + 16)
        var written: Int32 = 0
        var finalWritten: Int32 = 0
        let ok = output.withUnsafeMutableBufferPointer { out -> Bool in
            let updated = input.withUnsafeBufferPointer { inp in
                EVP_CipherUpdate(ctx, out.baseAddress, &written, inp.baseAddress, Int32(inp.count))
            }
            guard updated == 1 else { return false }
            return EVP_CipherFinal_ex(ctx, out.baseAddress! + Int(written), &finalWritten) == 1
        }
        guard ok else {
            if !encrypt && mode == .cbcPKCS7 {
                OpenSSLErrors.clear()
                throw CipherError.malformedCiphertext("bad PKCS#7 padding (wrong key or IV, or corrupted body)")
            }
            throw CipherError.openSSL(OpenSSLErrors.drain("AES operation failed"))
        }
        output.removeSubrange(Int(written + finalWritten)...)
        return output
    }

    // Fetched once: the EVP_aes_* getters make OpenSSL 3 look the algorithm up again on every
    // init. Fetched ciphers are immutable and reference counted, so sharing them is safe.
    nonisolated(unsafe) private static let ecb: OpaquePointer? = EVP_CIPHER_fetch(nil, "AES-128-ECB", nil)
    nonisolated(unsafe) private static let cbc: OpaquePointer? = EVP_CIPHER_fetch(nil, "AES-128-CBC", nil)

    private static func withOptionalBytes<R>(_ bytes: [UInt8]?, _ body: (UnsafePointer<UInt8>?) -> R) -> R {
        guard let bytes else { return body(nil) }
        return bytes.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}
