import FuzzSupport
import NIOCore
import OpenDClient
import OpenDProtocol
import TradingKit

/// Fuzzes the client's push path: ``PushDecoder`` on every push proto id, protobuf or JSON
/// bodies (input framing: ``FuzzMessageInput``).
///
/// Invariants: decoding returns events or throws, never crashes; and for order-book pushes
/// (3013) the fast ``OrderBookWireReader`` agrees with the generated decoder: when it returns a
/// book, the generated decoder must produce the same book, and when it reports a failed push,
/// the generated decoder must see retType ≠ 0.
enum ClientPushTarget {
    static let ids = ProtoID.allCases.filter(\.isPush).map(\.rawValue)

    static func run(_ data: UnsafeRawBufferPointer) {
        guard let input = FuzzMessageInput(data, choosingFrom: ids) else { return }
        let frame = Frame(protoID: input.protoID, format: input.json ? .json : .protobuf, serial: 1,
                          body: ByteBuffer(bytes: input.body))
        var events = 0
        do {
            try PushDecoder().decode(frame) { _ in events += 1 }
        } catch {
            _ = "\(error)"  // every error must be describable
        }
        if input.protoID == ProtoID.qotUpdateOrderBook.rawValue, !input.json {
            compareOrderBookReaders(input.body)
        }
    }

    /// The fast reader and the generated decoder must not disagree on what the push says.
    static func compareOrderBookReaders(_ body: UnsafeRawBufferPointer) {
        guard let fast = OrderBookWireReader.read(body) else { return }  // nil: the reader defers
        let generated = Result { try QotUpdateOrderBook_Response(serializedBytes: Array(body), partial: true) }
        switch (fast, generated) {
        case (.failed, .success(let r)):
            fuzzRequire(r.retType != 0, "the reader saw a failed push, the generated decoder retType 0")
        case (.book(let book), .success(let r)):
            fuzzRequire(r.retType == 0, "the reader saw a book, the generated decoder retType \(r.retType)")
            let slow = Result { try OrderBook(wire: r.s2C) }
            guard case .success(let expected) = slow else {
                fuzzRequire(false, "the reader made a book the generated path rejects: \(slow)")
                return
            }
            fuzzRequire(book == expected, "the reader's book \(book) differs from \(expected)")
        case (_, .failure(let error)):
            fuzzRequire(false, "the reader accepted a body the generated decoder rejects: \(error)")
        }
    }
}

@main enum Entry { static func main() { FuzzMain.run("fuzz-client-push", ClientPushTarget.run) } }
