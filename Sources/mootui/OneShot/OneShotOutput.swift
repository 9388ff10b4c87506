import ArgumentParser
import Foundation
import Logging
import TradingKit

// What every one-shot command shares: the failure that becomes one line on stderr, the run
// wrapper that prints it, and the two output forms (aligned columns, one JSON document with exact
// decimal prices).

/// A failure of a one-shot command, already phrased for the trader.
struct OneShotError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// One-shot commands write nothing but their result to stdout and one line on failure to
/// stderr, so library logs are switched off (once per process).
enum OneShotLogging {
    static let quiet: Void = {
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
    }()
}

/// Runs a one-shot command body: on any failure prints exactly one line to stderr and exits non-zero.
func runOneShot(_ body: () async throws -> Void) async throws {
    OneShotLogging.quiet
    do {
        try await body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        let line = "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
        FileHandle.standardError.write(Data("mootui: \(line)\n".utf8))
        throw ExitCode(1)
    }
}

// Text output reads like the TUI: TradingKit's NumberFormat (prices at the instrument's tick
// precision, grouped quantities and money); --json keeps plain exact decimals.

/// A price at `code`'s precision: "502.500", "189.25".
func priceText(_ p: Price, _ code: SecurityCode, isFund: Bool = false) -> String {
    NumberFormat.price(p, code: code, isFund: isFund)
}

/// A grouped quantity: "1,500".
func quantityText(_ n: Int64) -> String { NumberFormat.quantity(n) }

/// A JSON document with exact decimal prices and keys in the order given.
indirect enum JSONValue {
    case string(String)
    case int(Int64)
    case uint(UInt64)
    case price(Price)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// Compact JSON text.
    var text: String {
        switch self {
        case .string(let s): return Self.quote(s)
        case .int(let i): return String(i)
        case .uint(let u): return String(u)
        case .price(let p): return p.formatted()
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items): return "[" + items.map(\.text).joined(separator: ",") + "]"
        case .object(let pairs):
            return "{" + pairs.map { Self.quote($0.0) + ":" + $0.1.text }.joined(separator: ",") + "}"
        }
    }

    private static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20: out += String(format: "\\u%04x", c.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

func printJSON(_ value: JSONValue) {
    Swift.print(value.text)
}

/// Columns padded to the widest cell (CJK characters count two), numbers right-aligned.
struct TextTable {
    private let headers: [String]
    private let leftAligned: Set<Int>
    private var rows: [[String]] = []

    init(_ headers: [String], leftAligned: Set<Int> = []) {
        self.headers = headers
        self.leftAligned = leftAligned
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    func print() {
        let all = [headers] + rows
        var widths = Array(repeating: 0, count: headers.count)
        for row in all {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], Self.width(cell)) }
        }
        for row in all {
            var line = ""
            for (i, cell) in row.enumerated() where i < widths.count {
                let pad = String(repeating: " ", count: widths[i] - Self.width(cell))
                if i > 0 { line += "  " }
                line += leftAligned.contains(i) ? cell + (i == row.count - 1 ? "" : pad) : pad + cell
            }
            Swift.print(line)
        }
    }

    /// Terminal columns of `s`: East Asian wide and full-width characters take two.
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { total, u in
            let v = u.value
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return total + (wide ? 2 : 1)
        }
    }
}
