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
        if line.drop(while: { $0 == " " || $0 == "\t" }).first != ":" {
            let colon = Result { () throws(OrderCommandError) in try OrderCommandLine.parse(":" + line) }
            fuzzRequire(colon == outcome, "\"\(line)\" reads as \(outcome), with a colon as \(colon)")
        }
        if case .success(.order(_, let quantity, _, let price, let type, _)) = outcome {
            if case .shares(let n) = quantity { fuzzRequire(n > 0, "quantity \(n) in \"\(line)\"") }
            if type == .market { fuzzRequire(price == nil, "a market order with a price in \"\(line)\"") }
        }
    }
}

#if MOOTUI_FUZZ
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    OrderCommandTarget.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

@_cdecl("fuzz_order_command_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    fuzzDriverMain(argc, argv, fuzzTestOneInput)
}
#else
@main enum Replay { static func main() { FuzzReplay.main("fuzz-order-command", OrderCommandTarget.run) } }
#endif
