import FuzzSupport
import MooApp
import TradingKit

/// Fuzzes the `:` order command line (``OrderCommandLine/parse(_:)``) with arbitrary text.
/// Invariants: a command or an ``OrderCommandError``; the leading `:` is optional (a line that
/// does not start with one reads the same with one); an order has a positive quantity and a market order no price.
enum OrderCommandTarget {
    static func run(_ data: UnsafeRawBufferPointer) {
        let line = String(decoding: data, as: UTF8.self)
        let outcome = Result { () throws(OrderCommandError) in try OrderCommandLine.parse(line) }
        // (Unless the colon would fuse with a combining mark that starts the line.)
        if line.drop(while: { $0 == " " || $0 == "\t" }).first != ":", (":" + line).first == ":" {
            let colon = Result { () throws(OrderCommandError) in try OrderCommandLine.parse(":" + line) }
            fuzzRequire(colon == outcome, "\"\(line)\" reads as \(outcome), with a colon as \(colon)")
        }
        if case .success(.order(_, let quantity, _, let price, let type, _)) = outcome {
            if case .shares(let n) = quantity { fuzzRequire(n > 0, "quantity \(n) in \"\(line)\"") }
            if type == .market { fuzzRequire(price == nil, "a market order with a price in \"\(line)\"") }
        }
    }
}

@main enum Entry { static func main() { FuzzMain.run("fuzz-order-command", OrderCommandTarget.run) } }
