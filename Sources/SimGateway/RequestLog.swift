import Foundation
import OpenDProtocol

/// The `--log FILE` request log: one JSON object per line with the time, connection, proto id,
/// serial and the decoded request. Trade passwords (their MD5) are redacted.
final class RequestLog {
    private let handle: FileHandle

    init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw LedgerError(description: "cannot create the request log \(path)")
            }
        }
        guard let h = FileHandle(forWritingAtPath: path) else {
            throw LedgerError(description: "cannot open the request log \(path)")
        }
        h.seekToEndOfFile()
        handle = h
    }

    /// Appends one line for `frame` received on `connection`.
    func record(_ frame: Frame, connection: UInt64, at date: Date) {
        var request = "null"
        if let text = Self.decodedJSON(frame) { request = text }
        let time = String(format: "%.6f", date.timeIntervalSince1970)
        let line = "{\"time\":\(time),\"conn\":\(connection),\"protoID\":\(frame.protoID),\"serial\":\(frame.serial),\"request\":\(request)}\n"
        handle.write(Data(line.utf8))
    }

    func close() { try? handle.close() }

    private static func decodedJSON(_ frame: Frame) -> String? {
        guard let id = frame.knownProtoID else { return nil }
        func json<M: OpenDRequest>(_ type: M.Type) -> String? {
            guard let m: M = try? frame.decode(type) else { return nil }
            return try? m.jsonString()
        }
        switch id {
        case .initConnect: return json(InitConnect_Request.self)
        case .getGlobalState: return json(GetGlobalState_Request.self)
        case .keepAlive: return json(KeepAlive_Request.self)
        case .trdGetAccList: return json(TrdGetAccList_Request.self)
        case .trdUnlockTrade:
            guard var m: TrdUnlockTrade_Request = try? frame.decode() else { return nil }
            if m.c2S.hasPwdMd5 { m.c2S.pwdMd5 = "***" }
            return try? m.jsonString()
        case .trdSubAccPush: return json(TrdSubAccPush_Request.self)
        case .trdGetFunds: return json(TrdGetFunds_Request.self)
        case .trdGetPositionList: return json(TrdGetPositionList_Request.self)
        case .trdGetMaxTrdQtys: return json(TrdGetMaxTrdQtys_Request.self)
        case .trdGetOrderList: return json(TrdGetOrderList_Request.self)
        case .trdPlaceOrder: return json(TrdPlaceOrder_Request.self)
        case .trdModifyOrder: return json(TrdModifyOrder_Request.self)
        case .trdGetOrderFillList: return json(TrdGetOrderFillList_Request.self)
        case .trdGetHistoryOrderList: return json(TrdGetHistoryOrderList_Request.self)
        case .trdGetHistoryOrderFillList: return json(TrdGetHistoryOrderFillList_Request.self)
        case .trdGetOrderFee: return json(TrdGetOrderFee_Request.self)
        case .qotSub: return json(QotSub_Request.self)
        case .qotRegQotPush: return json(QotRegQotPush_Request.self)
        case .qotGetSubInfo: return json(QotGetSubInfo_Request.self)
        case .qotGetBasicQot: return json(QotGetBasicQot_Request.self)
        case .qotGetKL: return json(QotGetKL_Request.self)
        case .qotGetRT: return json(QotGetRT_Request.self)
        case .qotGetTicker: return json(QotGetTicker_Request.self)
        case .qotGetOrderBook: return json(QotGetOrderBook_Request.self)
        case .qotGetBroker: return json(QotGetBroker_Request.self)
        case .qotRequestHistoryKL: return json(QotRequestHistoryKL_Request.self)
        case .qotRequestHistoryKLQuota: return json(QotRequestHistoryKLQuota_Request.self)
        case .qotGetStaticInfo: return json(QotGetStaticInfo_Request.self)
        case .qotGetSecuritySnapshot: return json(QotGetSecuritySnapshot_Request.self)
        case .qotGetMarketState: return json(QotGetMarketState_Request.self)
        default: return nil
        }
    }
}
