import Foundation

/// The trade password on its short way from the keyboard to the gateway: the typed bytes, handed
/// out once and wiped as they are, never printed. A reference, so copies of the effect that carries
/// it share one buffer and one wipe; only the wire door (OpenDClient) turns it into the MD5 that
/// OpenD wants.
public final class TradePassword: @unchecked Sendable, Hashable, CustomStringConvertible {
    private let lock = NSLock()
    private var bytes: [UInt8]

    /// Takes the typed bytes (the caller wipes its own copy).
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// True once the password has been consumed (or was empty).
    public var isConsumed: Bool { lock.withLock { bytes.isEmpty } }

    /// Hands the bytes to `body` exactly once, then overwrites and forgets them; a later call sees
    /// no bytes.
    public func consume<T>(_ body: ([UInt8]) throws -> T) rethrows -> T {
        try lock.withLock {
            defer { wipe() }
            return try body(bytes)
        }
    }

    private func wipe() {
        for i in bytes.indices { bytes[i] = 0 }
        bytes.removeAll()
    }

    deinit { wipe() }

    /// Never the bytes.
    public var description: String { "TradePassword(hidden)" }

    /// Identity: two values are equal when they are the same secret.
    public static func == (a: TradePassword, b: TradePassword) -> Bool { a === b }

    /// Hashes the identity, never the bytes.
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
