/// A request the gateway refuses, with the message OpenD-like clients show.
struct GatewayFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
