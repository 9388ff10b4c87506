import Foundation
import MarketRecording

/// The text and JSON of `mootui replay FILE --info`.
enum RecordingInfoText {
    static func iso(_ ns: UInt64?) -> String {
        guard let ns else { return "—" }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: Date(timeIntervalSince1970: Double(ns) / 1e9))
    }

    /// Sub-types in OpenD order, the columns of the counts table.
    static func subTypes(_ s: RecordingSummary) -> [Int32] { Array(Set(s.pushCounts.keys.map(\.subType))).sorted() }

    static func print(_ s: RecordingSummary, file: String) {
        Swift.print("recording \(file): \(s.byteCount) bytes, format version \(RecordingFormat.version)")
        Swift.print("gateway:  \(s.header.gateway)")
        Swift.print("started:  \(iso(s.header.startNanoseconds))")
        Swift.print("span:     \(iso(s.firstNanoseconds)) to \(iso(s.lastNanoseconds)) (\(String(format: "%.3f", s.spanSeconds)) s)")
        Swift.print("frames:   \(s.frames) (\(s.pushes) pushes, \(s.responses) responses)")
        Swift.print("gaps:     \(s.gaps.count) (\(s.dropped) frames dropped)")
        let subs = s.header.subscriptions.map { "\($0.code) \(QuotePush.name(subType: $0.subType))" }
        Swift.print("subscribed at start: \(subs.isEmpty ? "none" : subs.joined(separator: ", "))")
        if let damage = s.damage { Swift.print("damage:   \(damage)") }
        let types = subTypes(s)
        guard !types.isEmpty else { return }
        var table = TextTable(["CODE"] + types.map { QuotePush.name(subType: $0).uppercased() }, leftAligned: [0])
        for code in Array(Set(s.pushCounts.keys.map(\.code))).sorted() {
            table.add([code] + types.map { "\(s.pushCounts[.init(code: code, subType: $0)] ?? 0)" })
        }
        table.print()
    }

    static func json(_ s: RecordingSummary, file: String) -> JSONValue {
        let codes = Array(Set(s.pushCounts.keys.map(\.code))).sorted()
        return .object([
            ("file", .string(file)), ("bytes", .int(Int64(s.byteCount))), ("version", .int(Int64(RecordingFormat.version))),
            ("gateway", .string(s.header.gateway)), ("startNs", .uint(s.header.startNanoseconds)),
            ("firstNs", s.firstNanoseconds.map(JSONValue.uint) ?? .null),
            ("lastNs", s.lastNanoseconds.map(JSONValue.uint) ?? .null),
            ("frames", .int(Int64(s.frames))), ("pushes", .int(Int64(s.pushes))), ("responses", .int(Int64(s.responses))),
            ("gaps", .array(s.gaps.map { g in
                .object([("firstNs", .uint(g.firstNanoseconds)), ("lastNs", .uint(g.lastNanoseconds)), ("dropped", .uint(g.dropped))])
            })),
            ("subscriptions", .array(s.header.subscriptions.map { sub in
                .object([("code", .string(sub.code)), ("subType", .string(QuotePush.name(subType: sub.subType)))])
            })),
            ("codes", .array(codes.map { code in
                .object([
                    ("code", .string(code)),
                    ("pushes", .object(subTypes(s).compactMap { t in
                        s.pushCounts[.init(code: code, subType: t)].map { (QuotePush.name(subType: t), JSONValue.int(Int64($0))) }
                    })),
                ])
            })),
            ("damage", s.damage.map { d in
                .object([("offset", d.offset.map { JSONValue.int(Int64($0)) } ?? .null), ("error", .string(d.description))])
            } ?? .null),
        ])
    }
}
