/// What a recording says about itself before its first record.
public struct RecordingHeader: Equatable, Sendable {
    /// One subscription the recorder asked for: an OpenD code and SubType.
    public struct Subscription: Equatable, Hashable, Sendable {
        public var code: String
        public var subType: Int32
        public init(code: String, subType: Int32) {
            self.code = code
            self.subType = subType
        }
    }

    /// Wall-clock start, nanoseconds since the Unix epoch.
    public var startNanoseconds: UInt64
    /// Where the frames came from ("HOST:PORT" or "embedded sim").
    public var gateway: String
    /// The subscriptions made when recording began (the TUI may add more later; those show in the pushes).
    public var subscriptions: [Subscription]

    public init(startNanoseconds: UInt64, gateway: String, subscriptions: [Subscription]) {
        self.startNanoseconds = startNanoseconds
        self.gateway = gateway
        self.subscriptions = subscriptions
    }

    /// The header's bytes, CRC included.
    public func encoded() -> [UInt8] {
        var out = RecordingFormat.magic
        out.appendLE(RecordingFormat.version)
        out.appendLE(UInt16(0))
        out.appendLE(startNanoseconds)
        out.appendString16(gateway)
        out.appendLE(UInt32(subscriptions.count))
        for s in subscriptions {
            out.appendString16(s.code)
            out.appendLE(s.subType)
        }
        out.appendLE(CRC32.checksum(out))
        return out
    }

    /// Reads a header at the start of `bytes`; returns it and the offset of the first record.
    static func decode(_ bytes: [UInt8]) throws(RecordingError) -> (RecordingHeader, Int) {
        var r = ByteReader(bytes)
        func short(_ what: String) -> RecordingError {
            .truncatedHeader(offset: r.offset, "the file ends inside the header (\(what))")
        }
        guard let magic = r.readBytes(RecordingFormat.magic.count) else { throw short("magic") }
        guard magic == RecordingFormat.magic else {
            throw .notARecording("it does not start with the mootui recording magic \"MOOTREC\"")
        }
        guard let version = r.read(UInt16.self) else { throw short("version") }
        guard version == RecordingFormat.version else {
            throw .unsupportedVersion(version)
        }
        guard let flags = r.read(UInt16.self) else { throw short("flags") }
        guard flags == 0 else { throw .corrupt(offset: 10, "unknown header flags \(flags)") }
        guard let start = r.read(UInt64.self) else { throw short("start time") }
        guard let gateway = r.readString16() else { throw short("gateway") }
        let countOffset = r.offset
        guard let count = r.read(UInt32.self) else { throw short("subscription count") }
        guard count <= 1_000_000 else { throw .corrupt(offset: countOffset, "implausible subscription count \(count)") }
        var subs: [Subscription] = []
        for _ in 0..<count {
            guard let code = r.readString16() else { throw short("subscription code") }
            guard let subType = r.read(Int32.self) else { throw short("subscription type") }
            subs.append(Subscription(code: code, subType: subType))
        }
        let crcOffset = r.offset
        guard let crc = r.read(UInt32.self) else { throw short("header checksum") }
        let computed = bytes.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<crcOffset])) }
        guard crc == computed else { throw .corrupt(offset: crcOffset, "the header checksum does not match") }
        return (RecordingHeader(startNanoseconds: start, gateway: gateway, subscriptions: subs), r.offset)
    }
}
