import Foundation
import TradingKit

/// Exchange-local wall time: the "YYYY-MM-DD HH:MM:SS" strings OpenD puts on the wire and the
/// calendar fields bars are bucketed by. Computed by hand because DateFormatter is too slow for
/// tens of thousands of pushes a second.
struct ExchangeTime: Sendable, Hashable {
    /// Seconds since 1970-01-01 00:00 in exchange-local time.
    let localSeconds: Int64
    let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    /// 0 = Sunday … 6 = Saturday.
    let weekday: Int

    private static let zones: [Market: TimeZone] = [
        .hk: TimeZone(identifier: "Asia/Hong_Kong")!, .us: TimeZone(identifier: "America/New_York")!,
        .sh: TimeZone(identifier: "Asia/Shanghai")!, .sz: TimeZone(identifier: "Asia/Shanghai")!,
    ]

    init(_ date: Date, market: Market) {
        let utc = Int64(date.timeIntervalSince1970.rounded(.down))
        let offset = market == .us ? Int64(Self.zones[.us]!.secondsFromGMT(for: date)) : 8 * 3600
        self.init(localSeconds: utc + offset)
    }

    init(localSeconds: Int64) {
        self.localSeconds = localSeconds
        let days = localSeconds >= 0 ? localSeconds / 86_400 : (localSeconds - 86_399) / 86_400
        let secs = Int(localSeconds - days * 86_400)
        (year, month, day) = Self.civil(fromDays: days)
        hour = secs / 3600
        minute = (secs % 3600) / 60
        second = secs % 60
        weekday = Int(((days % 7) + 11) % 7)  // 1970-01-01 was a Thursday
    }

    /// Days since the epoch of a civil date (Howard Hinnant's algorithm).
    static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int64) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(m <= 2 ? y + 1 : y), Int(m), Int(d))
    }

    /// Local seconds of the start of this day.
    var dayStart: Int64 { localSeconds - Int64(hour * 3600 + minute * 60 + second) }
    /// Minutes since local midnight.
    var minuteOfDay: Int { hour * 60 + minute }

    /// "YYYY-MM-DD HH:MM:SS".
    var text: String {
        var s = ""
        s.reserveCapacity(19)
        Self.pad(year, 4, &s); s += "-"; Self.pad(month, 2, &s); s += "-"; Self.pad(day, 2, &s); s += " "
        Self.pad(hour, 2, &s); s += ":"; Self.pad(minute, 2, &s); s += ":"; Self.pad(second, 2, &s)
        return s
    }

    /// "YYYY-MM-DD".
    var dateText: String {
        var s = ""
        Self.pad(year, 4, &s); s += "-"; Self.pad(month, 2, &s); s += "-"; Self.pad(day, 2, &s)
        return s
    }

    private static func pad(_ v: Int, _ width: Int, _ s: inout String) {
        let digits = String(v)
        if digits.count < width { s += String(repeating: "0", count: width - digits.count) }
        s += digits
    }

    /// Parses "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS" (seconds optional) into local seconds.
    static func parse(_ text: String) -> Int64? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let datePart = parts.first else { return nil }
        let ymd = datePart.split(separator: "-").compactMap { Int($0) }
        guard ymd.count == 3, (1...9999).contains(ymd[0]), (1...12).contains(ymd[1]), (1...31).contains(ymd[2])
        else { return nil }
        var secs: Int64 = 0
        if parts.count > 1 {
            let hms = parts[1].split(separator: ":").compactMap { Double($0) }
            guard !hms.isEmpty, hms.count <= 3, hms.allSatisfy({ $0 >= 0 && $0 < 100 }) else { return nil }
            secs = Int64(hms[0]) * 3600 + Int64(hms.count > 1 ? hms[1] : 0) * 60 + Int64(hms.count > 2 ? hms[2] : 0)
        }
        return days(year: ymd[0], month: ymd[1], day: ymd[2]) * 86_400 + secs
    }

    /// UTC offset in seconds for `market` at `date`.
    static func offset(_ market: Market, at date: Date) -> Int64 {
        market == .us ? Int64(zones[.us]!.secondsFromGMT(for: date)) : 8 * 3600
    }
}
