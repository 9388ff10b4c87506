import Foundation
import MarketRecording
import OpenDProtocol
import TradingKit

/// `--export csv`: per code, CODE.ticks.csv (one row per ticker print) and CODE.books.csv (one row
/// per order-book push, ten levels a side). Prices are exact decimals (converted once from the
/// wire's doubles with TradingKit's rounding); `recv_ns` is the receive time of the push.
enum CSVExport {
    static let depth = 10

    /// Writes the files; returns one line per file written.
    static func write(_ contents: RecordingContents, to directory: String) throws -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw OneShotError("cannot create \(directory): \(error.localizedDescription)")
        }
        var ticks: [String: [String]] = [:]
        var books: [String: [String]] = [:]
        for case .frame(let f) in contents.entries where f.isPush {
            switch f.protoID {
            case ProtoID.qotUpdateTicker.rawValue:
                guard let s2c = try? QotUpdateTicker_Response(serializedBytes: f.body).s2C, let code = code(s2c.security)
                else { continue }
                for t in s2c.tickerList {
                    ticks[code, default: []].append(
                        [
                            "\(f.receivedNanoseconds)", field(t.time), "\(t.sequence)", Price(wire: t.price).formatted(),
                            "\(t.volume)", Price(wire: t.turnover).formatted(), direction(t.dir),
                        ].joined(separator: ","))
                }
            case ProtoID.qotUpdateOrderBook.rawValue:
                guard let s2c = try? QotUpdateOrderBook_Response(serializedBytes: f.body).s2C, let code = code(s2c.security)
                else { continue }
                var row = ["\(f.receivedNanoseconds)"]
                for side in [s2c.orderBookBidList, s2c.orderBookAskList] {
                    for i in 0..<depth {
                        if i < side.count {
                            row += [Price(wire: side[i].price).formatted(), "\(side[i].volume)", "\(side[i].orederCount)"]
                        } else {
                            row += ["", "", ""]
                        }
                    }
                }
                books[code, default: []].append(row.joined(separator: ","))
            default: continue
            }
        }
        var lines: [String] = []
        func save(_ rows: [String: [String]], _ suffix: String, _ header: String) throws {
            for (code, body) in rows.sorted(by: { $0.key < $1.key }) {
                let path = (directory as NSString).appendingPathComponent("\(code).\(suffix).csv")
                let text = header + "\n" + body.joined(separator: "\n") + "\n"
                guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
                    throw OneShotError("cannot write \(path)")
                }
                lines.append("wrote \(path) (\(body.count) rows)")
            }
        }
        try save(ticks, "ticks", "recv_ns,time,sequence,price,volume,turnover,direction")
        let levels = (1...depth).flatMap { ["bid\($0)_price", "bid\($0)_volume", "bid\($0)_orders"] }
            + (1...depth).flatMap { ["ask\($0)_price", "ask\($0)_volume", "ask\($0)_orders"] }
        try save(books, "books", (["recv_ns"] + levels).joined(separator: ","))
        if lines.isEmpty { lines.append("no ticker or order-book pushes in the recording: nothing written") }
        return lines
    }

    private static func code(_ s: QotCommon_Security) -> String? {
        Market(qotMarket: s.market).map { "\($0.rawValue).\(s.code)" }
    }

    /// A CSV field: quoted when it holds a comma or quote.
    private static func field(_ s: String) -> String {
        guard s.contains(",") || s.contains("\"") else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func direction(_ dir: Int32) -> String {
        switch dir {
        case 1: "buy"
        case 2: "sell"
        case 3: "neutral"
        default: "unknown"
        }
    }
}
