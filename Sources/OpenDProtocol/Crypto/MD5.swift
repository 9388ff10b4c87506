import COpenSSL

/// MD5 as OpenD wants it for the trade password: 32 lower-case hex characters.
public enum MD5 {
    /// Lower-case hex MD5 of `bytes`. The caller should wipe its plaintext right after.
    public static func hex(of bytes: [UInt8]) -> String {
        var out = [UInt8](repeating: 0, count: 16)
        var len: UInt32 = 0
        let ok = bytes.withUnsafeBytes { src in
            EVP_Digest(src.baseAddress, src.count, &out, &len, EVP_md5(), nil)
        }
        precondition(ok == 1 && len == 16, "EVP_Digest(MD5) failed")
        return out.map { String(format2: $0) }.joined()
    }
}
