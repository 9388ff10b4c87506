/// What `mootui replay FILE --info` prints: counts per code and sub-type, time span, gaps, size.
public struct RecordingSummary: Equatable, Sendable {
    public var header: RecordingHeader
    public var byteCount: Int
    public var frames = 0
    public var pushes = 0
    public var responses = 0
    /// Quote pushes per (code, sub-type).
    public var pushCounts: [RecordingHeader.Subscription: Int] = [:]
    /// Frames per proto id.
    public var protoCounts: [UInt32: Int] = [:]
    public var gaps: [RecordedGap] = []
    public var firstNanoseconds: UInt64?
    public var lastNanoseconds: UInt64?
    /// The damage that ended the readable part, if any.
    public var damage: RecordingError?

    public init(_ contents: RecordingContents) {
        header = contents.header
        byteCount = contents.byteCount
        damage = contents.damage
        for entry in contents.entries {
            if firstNanoseconds == nil { firstNanoseconds = entry.nanoseconds }
            lastNanoseconds = entry.nanoseconds
            switch entry {
            case .gap(let g): gaps.append(g)
            case .frame(let f):
                frames += 1
                protoCounts[f.protoID, default: 0] += 1
                if f.isPush {
                    pushes += 1
                    for key in QuotePush.keys(protoID: f.protoID, body: f.body) { pushCounts[key, default: 0] += 1 }
                } else {
                    responses += 1
                }
            }
        }
    }

    /// The codes seen in pushes or named in the header, sorted.
    public var codes: [String] {
        Array(Set(pushCounts.keys.map(\.code) + header.subscriptions.map(\.code))).sorted()
    }

    /// Frames dropped in gaps.
    public var dropped: UInt64 { gaps.reduce(0) { $0 + $1.dropped } }

    /// Seconds from the first record to the last.
    public var spanSeconds: Double {
        guard let a = firstNanoseconds, let b = lastNanoseconds, b >= a else { return 0 }
        return Double(b - a) / 1e9
    }
}
