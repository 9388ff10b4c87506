import Foundation
import TOMLKit
import TradingKit

/// Reads fee schedules: the built-in one (`Fees/default.toml`, compiled in) or a user's file of
/// the same shape. The file's header comment documents the format.
public enum FeeScheduleFile {
    /// The built-in schedule (always valid: a test parses it), parsed once.
    // swiftlint:disable:next force_try
    public static let builtin: FeeSchedule = try! parse(BuiltinFiles.fees["default"]!, file: "Fees/default.toml")

    /// Reads and parses a schedule file.
    public static func load(path: String) throws(SimConfigurationError) -> FeeSchedule {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SimConfigurationError("\(path): cannot read the fee schedule")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SimConfigurationError("\(path): the fee schedule is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// Markets as the file names them; CN is both SH and SZ.
    private static let sections: [String: [Market]] = ["HK": [.hk], "US": [.us], "CN": [.sh, .sz]]

    /// Parses schedule text; every problem names the file and the line or the charge.
    public static func parse(_ source: String, file: String) throws(SimConfigurationError) -> FeeSchedule {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: source)
        } catch let e as TOMLParseError {
            throw SimConfigurationError("\(file):\(e.source.begin.line): \(e.description)")
        } catch {
            throw SimConfigurationError("\(file): \(error)")
        }
        var schedule = FeeSchedule(name: file, rules: [:])
        for key in table.keys.sorted() {
            if key == "name" {
                guard let name = table[key]?.string else { throw SimConfigurationError("\(file): 'name' must be a string") }
                schedule.name = name
                continue
            }
            guard let markets = sections[key] else {
                throw SimConfigurationError("\(file): unknown key '\(key)' (expected name, [[HK]], [[US]], [[CN]])")
            }
            guard let list = table[key]?.array else {
                throw SimConfigurationError("\(file): '\(key)' must be a list of charges ([[\(key)]] tables)")
            }
            var rules: [FeeRule] = []
            for (i, item) in list.enumerated() {
                guard let charge = item.table else {
                    throw SimConfigurationError("\(file): [[\(key)]] charge \(i + 1) must be a table")
                }
                rules.append(try rule(charge, where: "\(file): [[\(key)]] charge \(i + 1)"))
            }
            for m in markets { schedule.rules[m] = rules }
        }
        return schedule
    }

    private static func rule(_ t: TOMLTable, where place: String) throws(SimConfigurationError) -> FeeRule {
        let known: Set = ["title", "rate", "per_share", "per_order", "side", "min", "max", "round"]
        if let unknown = t.keys.sorted().first(where: { !known.contains($0) }) {
            throw SimConfigurationError("\(place): unknown key '\(unknown)' (known: \(known.sorted().joined(separator: ", ")))")
        }
        guard let title = t["title"]?.string, !title.isEmpty else {
            throw SimConfigurationError("\(place): needs a title")
        }
        let at = "\(place) '\(title)'"
        func text(_ key: String) throws(SimConfigurationError) -> String? {
            guard let v = t[key] else { return nil }
            guard let s = v.string else {
                throw SimConfigurationError("\(at): '\(key)' must be a string such as \"0.03%\" or \"15\" (amounts are exact decimals)")
            }
            return s
        }
        func amount(_ key: String) throws(SimConfigurationError) -> Price? {
            guard let s = try text(key) else { return nil }
            guard let p = Price(s), p >= .zero else { throw SimConfigurationError("\(at): '\(key)' = \"\(s)\" is not an amount") }
            return p
        }
        var bases: [FeeRule.Basis] = []
        if let s = try text("rate") {
            guard let r = FeeRate(s) else { throw SimConfigurationError("\(at): rate \"\(s)\" is not a rate such as \"0.03%\"") }
            bases.append(.rate(r))
        }
        if let p = try amount("per_share") { bases.append(.perShare(p)) }
        if let p = try amount("per_order") { bases.append(.perOrder(p)) }
        guard bases.count == 1 else {
            throw SimConfigurationError("\(at): give exactly one of rate, per_share, per_order")
        }
        var side = FeeRule.Side.both
        if let s = try text("side") {
            guard let v = FeeRule.Side(rawValue: s) else { throw SimConfigurationError("\(at): side must be both, buy or sell") }
            side = v
        }
        var rounding = FeeRule.Rounding.cent
        if let s = try text("round") {
            guard let v = FeeRule.Rounding(rawValue: s) else {
                throw SimConfigurationError("\(at): round must be cent, cent-up or unit-up")
            }
            rounding = v
        }
        let minimum = try amount("min"), maximum = try amount("max")
        if let minimum, let maximum, minimum > maximum { throw SimConfigurationError("\(at): min is above max") }
        return FeeRule(title: title, basis: bases[0], side: side, minimum: minimum, maximum: maximum, rounding: rounding)
    }
}
