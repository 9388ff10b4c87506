/// Why the ledger could not be opened or written.
public struct LedgerError: Error, CustomStringConvertible, Sendable {
    public let description: String
}
