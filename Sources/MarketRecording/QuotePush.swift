import OpenDProtocol
import SwiftProtobuf
import TradingKit

/// The (code, sub-type) a recorded quote push belongs to, read from its body. Basic-quote
/// pushes may carry several codes; each is one key.
public enum QuotePush {
    /// The OpenD SubTypes of the quote pushes: 1 quote, 2 order book, 4 ticker, 5 time-share,
    /// 6...13 K-lines, 14 broker queue.
    public static func keys(protoID: UInt32, body: [UInt8]) -> [RecordingHeader.Subscription] {
        func code(_ s: QotCommon_Security) -> String? { Market(qotMarket: s.market).map { "\($0.rawValue).\(s.code)" } }
        func one(_ s: QotCommon_Security, _ subType: Int32) -> [RecordingHeader.Subscription] {
            code(s).map { [RecordingHeader.Subscription(code: $0, subType: subType)] } ?? []
        }
        do {
            switch protoID {
            case ProtoID.qotUpdateBasicQot.rawValue:
                let r = try QotUpdateBasicQot_Response(serializedBytes: body)
                return r.s2C.basicQotList.flatMap { one($0.security, 1) }
            case ProtoID.qotUpdateOrderBook.rawValue:
                return one(try QotUpdateOrderBook_Response(serializedBytes: body).s2C.security, 2)
            case ProtoID.qotUpdateTicker.rawValue:
                return one(try QotUpdateTicker_Response(serializedBytes: body).s2C.security, 4)
            case ProtoID.qotUpdateRT.rawValue:
                return one(try QotUpdateRT_Response(serializedBytes: body).s2C.security, 5)
            case ProtoID.qotUpdateKL.rawValue:
                let s2c = try QotUpdateKL_Response(serializedBytes: body).s2C
                guard let period = BarPeriod(klType: s2c.klType) else { return [] }
                return one(s2c.security, period.subType)
            case ProtoID.qotUpdateBroker.rawValue:
                return one(try QotUpdateBroker_Response(serializedBytes: body).s2C.security, 14)
            default:
                return []
            }
        } catch {
            return []
        }
    }

    /// A short name of an OpenD SubType for people: quote, book, ticker, rt, broker, kline-1m ...
    public static func name(subType: Int32) -> String {
        switch subType {
        case 1: "quote"
        case 2: "book"
        case 4: "ticker"
        case 5: "rt"
        case 14: "broker"
        default: BarPeriod(subType: subType).map { "kline-\($0.rawValue)" } ?? "subtype-\(subType)"
        }
    }
}
