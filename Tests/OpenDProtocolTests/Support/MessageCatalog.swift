import OpenDProtocol
import SwiftProtobuf

/// Every generated Request/Response type, looked up by its protobuf name ("Qot_Sub.Request").
enum MessageCatalog {
    static let all: [any SwiftProtobuf.Message.Type] = [
        GetGlobalState_Request.self,
        GetGlobalState_Response.self,
        InitConnect_Request.self,
        InitConnect_Response.self,
        KeepAlive_Request.self,
        KeepAlive_Response.self,
        Notify_Response.self,
        QotGetBasicQot_Request.self,
        QotGetBasicQot_Response.self,
        QotGetBroker_Request.self,
        QotGetBroker_Response.self,
        QotGetCapitalDistribution_Request.self,
        QotGetCapitalDistribution_Response.self,
        QotGetCapitalFlow_Request.self,
        QotGetCapitalFlow_Response.self,
        QotGetKL_Request.self,
        QotGetKL_Response.self,
        QotGetMarketState_Request.self,
        QotGetMarketState_Response.self,
        QotGetOrderBook_Request.self,
        QotGetOrderBook_Response.self,
        QotGetOwnerPlate_Request.self,
        QotGetOwnerPlate_Response.self,
        QotGetPlateSecurity_Request.self,
        QotGetPlateSecurity_Response.self,
        QotGetPlateSet_Request.self,
        QotGetPlateSet_Response.self,
        QotGetPriceReminder_Request.self,
        QotGetPriceReminder_Response.self,
        QotGetRT_Request.self,
        QotGetRT_Response.self,
        QotGetSecuritySnapshot_Request.self,
        QotGetSecuritySnapshot_Response.self,
        QotGetStaticInfo_Request.self,
        QotGetStaticInfo_Response.self,
        QotGetSubInfo_Request.self,
        QotGetSubInfo_Response.self,
        QotGetTicker_Request.self,
        QotGetTicker_Response.self,
        QotGetUserSecurityGroup_Request.self,
        QotGetUserSecurityGroup_Response.self,
        QotGetUserSecurity_Request.self,
        QotGetUserSecurity_Response.self,
        QotModifyUserSecurity_Request.self,
        QotModifyUserSecurity_Response.self,
        QotRegQotPush_Request.self,
        QotRegQotPush_Response.self,
        QotRequestHistoryKLQuota_Request.self,
        QotRequestHistoryKLQuota_Response.self,
        QotRequestHistoryKL_Request.self,
        QotRequestHistoryKL_Response.self,
        QotRequestRehab_Request.self,
        QotRequestRehab_Response.self,
        QotRequestTradeDate_Request.self,
        QotRequestTradeDate_Response.self,
        QotSetPriceReminder_Request.self,
        QotSetPriceReminder_Response.self,
        QotStockFilter_Request.self,
        QotStockFilter_Response.self,
        QotSub_Request.self,
        QotSub_Response.self,
        QotUpdateBasicQot_Response.self,
        QotUpdateBroker_Response.self,
        QotUpdateKL_Response.self,
        QotUpdateOrderBook_Response.self,
        QotUpdatePriceReminder_Response.self,
        QotUpdateRT_Response.self,
        QotUpdateTicker_Response.self,
        TrdFlowSummary_Request.self,
        TrdFlowSummary_Response.self,
        TrdGetAccList_Request.self,
        TrdGetAccList_Response.self,
        TrdGetFunds_Request.self,
        TrdGetFunds_Response.self,
        TrdGetHistoryOrderFillList_Request.self,
        TrdGetHistoryOrderFillList_Response.self,
        TrdGetHistoryOrderList_Request.self,
        TrdGetHistoryOrderList_Response.self,
        TrdGetMarginRatio_Request.self,
        TrdGetMarginRatio_Response.self,
        TrdGetMaxTrdQtys_Request.self,
        TrdGetMaxTrdQtys_Response.self,
        TrdGetOrderFee_Request.self,
        TrdGetOrderFee_Response.self,
        TrdGetOrderFillList_Request.self,
        TrdGetOrderFillList_Response.self,
        TrdGetOrderList_Request.self,
        TrdGetOrderList_Response.self,
        TrdGetPositionList_Request.self,
        TrdGetPositionList_Response.self,
        TrdModifyOrder_Request.self,
        TrdModifyOrder_Response.self,
        TrdPlaceOrder_Request.self,
        TrdPlaceOrder_Response.self,
        TrdSubAccPush_Request.self,
        TrdSubAccPush_Response.self,
        TrdUnlockTrade_Request.self,
        TrdUnlockTrade_Response.self,
        TrdUpdateOrderFill_Response.self,
        TrdUpdateOrder_Response.self,
    ]

    private static let byName: [String: any SwiftProtobuf.Message.Type] =
        Dictionary(uniqueKeysWithValues: all.map { ($0.protoMessageName, $0) })

    /// The generated type whose protobuf full name is `name`.
    static func type(named name: String) -> (any SwiftProtobuf.Message.Type)? { byName[name] }

    /// Strict binary decode (required fields must be present) of `bytes` as `type`.
    static func decode<M: SwiftProtobuf.Message>(_ type: M.Type, _ bytes: [UInt8]) throws -> any SwiftProtobuf.Message {
        try M(serializedBytes: bytes)
    }

    /// The body of `frame` as `type`, honouring the frame's format byte (protobuf or JSON).
    static func decode<M: SwiftProtobuf.Message>(_ type: M.Type, frame: Frame) throws -> any SwiftProtobuf.Message {
        try frame.decode(M.self)
    }

    /// Canonical-JSON decode of `json` as `type`.
    static func decode<M: SwiftProtobuf.Message>(_ type: M.Type, json: String) throws -> any SwiftProtobuf.Message {
        try M(jsonString: json)
    }
}
