import FuzzSupport
import NIOCore
import OpenDClient
import OpenDProtocol
import TradingKit

/// Fuzzes the client's reply path: the response of every request proto id the client sends,
/// protobuf or JSON (input framing: ``FuzzMessageInput``), decoded as the connection does
/// (generated decoder, then retType) and turned into domain values with the conversions the
/// ``OpenDClient`` API uses. InitConnect replies also build the session cipher they name.
///
/// Invariant: nothing crashes; bad replies only ever throw.
enum ClientResponseTarget {
    typealias Conversion = @Sendable (Frame) throws -> Void

    static let conversions: [UInt32: Conversion] = [
        ProtoID.initConnect.rawValue: { frame in
            let s = try s2c(frame, InitConnect_Response.self)
            if s.hasAesCbciv {
                _ = try AESCBCCipher(key: s.connAeskey, iv: s.aesCbciv)
            } else {
                _ = try FTAESECBCipher(key: s.connAeskey)
            }
        },
        ProtoID.getGlobalState.rawValue: { _ = try s2c($0, GetGlobalState_Response.self) },
        ProtoID.keepAlive.rawValue: { _ = try s2c($0, KeepAlive_Response.self).time },
        ProtoID.trdGetAccList.rawValue: { _ = try s2c($0, TrdGetAccList_Response.self).accList.map(Account.init(wire:)) },
        ProtoID.trdUnlockTrade.rawValue: { _ = try s2c($0, TrdUnlockTrade_Response.self) },
        ProtoID.trdSubAccPush.rawValue: { _ = try s2c($0, TrdSubAccPush_Response.self) },
        ProtoID.trdGetFunds.rawValue: { frame in
            let s = try s2c(frame, TrdGetFunds_Response.self)
            if s.hasFunds { _ = Funds(wire: s.funds, fallbackCurrency: "HKD") }
        },
        ProtoID.trdGetPositionList.rawValue: { frame in
            let s = try s2c(frame, TrdGetPositionList_Response.self)
            _ = try s.positionList.map { try Position(wire: $0, trdMarket: s.header.trdMarket) }
        },
        ProtoID.trdGetMaxTrdQtys.rawValue: { frame in
            let s = try s2c(frame, TrdGetMaxTrdQtys_Response.self)
            if s.hasMaxTrdQtys { _ = MaxQuantities(wire: s.maxTrdQtys) }
        },
        ProtoID.trdGetOrderList.rawValue: { frame in
            let s = try s2c(frame, TrdGetOrderList_Response.self)
            _ = try s.orderList.map { try Order(wire: $0, accountID: 1, trdMarket: s.header.trdMarket) }
        },
        ProtoID.trdPlaceOrder.rawValue: { frame in
            let s = try s2c(frame, TrdPlaceOrder_Response.self)
            _ = s.hasOrderIdex && !s.orderIdex.isEmpty ? s.orderIdex : String(s.orderID)
        },
        ProtoID.trdModifyOrder.rawValue: { _ = try s2c($0, TrdModifyOrder_Response.self) },
        ProtoID.trdGetOrderFillList.rawValue: { frame in
            let s = try s2c(frame, TrdGetOrderFillList_Response.self)
            _ = try s.orderFillList.map { try Fill(wire: $0, accountID: 1, trdMarket: s.header.trdMarket) }
        },
        ProtoID.qotSub.rawValue: { _ = try s2c($0, QotSub_Response.self) },
        ProtoID.qotRegQotPush.rawValue: { _ = try s2c($0, QotRegQotPush_Response.self) },
        ProtoID.qotGetSubInfo.rawValue: { frame in
            let s = try s2c(frame, QotGetSubInfo_Response.self)
            for conn in s.connSubInfoList where conn.isOwnConnData {
                for sub in conn.subInfoList {
                    _ = SubscriptionType(wireValue: sub.subType)
                    for security in sub.securityList { _ = try? SecurityCode(wire: security) }
                }
            }
            _ = (Int(s.totalUsedQuota), Int(s.remainQuota))
        },
        ProtoID.qotGetBasicQot.rawValue: { _ = try s2c($0, QotGetBasicQot_Response.self).basicQotList.map(Quote.init(wire:)) },
        ProtoID.qotGetKL.rawValue: { _ = try s2c($0, QotGetKL_Response.self).klList.map(Bar.init(wire:)) },
        ProtoID.qotGetTicker.rawValue: { _ = try s2c($0, QotGetTicker_Response.self).tickerList.map(Tick.init(wire:)) },
        ProtoID.qotGetOrderBook.rawValue: { _ = try OrderBook(wire: try s2c($0, QotGetOrderBook_Response.self)) },
        ProtoID.qotRequestHistoryKL.rawValue: { frame in
            let s = try s2c(frame, QotRequestHistoryKL_Response.self)
            _ = s.klList.filter { !$0.isBlank }.map(Bar.init(wire:))
            _ = s.hasNextReqKey ? Array(s.nextReqKey) : []
        },
        ProtoID.qotGetStaticInfo.rawValue: { frame in
            _ = try s2c(frame, QotGetStaticInfo_Response.self).staticInfoList.map(SecurityInfo.init(wire:))
        },
        ProtoID.qotGetSecuritySnapshot.rawValue: { frame in
            _ = try s2c(frame, QotGetSecuritySnapshot_Response.self).snapshotList.map(Snapshot.init(wire:))
        },
        ProtoID.qotGetMarketState.rawValue: { frame in
            for info in try s2c(frame, QotGetMarketState_Response.self).marketInfoList {
                _ = (try SecurityCode(wire: info.security), MarketState(wireValue: info.marketState))
            }
        },
    ]
    static let ids = conversions.keys.sorted()

    /// The S2C of a reply, as the connection unpacks it: a decoding error, or retType ≠ 0, throws.
    static func s2c<R: OpenDResponse>(_ frame: Frame, _ type: R.Type) throws -> R.S2C {
        let response = try frame.decode(R.self)
        guard response.retType == 0 else { throw Rejected() }
        return response.s2C
    }

    struct Rejected: Error {}

    static func run(_ data: UnsafeRawBufferPointer) {
        guard let input = FuzzMessageInput(data, choosingFrom: ids), let convert = conversions[input.protoID] else {
            return
        }
        let frame = Frame(protoID: input.protoID, format: input.json ? .json : .protobuf, serial: 1,
                          body: ByteBuffer(bytes: input.body))
        do {
            try convert(frame)
        } catch {
            _ = "\(error)"  // every error must be describable
        }
    }
}

@main enum Entry { static func main() { FuzzMain.run("fuzz-client-response", ClientResponseTarget.run) } }
