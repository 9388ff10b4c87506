import Foundation

/// `--from HH:MM:SS`: that time of day (this machine's time zone) on the day the recording's first push arrived.
enum ReplayStart {
    static func nanoseconds(_ text: String, firstNanoseconds: UInt64, timeZone: TimeZone = .current) throws -> UInt64 {
        let parts = text.split(separator: ":").map { Int($0) }
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil }),
              let h = parts[0], let m = parts[1], (0..<24).contains(h), (0..<60).contains(m),
              parts.count == 2 || (0..<60).contains(parts[2]!)
        else { throw OneShotError("--from: \"\(text)\" is not a time HH:MM:SS") }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let first = Date(timeIntervalSince1970: Double(firstNanoseconds) / 1e9)
        var day = calendar.dateComponents([.year, .month, .day], from: first)
        day.hour = h
        day.minute = m
        day.second = parts.count == 3 ? parts[2]! : 0
        guard let start = calendar.date(from: day) else { throw OneShotError("--from: \"\(text)\" is not a time HH:MM:SS") }
        return UInt64(max(0, start.timeIntervalSince1970) * 1e9)
    }
}
