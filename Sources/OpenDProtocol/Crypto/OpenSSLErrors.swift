import COpenSSL

/// Reads OpenSSL's thread-local error queue into one line for a ``CipherError``.
enum OpenSSLErrors {
    /// Drains the error queue; returns `fallback` when OpenSSL left nothing there.
    static func drain(_ fallback: String) -> String {
        var messages: [String] = []
        var buffer = [CChar](repeating: 0, count: 256)
        while case let code = ERR_get_error(), code != 0 {
            ERR_error_string_n(code, &buffer, buffer.count)
            messages.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return messages.isEmpty ? fallback : "\(fallback): \(messages.joined(separator: "; "))"
    }

    /// Forgets stale errors so they are not blamed on the next operation.
    static func clear() {
        ERR_clear_error()
    }
}
