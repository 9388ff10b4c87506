import Foundation
import TradingKit

/// A `--universe FILE`: instruments a paper trader wants listed, as CSV (`code,name,lot,price[,kind]`,
/// an optional header line, `#` comments) or TOML (`[[instrument]]` tables with `code`, `name`,
/// `lot`, `price` and optional `kind` = "stock" | "fund" | "etf" | "index" | "future"). Errors name the file and line.
public enum UniverseFile {
    /// Reads and checks `path`; the format follows the extension (.toml, else CSV).
    public static func load(_ path: String) throws(SimConfigurationError) -> [Instrument] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SimConfigurationError("\(path): cannot read the universe file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SimConfigurationError("\(path): the universe file is not UTF-8 text")
        }
        let instruments = path.lowercased().hasSuffix(".toml")
            ? try parseTOML(text, file: path) : try parseCSV(text, file: path)
        guard !instruments.isEmpty else { throw SimConfigurationError("\(path): lists no instruments") }
        return instruments
    }

    /// One instrument's fields as written, with the line each record starts on.
    struct Record {
        var line: Int
        var fields: [String: (value: String, line: Int)] = [:]
    }

    static func parseCSV(_ text: String, file: String) throws(SimConfigurationError) -> [Instrument] {
        var out: [Instrument] = []
        var seen: [SecurityCode: Int] = [:]
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = i + 1
            let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let cells = try csvCells(trimmed, file: file, line: line)
            if out.isEmpty && seen.isEmpty && cells.first?.lowercased() == "code" { continue }
            guard (4...5).contains(cells.count) else {
                throw SimConfigurationError("\(file):\(line): expected code,name,lot,price[,kind], found \(cells.count) fields")
            }
            var r = Record(line: line)
            for (key, value) in zip(["code", "name", "lot", "price", "kind"], cells) { r.fields[key] = (value, line) }
            let instrument = try make(r, file: file)
            if let first = seen[instrument.code] {
                throw SimConfigurationError("\(file):\(line): \(instrument.code) is already listed on line \(first)")
            }
            seen[instrument.code] = line
            out.append(instrument)
        }
        return out
    }

    private static func csvCells(_ line: String, file: String, line number: Int) throws(SimConfigurationError) -> [String] {
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { cell.append("\""); chars.removeFirst() } else { quoted = false }
                } else { cell.append(c) }
            } else if c == "\"" && cell.trimmingCharacters(in: .whitespaces).isEmpty {
                quoted = true
                cell = ""
            } else if c == "," {
                cells.append(cell.trimmingCharacters(in: .whitespaces))
                cell = ""
            } else { cell.append(c) }
        }
        if quoted { throw SimConfigurationError("\(file):\(number): unterminated quoted field") }
        cells.append(cell.trimmingCharacters(in: .whitespaces))
        return cells
    }

    static func parseTOML(_ text: String, file: String) throws(SimConfigurationError) -> [Instrument] {
        var records: [Record] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = i + 1
            let content = stripComment(String(raw)).trimmingCharacters(in: .whitespaces)
            if content.isEmpty { continue }
            if content.hasPrefix("[") {
                guard content == "[[instrument]]" || content == "[[instruments]]" else {
                    throw SimConfigurationError("\(file):\(line): expected an [[instrument]] table, found \(content)")
                }
                records.append(Record(line: line))
                continue
            }
            guard let eq = content.firstIndex(of: "=") else {
                throw SimConfigurationError("\(file):\(line): expected key = value")
            }
            guard !records.isEmpty else {
                throw SimConfigurationError("\(file):\(line): a key outside an [[instrument]] table")
            }
            let key = content[..<eq].trimmingCharacters(in: .whitespaces)
            guard ["code", "name", "lot", "price", "kind"].contains(key) else {
                throw SimConfigurationError("\(file):\(line): unknown key '\(key)' (expected code, name, lot, price, kind)")
            }
            guard records[records.count - 1].fields[key] == nil else {
                throw SimConfigurationError("\(file):\(line): '\(key)' is given twice in one instrument")
            }
            let value = try tomlValue(content[content.index(after: eq)...].trimmingCharacters(in: .whitespaces),
                                      file: file, line: line)
            records[records.count - 1].fields[key] = (value, line)
        }
        var out: [Instrument] = []
        var seen: [SecurityCode: Int] = [:]
        for r in records {
            let instrument = try make(r, file: file)
            if let first = seen[instrument.code] {
                throw SimConfigurationError("\(file):\(r.line): \(instrument.code) is already listed on line \(first)")
            }
            seen[instrument.code] = r.line
            out.append(instrument)
        }
        return out
    }

    /// The line without a `#` comment (a `#` inside a string stays).
    private static func stripComment(_ line: String) -> String {
        var inString = false
        var previous: Character = " "
        for (offset, c) in line.enumerated() {
            if c == "\"" && previous != "\\" { inString.toggle() }
            if c == "#" && !inString { return String(line.prefix(offset)) }
            previous = c
        }
        return line
    }

    /// A TOML basic string, integer or float, as text.
    private static func tomlValue(_ text: String, file: String, line: Int) throws(SimConfigurationError) -> String {
        if text.hasPrefix("\"") {
            guard text.count >= 2, text.hasSuffix("\"") else {
                throw SimConfigurationError("\(file):\(line): unterminated string")
            }
            return String(text.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
                .replacingOccurrences(of: "\\\\", with: "\\")
        }
        let number = text.replacingOccurrences(of: "_", with: "")
        guard !number.isEmpty, Double(number) != nil else {
            throw SimConfigurationError("\(file):\(line): expected a quoted string or a number, found \(text)")
        }
        return number
    }

    /// Checks one record and builds its instrument.
    static func make(_ r: Record, file: String) throws(SimConfigurationError) -> Instrument {
        func field(_ key: String) throws(SimConfigurationError) -> (value: String, line: Int) {
            guard let f = r.fields[key], !f.value.isEmpty else {
                throw SimConfigurationError("\(file):\(r.line): missing '\(key)'")
            }
            return f
        }
        let code = try field("code")
        var kind = SecurityKind.stock
        if let k = r.fields["kind"], !k.value.isEmpty {
            switch k.value.lowercased() {
            case "stock": kind = .stock
            case "fund", "etf": kind = .fund
            case "index": kind = .index
            case "future": kind = .future
            default:
                throw SimConfigurationError("\(file):\(k.line): kind must be stock, fund, etf, index or future, found '\(k.value)'")
            }
        }
        guard let parsed = parseCode(code.value, kind: kind) else {
            throw SimConfigurationError("\(file):\(code.line): '\(code.value)' is not a code like HK.00700, US.AAPL, SH.600519 or SZ.000001")
        }
        let name = try field("name")
        let lot = try field("lot")
        guard let lotSize = Int64(lot.value), lotSize > 0, lotSize <= 1_000_000 else {
            throw SimConfigurationError("\(file):\(lot.line): lot must be a whole number of shares from 1 to 1000000, found '\(lot.value)'")
        }
        let priceField = try field("price")
        let rules = Instrument.tickRules(parsed, kind)
        guard let price = Price(priceField.value), price > .zero, price >= rules.minimum,
              rules.maximum.map({ price <= $0 }) ?? true, price < Price(units: 1_000_000) else {
            throw SimConfigurationError("\(file):\(priceField.line): price must be a positive decimal within the market's price range, found '\(priceField.value)'")
        }
        return Instrument(code: parsed, name.value, lot: lotSize, price: price, kind: kind)
    }

    /// A security code; indexes and futures may use their exchange's symbols (HK.HSImain, HK.800000).
    private static func parseCode(_ text: String, kind: SecurityKind) -> SecurityCode? {
        if let code = try? SecurityCode(parsing: text) { return code }
        guard kind == .index || kind == .future, let dot = text.firstIndex(of: ".") else { return nil }
        let symbol = String(text[text.index(after: dot)...])
        guard let market = Market(rawValue: text[..<dot].uppercased()), (1...12).contains(symbol.count),
              symbol.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        return SecurityCode(market: market, symbol: symbol)
    }
}
