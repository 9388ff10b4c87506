/// A refused trade request, with OpenD-like wording.
struct BrokerRejection: Error, Sendable {
    let message: String
    init(_ message: String) { self.message = message }
}
