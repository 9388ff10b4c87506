import Foundation

/// Where an OpenD gateway listens: a host name or IP address and a TCP port.
public struct OpenDEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// Host name or IP address (IPv6 without brackets).
    public var host: String
    /// TCP port, 1 to 65535.
    public var port: Int

    /// An endpoint from its parts, taken as given.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `"HOST:PORT"` (`"[::1]:11111"` for IPv6); throws ``ParseError`` on anything else.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let hostPart: Substring
        let portPart: Substring
        if trimmed.hasPrefix("[") {
            guard let close = trimmed.firstIndex(of: "]"),
                trimmed.index(after: close) < trimmed.endIndex,
                trimmed[trimmed.index(after: close)] == ":"
            else { throw ParseError(text: text, reason: "expected [IPv6]:PORT") }
            hostPart = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
            portPart = trimmed[trimmed.index(close, offsetBy: 2)...]
        } else {
            guard let colon = trimmed.lastIndex(of: ":") else {
                throw ParseError(text: text, reason: "expected HOST:PORT")
            }
            hostPart = trimmed[..<colon]
            portPart = trimmed[trimmed.index(after: colon)...]
            if hostPart.contains(":") {
                throw ParseError(text: text, reason: "write an IPv6 address in brackets: [::1]:11111")
            }
        }
        guard !hostPart.isEmpty else { throw ParseError(text: text, reason: "missing host") }
        guard let port = Int(portPart), (1...65535).contains(port) else {
            throw ParseError(text: text, reason: "port must be a number from 1 to 65535")
        }
        self.init(host: String(hostPart), port: port)
    }

    /// `host:port`, with brackets around an IPv6 address.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Why a `"HOST:PORT"` string was rejected.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The rejected input.
        public var text: String
        /// What was wrong with it.
        public var reason: String
        /// One line naming the input and the problem.
        public var description: String { "invalid OpenD address \"\(text)\": \(reason)" }
    }
}
