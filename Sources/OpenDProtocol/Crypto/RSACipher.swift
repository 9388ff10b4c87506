import COpenSSL

/// The RSA body cipher for InitConnect (protocol reference C.2): PKCS#1 v1.5, public-key
/// encryption of 100-byte plaintext chunks into 128-byte blocks, private-key decryption of
/// 128-byte blocks. Client and OpenD share one 1024-bit private key; the public half is derived.
public struct RSACipher: BodyCipher {
    /// Plaintext bytes per RSA block, fixed by the official SDK for 1024-bit keys.
    public static let plaintextChunkSize = 100
    /// Ciphertext bytes per RSA block (a 1024-bit modulus).
    public static let blockSize = 128
    /// The only modulus size the SDK's fixed chunking works with.
    public static let keyBits = 1024

    private let key: RSAKeyHandle

    /// Loads a 1024-bit RSA private key from PEM, PKCS#1 ("BEGIN RSA PRIVATE KEY") or PKCS#8
    /// ("BEGIN PRIVATE KEY"); throws ``CipherError/invalidKey(_:)`` for anything else.
    public init(privateKeyPEM: String) throws {
        key = try RSAKeyHandle(pem: privateKeyPEM)
    }

    /// Encrypts `plaintext` in 100-byte chunks: 1–100 B → 128 B, 101 B → 256 B; empty stays empty.
    public func seal(_ plaintext: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity((plaintext.count + Self.plaintextChunkSize - 1) / Self.plaintextChunkSize * Self.blockSize)
        var start = 0
        while start < plaintext.count {
            let end = min(start + Self.plaintextChunkSize, plaintext.count)
            out.append(contentsOf: try key.transform(Array(plaintext[start..<end]), encrypt: true))
            start = end
        }
        return out
    }

    /// Decrypts whole 128-byte blocks and concatenates their plaintexts.
    public func open(_ ciphertext: [UInt8]) throws -> [UInt8] {
        guard ciphertext.count % Self.blockSize == 0 else { throw CipherError.badLength(ciphertext.count) }
        var out: [UInt8] = []
        var start = 0
        while start < ciphertext.count {
            out.append(contentsOf: try key.transform(Array(ciphertext[start..<(start + Self.blockSize)]), encrypt: false))
            start += Self.blockSize
        }
        return out
    }

    /// A fresh RSA private key as PKCS#1 PEM ("BEGIN RSA PRIVATE KEY"), for tests and `mootui sim`.
    public static func generatePrivateKeyPEM(bits: Int = 1024) throws -> String {
        guard (512...16384).contains(bits) else { throw CipherError.invalidKey("cannot generate a \(bits)-bit RSA key") }
        OpenSSLErrors.clear()
        guard let ctx = EVP_PKEY_CTX_new_from_name(nil, "RSA", nil) else {
            throw CipherError.openSSL(OpenSSLErrors.drain("EVP_PKEY_CTX_new_from_name(RSA) failed"))
        }
        defer { EVP_PKEY_CTX_free(ctx) }
        var pkey: OpaquePointer?
        guard EVP_PKEY_keygen_init(ctx) == 1, EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, Int32(bits)) == 1,
              EVP_PKEY_generate(ctx, &pkey) == 1, let pkey
        else { throw CipherError.openSSL(OpenSSLErrors.drain("RSA key generation failed")) }
        defer { EVP_PKEY_free(pkey) }

        guard let bio = BIO_new(BIO_s_mem()) else { throw CipherError.openSSL("BIO_new failed") }
        defer { BIO_free(bio) }
        // The "traditional" writer is the non-deprecated way to get PKCS#1 PEM, the form OpenD's
        // `rsa_private_key` and the SDK's key file use.
        guard PEM_write_bio_PrivateKey_traditional(bio, pkey, nil, nil, 0, nil, nil) == 1 else {
            throw CipherError.openSSL(OpenSSLErrors.drain("PEM_write_bio_PrivateKey_traditional failed"))
        }
        var pem: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1024)
        while true {
            let n = BIO_read(bio, &chunk, Int32(chunk.count))
            if n <= 0 { break }
            pem.append(contentsOf: chunk[0..<Int(n)])
        }
        return String(decoding: pem, as: UTF8.self)
    }
}

/// Owns one OpenSSL `EVP_PKEY`. OpenSSL 3 keys are immutable once loaded and every operation
/// below builds its own `EVP_PKEY_CTX`, so sharing the handle across threads is safe.
final class RSAKeyHandle: @unchecked Sendable {
    private let pkey: OpaquePointer

    init(pem: String) throws {
        OpenSSLErrors.clear()
        let bytes = Array(pem.utf8)
        guard !bytes.isEmpty else { throw CipherError.invalidKey("empty RSA private key PEM") }
        let loaded: OpaquePointer? = bytes.withUnsafeBytes { raw in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return nil }
            defer { BIO_free(bio) }
            // Refuse passphrases explicitly: without a callback OpenSSL would prompt on the terminal.
            return PEM_read_bio_PrivateKey(bio, nil, { _, _, _, _ in 0 }, nil)
        }
        guard let loaded else {
            throw CipherError.invalidKey(OpenSSLErrors.drain("not an unencrypted PKCS#1 or PKCS#8 private key PEM"))
        }
        guard EVP_PKEY_is_a(loaded, "RSA") == 1 else {
            EVP_PKEY_free(loaded)
            throw CipherError.invalidKey("the PEM holds a private key that is not RSA")
        }
        let bits = Int(EVP_PKEY_get_bits(loaded))
        guard bits == RSACipher.keyBits else {
            EVP_PKEY_free(loaded)
            throw CipherError.invalidKey("RSA key is \(bits) bits; OpenD's 100/128-byte chunking needs 1024 bits")
        }
        pkey = loaded
    }

    deinit { EVP_PKEY_free(pkey) }

    /// One PKCS#1 v1.5 block: public-key encryption or private-key decryption.
    func transform(_ input: [UInt8], encrypt: Bool) throws -> [UInt8] {
        OpenSSLErrors.clear()
        guard let ctx = EVP_PKEY_CTX_new_from_pkey(nil, pkey, nil) else {
            throw CipherError.openSSL(OpenSSLErrors.drain("EVP_PKEY_CTX_new_from_pkey failed"))
        }
        defer { EVP_PKEY_CTX_free(ctx) }
        let initialised = encrypt ? EVP_PKEY_encrypt_init(ctx) : EVP_PKEY_decrypt_init(ctx)
        guard initialised == 1, mt_evp_pkey_ctx_set_rsa_pkcs1(ctx) > 0 else {
            throw CipherError.openSSL(OpenSSLErrors.drain("RSA PKCS#1 v1.5 setup failed"))
        }
        if !encrypt {
            // OpenSSL ≥ 3.2 would otherwise answer a bad block with random bytes ("implicit
            // rejection"); the caller wants a typed error. Older versions reject the setting.
            _ = EVP_PKEY_CTX_ctrl_str(ctx, "rsa_pkcs1_implicit_rejection", "0")
            OpenSSLErrors.clear()
        }
        var outLength = RSACipher.blockSize
        var out = [UInt8](repeating: 0, count: outLength)
        let ok = input.withUnsafeBufferPointer { inp in
            out.withUnsafeMutableBufferPointer { o in
                encrypt
                    ? EVP_PKEY_encrypt(ctx, o.baseAddress, &outLength, inp.baseAddress, inp.count)
                    : EVP_PKEY_decrypt(ctx, o.baseAddress, &outLength, inp.baseAddress, inp.count)
            }
        }
        guard ok == 1 else {
            if encrypt { throw CipherError.openSSL(OpenSSLErrors.drain("RSA encryption failed")) }
            OpenSSLErrors.clear()
            throw CipherError.malformedCiphertext("RSA block does not decrypt under this key (PKCS#1 v1.5)")
        }
        out.removeSubrange(outLength...)
        return out
    }
}
