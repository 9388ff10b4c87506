/// One frame the client received, as recorded.
public struct RecordedFrame: Equatable, Sendable {
    /// Receive time, nanoseconds since the Unix epoch.
    public var receivedNanoseconds: UInt64
    public var protoID: UInt32
    public var serial: UInt32
    /// A server push (as opposed to a response to a request).
    public var isPush: Bool
    /// The decrypted protobuf body.
    public var body: [UInt8]

    public init(receivedNanoseconds: UInt64, protoID: UInt32, serial: UInt32, isPush: Bool, body: [UInt8]) {
        self.receivedNanoseconds = receivedNanoseconds
        self.protoID = protoID
        self.serial = serial
        self.isPush = isPush
        self.body = body
    }
}

/// Frames the recorder had to drop because its buffer was full (a slow disk): a hole in the
/// recording, counted, never a stall of the client.
public struct RecordedGap: Equatable, Sendable {
    public var firstNanoseconds: UInt64
    public var lastNanoseconds: UInt64
    public var dropped: UInt64

    public init(firstNanoseconds: UInt64, lastNanoseconds: UInt64, dropped: UInt64) {
        self.firstNanoseconds = firstNanoseconds
        self.lastNanoseconds = lastNanoseconds
        self.dropped = dropped
    }
}

/// A record of a recording, in file order, with the byte offset where it starts.
public enum RecordedEntry: Equatable, Sendable {
    case frame(RecordedFrame)
    case gap(RecordedGap)

    /// Its time: the receive time of a frame, the first drop of a gap.
    public var nanoseconds: UInt64 {
        switch self {
        case .frame(let f): f.receivedNanoseconds
        case .gap(let g): g.firstNanoseconds
        }
    }
}
