import Foundation
import MarketRecording
import NIOCore
import TradingKit

/// How fast a replay runs: a factor of real time, or as fast as the clients take it.
public enum ReplaySpeed: Sendable, Equatable, CustomStringConvertible {
    case factor(Double)
    case max

    /// "1", "10", "0.5" or "max".
    public init(parsing text: String) throws {
        if text.lowercased() == "max" {
            self = .max
            return
        }
        guard let v = Double(text), v > 0, v.isFinite, v <= 1_000_000 else {
            throw SimConfigurationError("--speed must be a number > 0 (e.g. 1, 10, 0.5) or max, not \"\(text)\"")
        }
        self = .factor(v)
    }

    public var description: String {
        switch self {
        case .max: "max"
        case .factor(let f): f == f.rounded() ? "\(Int(f))x" : "\(f)x"
        }
    }
}

/// A recording prepared for the simulator: its quote pushes in order, each with the
/// subscriptions it serves, on a timeline measured from the first one.
public struct ReplaySource: Sendable {
    struct Event: Sendable {
        /// Nanoseconds after the first quote push.
        var offset: UInt64
        var protoID: UInt32
        var body: [UInt8]
        /// The same bytes, shared by every push frame made of them.
        var buffer: ByteBuffer
        var keys: [SubscriptionKey]
    }

    let events: [Event]
    public let speed: ReplaySpeed
    /// Where the replay clock starts, nanoseconds after the first push: earlier pushes are applied
    /// to the market at once (so books and quotes stand as they did then) but not sent.
    public var startOffset: UInt64 = 0
    /// Wall-clock time of the first quote push, nanoseconds since the Unix epoch.
    public let firstNanoseconds: UInt64
    /// Codes the recording has pushes for that the simulator does not list (their pushes are skipped).
    public let unknownCodes: [String]
    /// The codes replayed.
    public let codes: [SecurityCode]

    /// The quote pushes of `contents` (responses, trade pushes and gaps are left out), at `speed`;
    /// codes outside the built-in universe and `extra` are left out too (and named in ``unknownCodes``).
    public init(_ contents: RecordingContents, speed: ReplaySpeed, extra: [SecurityCode] = []) {
        let listed = Set(Universe.instruments.map(\.code) + extra)
        var events: [Event] = []
        var unknown = Set<String>()
        var codes = Set<SecurityCode>()
        var first: UInt64?
        for case .frame(let f) in contents.entries where f.isPush {
            var keys: [SubscriptionKey] = []
            for key in QuotePush.keys(protoID: f.protoID, body: f.body) {
                guard let code = try? SecurityCode(parsing: key.code), listed.contains(code) else {
                    unknown.insert(key.code)
                    continue
                }
                codes.insert(code)
                keys.append(SubscriptionKey(code: code, subType: key.subType))
            }
            guard !keys.isEmpty else { continue }
            let start = first ?? f.receivedNanoseconds
            first = start
            let offset = f.receivedNanoseconds >= start ? f.receivedNanoseconds - start : 0
            events.append(Event(offset: offset, protoID: f.protoID, body: f.body, buffer: ByteBuffer(bytes: f.body), keys: keys))
        }
        self.events = events
        self.speed = speed
        self.firstNanoseconds = first ?? contents.header.startNanoseconds
        self.unknownCodes = unknown.sorted()
        self.codes = codes.sorted { $0.description < $1.description }
    }

    /// Starts the replay at wall-clock time `nanoseconds` (since the Unix epoch) of the recording.
    public mutating func start(at nanoseconds: UInt64) {
        startOffset = nanoseconds > firstNanoseconds ? min(nanoseconds - firstNanoseconds, span) : 0
    }

    /// How many quote pushes it replays.
    public var count: Int { events.count }
    /// Nanoseconds from the first push to the last.
    public var span: UInt64 { events.last?.offset ?? 0 }
}

extension ReplaySource {
    /// A source made of ready events (tests).
    init(events: [Event], speed: ReplaySpeed, firstNanoseconds: UInt64) {
        self.events = events
        self.speed = speed
        self.firstNanoseconds = firstNanoseconds
        self.unknownCodes = []
        self.codes = Array(Set(events.flatMap { $0.keys.map(\.code) })).sorted { $0.description < $1.description }
    }
}
