// Protocol-id bindings for the generated messages. Written by hand from ProtoID; keep in step
// with Protos/ when a message is added.

import SwiftProtobuf

extension InitConnect_Response: OpenDResponse {
    public typealias S2C = InitConnect_S2C
    public static var protoID: ProtoID { .initConnect }
}
extension InitConnect_Request: OpenDRequest {
    public typealias C2S = InitConnect_C2S
    public typealias Response = InitConnect_Response
    public static var protoID: ProtoID { .initConnect }
}

extension GetGlobalState_Response: OpenDResponse {
    public typealias S2C = GetGlobalState_S2C
    public static var protoID: ProtoID { .getGlobalState }
}
extension GetGlobalState_Request: OpenDRequest {
    public typealias C2S = GetGlobalState_C2S
    public typealias Response = GetGlobalState_Response
    public static var protoID: ProtoID { .getGlobalState }
}

extension Notify_Response: OpenDResponse {
    public typealias S2C = Notify_S2C
    public static var protoID: ProtoID { .notify }
}

extension KeepAlive_Response: OpenDResponse {
    public typealias S2C = KeepAlive_S2C
    public static var protoID: ProtoID { .keepAlive }
}
extension KeepAlive_Request: OpenDRequest {
    public typealias C2S = KeepAlive_C2S
    public typealias Response = KeepAlive_Response
    public static var protoID: ProtoID { .keepAlive }
}

extension TrdGetAccList_Response: OpenDResponse {
    public typealias S2C = TrdGetAccList_S2C
    public static var protoID: ProtoID { .trdGetAccList }
}
extension TrdGetAccList_Request: OpenDRequest {
    public typealias C2S = TrdGetAccList_C2S
    public typealias Response = TrdGetAccList_Response
    public static var protoID: ProtoID { .trdGetAccList }
}

extension TrdUnlockTrade_Response: OpenDResponse {
    public typealias S2C = TrdUnlockTrade_S2C
    public static var protoID: ProtoID { .trdUnlockTrade }
}
extension TrdUnlockTrade_Request: OpenDRequest {
    public typealias C2S = TrdUnlockTrade_C2S
    public typealias Response = TrdUnlockTrade_Response
    public static var protoID: ProtoID { .trdUnlockTrade }
}

extension TrdSubAccPush_Response: OpenDResponse {
    public typealias S2C = TrdSubAccPush_S2C
    public static var protoID: ProtoID { .trdSubAccPush }
}
extension TrdSubAccPush_Request: OpenDRequest {
    public typealias C2S = TrdSubAccPush_C2S
    public typealias Response = TrdSubAccPush_Response
    public static var protoID: ProtoID { .trdSubAccPush }
}

extension TrdGetFunds_Response: OpenDResponse {
    public typealias S2C = TrdGetFunds_S2C
    public static var protoID: ProtoID { .trdGetFunds }
}
extension TrdGetFunds_Request: OpenDRequest {
    public typealias C2S = TrdGetFunds_C2S
    public typealias Response = TrdGetFunds_Response
    public static var protoID: ProtoID { .trdGetFunds }
}

extension TrdGetPositionList_Response: OpenDResponse {
    public typealias S2C = TrdGetPositionList_S2C
    public static var protoID: ProtoID { .trdGetPositionList }
}
extension TrdGetPositionList_Request: OpenDRequest {
    public typealias C2S = TrdGetPositionList_C2S
    public typealias Response = TrdGetPositionList_Response
    public static var protoID: ProtoID { .trdGetPositionList }
}

extension TrdGetMaxTrdQtys_Response: OpenDResponse {
    public typealias S2C = TrdGetMaxTrdQtys_S2C
    public static var protoID: ProtoID { .trdGetMaxTrdQtys }
}
extension TrdGetMaxTrdQtys_Request: OpenDRequest {
    public typealias C2S = TrdGetMaxTrdQtys_C2S
    public typealias Response = TrdGetMaxTrdQtys_Response
    public static var protoID: ProtoID { .trdGetMaxTrdQtys }
}

extension TrdGetOrderList_Response: OpenDResponse {
    public typealias S2C = TrdGetOrderList_S2C
    public static var protoID: ProtoID { .trdGetOrderList }
}
extension TrdGetOrderList_Request: OpenDRequest {
    public typealias C2S = TrdGetOrderList_C2S
    public typealias Response = TrdGetOrderList_Response
    public static var protoID: ProtoID { .trdGetOrderList }
}

extension TrdPlaceOrder_Response: OpenDResponse {
    public typealias S2C = TrdPlaceOrder_S2C
    public static var protoID: ProtoID { .trdPlaceOrder }
}
extension TrdPlaceOrder_Request: OpenDRequest {
    public typealias C2S = TrdPlaceOrder_C2S
    public typealias Response = TrdPlaceOrder_Response
    public static var protoID: ProtoID { .trdPlaceOrder }
}

extension TrdModifyOrder_Response: OpenDResponse {
    public typealias S2C = TrdModifyOrder_S2C
    public static var protoID: ProtoID { .trdModifyOrder }
}
extension TrdModifyOrder_Request: OpenDRequest {
    public typealias C2S = TrdModifyOrder_C2S
    public typealias Response = TrdModifyOrder_Response
    public static var protoID: ProtoID { .trdModifyOrder }
}

extension TrdUpdateOrder_Response: OpenDResponse {
    public typealias S2C = TrdUpdateOrder_S2C
    public static var protoID: ProtoID { .trdUpdateOrder }
}

extension TrdGetOrderFillList_Response: OpenDResponse {
    public typealias S2C = TrdGetOrderFillList_S2C
    public static var protoID: ProtoID { .trdGetOrderFillList }
}
extension TrdGetOrderFillList_Request: OpenDRequest {
    public typealias C2S = TrdGetOrderFillList_C2S
    public typealias Response = TrdGetOrderFillList_Response
    public static var protoID: ProtoID { .trdGetOrderFillList }
}

extension TrdUpdateOrderFill_Response: OpenDResponse {
    public typealias S2C = TrdUpdateOrderFill_S2C
    public static var protoID: ProtoID { .trdUpdateOrderFill }
}

extension TrdGetHistoryOrderList_Response: OpenDResponse {
    public typealias S2C = TrdGetHistoryOrderList_S2C
    public static var protoID: ProtoID { .trdGetHistoryOrderList }
}
extension TrdGetHistoryOrderList_Request: OpenDRequest {
    public typealias C2S = TrdGetHistoryOrderList_C2S
    public typealias Response = TrdGetHistoryOrderList_Response
    public static var protoID: ProtoID { .trdGetHistoryOrderList }
}

extension TrdGetHistoryOrderFillList_Response: OpenDResponse {
    public typealias S2C = TrdGetHistoryOrderFillList_S2C
    public static var protoID: ProtoID { .trdGetHistoryOrderFillList }
}
extension TrdGetHistoryOrderFillList_Request: OpenDRequest {
    public typealias C2S = TrdGetHistoryOrderFillList_C2S
    public typealias Response = TrdGetHistoryOrderFillList_Response
    public static var protoID: ProtoID { .trdGetHistoryOrderFillList }
}

extension TrdGetOrderFee_Response: OpenDResponse {
    public typealias S2C = TrdGetOrderFee_S2C
    public static var protoID: ProtoID { .trdGetOrderFee }
}
extension TrdGetOrderFee_Request: OpenDRequest {
    public typealias C2S = TrdGetOrderFee_C2S
    public typealias Response = TrdGetOrderFee_Response
    public static var protoID: ProtoID { .trdGetOrderFee }
}

extension QotSub_Response: OpenDResponse {
    public typealias S2C = QotSub_S2C
    public static var protoID: ProtoID { .qotSub }
}
extension QotSub_Request: OpenDRequest {
    public typealias C2S = QotSub_C2S
    public typealias Response = QotSub_Response
    public static var protoID: ProtoID { .qotSub }
}

extension QotRegQotPush_Response: OpenDResponse {
    public typealias S2C = QotRegQotPush_S2C
    public static var protoID: ProtoID { .qotRegQotPush }
}
extension QotRegQotPush_Request: OpenDRequest {
    public typealias C2S = QotRegQotPush_C2S
    public typealias Response = QotRegQotPush_Response
    public static var protoID: ProtoID { .qotRegQotPush }
}

extension QotGetSubInfo_Response: OpenDResponse {
    public typealias S2C = QotGetSubInfo_S2C
    public static var protoID: ProtoID { .qotGetSubInfo }
}
extension QotGetSubInfo_Request: OpenDRequest {
    public typealias C2S = QotGetSubInfo_C2S
    public typealias Response = QotGetSubInfo_Response
    public static var protoID: ProtoID { .qotGetSubInfo }
}

extension QotGetBasicQot_Response: OpenDResponse {
    public typealias S2C = QotGetBasicQot_S2C
    public static var protoID: ProtoID { .qotGetBasicQot }
}
extension QotGetBasicQot_Request: OpenDRequest {
    public typealias C2S = QotGetBasicQot_C2S
    public typealias Response = QotGetBasicQot_Response
    public static var protoID: ProtoID { .qotGetBasicQot }
}

extension QotUpdateBasicQot_Response: OpenDResponse {
    public typealias S2C = QotUpdateBasicQot_S2C
    public static var protoID: ProtoID { .qotUpdateBasicQot }
}

extension QotGetKL_Response: OpenDResponse {
    public typealias S2C = QotGetKL_S2C
    public static var protoID: ProtoID { .qotGetKL }
}
extension QotGetKL_Request: OpenDRequest {
    public typealias C2S = QotGetKL_C2S
    public typealias Response = QotGetKL_Response
    public static var protoID: ProtoID { .qotGetKL }
}

extension QotUpdateKL_Response: OpenDResponse {
    public typealias S2C = QotUpdateKL_S2C
    public static var protoID: ProtoID { .qotUpdateKL }
}

extension QotGetRT_Response: OpenDResponse {
    public typealias S2C = QotGetRT_S2C
    public static var protoID: ProtoID { .qotGetRT }
}
extension QotGetRT_Request: OpenDRequest {
    public typealias C2S = QotGetRT_C2S
    public typealias Response = QotGetRT_Response
    public static var protoID: ProtoID { .qotGetRT }
}

extension QotUpdateRT_Response: OpenDResponse {
    public typealias S2C = QotUpdateRT_S2C
    public static var protoID: ProtoID { .qotUpdateRT }
}

extension QotGetTicker_Response: OpenDResponse {
    public typealias S2C = QotGetTicker_S2C
    public static var protoID: ProtoID { .qotGetTicker }
}
extension QotGetTicker_Request: OpenDRequest {
    public typealias C2S = QotGetTicker_C2S
    public typealias Response = QotGetTicker_Response
    public static var protoID: ProtoID { .qotGetTicker }
}

extension QotUpdateTicker_Response: OpenDResponse {
    public typealias S2C = QotUpdateTicker_S2C
    public static var protoID: ProtoID { .qotUpdateTicker }
}

extension QotGetOrderBook_Response: OpenDResponse {
    public typealias S2C = QotGetOrderBook_S2C
    public static var protoID: ProtoID { .qotGetOrderBook }
}
extension QotGetOrderBook_Request: OpenDRequest {
    public typealias C2S = QotGetOrderBook_C2S
    public typealias Response = QotGetOrderBook_Response
    public static var protoID: ProtoID { .qotGetOrderBook }
}

extension QotUpdateOrderBook_Response: OpenDResponse {
    public typealias S2C = QotUpdateOrderBook_S2C
    public static var protoID: ProtoID { .qotUpdateOrderBook }
}

extension QotGetBroker_Response: OpenDResponse {
    public typealias S2C = QotGetBroker_S2C
    public static var protoID: ProtoID { .qotGetBroker }
}
extension QotGetBroker_Request: OpenDRequest {
    public typealias C2S = QotGetBroker_C2S
    public typealias Response = QotGetBroker_Response
    public static var protoID: ProtoID { .qotGetBroker }
}

extension QotUpdateBroker_Response: OpenDResponse {
    public typealias S2C = QotUpdateBroker_S2C
    public static var protoID: ProtoID { .qotUpdateBroker }
}

extension QotRequestHistoryKL_Response: OpenDResponse {
    public typealias S2C = QotRequestHistoryKL_S2C
    public static var protoID: ProtoID { .qotRequestHistoryKL }
}
extension QotRequestHistoryKL_Request: OpenDRequest {
    public typealias C2S = QotRequestHistoryKL_C2S
    public typealias Response = QotRequestHistoryKL_Response
    public static var protoID: ProtoID { .qotRequestHistoryKL }
}

extension QotRequestHistoryKLQuota_Response: OpenDResponse {
    public typealias S2C = QotRequestHistoryKLQuota_S2C
    public static var protoID: ProtoID { .qotRequestHistoryKLQuota }
}
extension QotRequestHistoryKLQuota_Request: OpenDRequest {
    public typealias C2S = QotRequestHistoryKLQuota_C2S
    public typealias Response = QotRequestHistoryKLQuota_Response
    public static var protoID: ProtoID { .qotRequestHistoryKLQuota }
}

extension QotGetStaticInfo_Response: OpenDResponse {
    public typealias S2C = QotGetStaticInfo_S2C
    public static var protoID: ProtoID { .qotGetStaticInfo }
}
extension QotGetStaticInfo_Request: OpenDRequest {
    public typealias C2S = QotGetStaticInfo_C2S
    public typealias Response = QotGetStaticInfo_Response
    public static var protoID: ProtoID { .qotGetStaticInfo }
}

extension QotGetSecuritySnapshot_Response: OpenDResponse {
    public typealias S2C = QotGetSecuritySnapshot_S2C
    public static var protoID: ProtoID { .qotGetSecuritySnapshot }
}
extension QotGetSecuritySnapshot_Request: OpenDRequest {
    public typealias C2S = QotGetSecuritySnapshot_C2S
    public typealias Response = QotGetSecuritySnapshot_Response
    public static var protoID: ProtoID { .qotGetSecuritySnapshot }
}

extension QotGetMarketState_Response: OpenDResponse {
    public typealias S2C = QotGetMarketState_S2C
    public static var protoID: ProtoID { .qotGetMarketState }
}
extension QotGetMarketState_Request: OpenDRequest {
    public typealias C2S = QotGetMarketState_C2S
    public typealias Response = QotGetMarketState_Response
    public static var protoID: ProtoID { .qotGetMarketState }
}

// Issue 11 (SDK users' everyday calls): one contiguous block.

extension TrdGetMarginRatio_Response: OpenDResponse {
    public typealias S2C = TrdGetMarginRatio_S2C
    public static var protoID: ProtoID { .trdGetMarginRatio }
}
extension TrdGetMarginRatio_Request: OpenDRequest {
    public typealias C2S = TrdGetMarginRatio_C2S
    public typealias Response = TrdGetMarginRatio_Response
    public static var protoID: ProtoID { .trdGetMarginRatio }
}

extension TrdFlowSummary_Response: OpenDResponse {
    public typealias S2C = TrdFlowSummary_S2C
    public static var protoID: ProtoID { .trdFlowSummary }
}
extension TrdFlowSummary_Request: OpenDRequest {
    public typealias C2S = TrdFlowSummary_C2S
    public typealias Response = TrdFlowSummary_Response
    public static var protoID: ProtoID { .trdFlowSummary }
}

extension QotRequestRehab_Response: OpenDResponse {
    public typealias S2C = QotRequestRehab_S2C
    public static var protoID: ProtoID { .qotRequestRehab }
}
extension QotRequestRehab_Request: OpenDRequest {
    public typealias C2S = QotRequestRehab_C2S
    public typealias Response = QotRequestRehab_Response
    public static var protoID: ProtoID { .qotRequestRehab }
}

extension QotGetPlateSet_Response: OpenDResponse {
    public typealias S2C = QotGetPlateSet_S2C
    public static var protoID: ProtoID { .qotGetPlateSet }
}
extension QotGetPlateSet_Request: OpenDRequest {
    public typealias C2S = QotGetPlateSet_C2S
    public typealias Response = QotGetPlateSet_Response
    public static var protoID: ProtoID { .qotGetPlateSet }
}

extension QotGetPlateSecurity_Response: OpenDResponse {
    public typealias S2C = QotGetPlateSecurity_S2C
    public static var protoID: ProtoID { .qotGetPlateSecurity }
}
extension QotGetPlateSecurity_Request: OpenDRequest {
    public typealias C2S = QotGetPlateSecurity_C2S
    public typealias Response = QotGetPlateSecurity_Response
    public static var protoID: ProtoID { .qotGetPlateSecurity }
}

extension QotGetOwnerPlate_Response: OpenDResponse {
    public typealias S2C = QotGetOwnerPlate_S2C
    public static var protoID: ProtoID { .qotGetOwnerPlate }
}
extension QotGetOwnerPlate_Request: OpenDRequest {
    public typealias C2S = QotGetOwnerPlate_C2S
    public typealias Response = QotGetOwnerPlate_Response
    public static var protoID: ProtoID { .qotGetOwnerPlate }
}

extension QotGetCapitalFlow_Response: OpenDResponse {
    public typealias S2C = QotGetCapitalFlow_S2C
    public static var protoID: ProtoID { .qotGetCapitalFlow }
}
extension QotGetCapitalFlow_Request: OpenDRequest {
    public typealias C2S = QotGetCapitalFlow_C2S
    public typealias Response = QotGetCapitalFlow_Response
    public static var protoID: ProtoID { .qotGetCapitalFlow }
}

extension QotGetCapitalDistribution_Response: OpenDResponse {
    public typealias S2C = QotGetCapitalDistribution_S2C
    public static var protoID: ProtoID { .qotGetCapitalDistribution }
}
extension QotGetCapitalDistribution_Request: OpenDRequest {
    public typealias C2S = QotGetCapitalDistribution_C2S
    public typealias Response = QotGetCapitalDistribution_Response
    public static var protoID: ProtoID { .qotGetCapitalDistribution }
}

extension QotGetUserSecurity_Response: OpenDResponse {
    public typealias S2C = QotGetUserSecurity_S2C
    public static var protoID: ProtoID { .qotGetUserSecurity }
}
extension QotGetUserSecurity_Request: OpenDRequest {
    public typealias C2S = QotGetUserSecurity_C2S
    public typealias Response = QotGetUserSecurity_Response
    public static var protoID: ProtoID { .qotGetUserSecurity }
}

extension QotModifyUserSecurity_Response: OpenDResponse {
    public typealias S2C = QotModifyUserSecurity_S2C
    public static var protoID: ProtoID { .qotModifyUserSecurity }
}
extension QotModifyUserSecurity_Request: OpenDRequest {
    public typealias C2S = QotModifyUserSecurity_C2S
    public typealias Response = QotModifyUserSecurity_Response
    public static var protoID: ProtoID { .qotModifyUserSecurity }
}

extension QotStockFilter_Response: OpenDResponse {
    public typealias S2C = QotStockFilter_S2C
    public static var protoID: ProtoID { .qotStockFilter }
}
extension QotStockFilter_Request: OpenDRequest {
    public typealias C2S = QotStockFilter_C2S
    public typealias Response = QotStockFilter_Response
    public static var protoID: ProtoID { .qotStockFilter }
}

extension QotRequestTradeDate_Response: OpenDResponse {
    public typealias S2C = QotRequestTradeDate_S2C
    public static var protoID: ProtoID { .qotRequestTradeDate }
}
extension QotRequestTradeDate_Request: OpenDRequest {
    public typealias C2S = QotRequestTradeDate_C2S
    public typealias Response = QotRequestTradeDate_Response
    public static var protoID: ProtoID { .qotRequestTradeDate }
}

extension QotSetPriceReminder_Response: OpenDResponse {
    public typealias S2C = QotSetPriceReminder_S2C
    public static var protoID: ProtoID { .qotSetPriceReminder }
}
extension QotSetPriceReminder_Request: OpenDRequest {
    public typealias C2S = QotSetPriceReminder_C2S
    public typealias Response = QotSetPriceReminder_Response
    public static var protoID: ProtoID { .qotSetPriceReminder }
}

extension QotGetPriceReminder_Response: OpenDResponse {
    public typealias S2C = QotGetPriceReminder_S2C
    public static var protoID: ProtoID { .qotGetPriceReminder }
}
extension QotGetPriceReminder_Request: OpenDRequest {
    public typealias C2S = QotGetPriceReminder_C2S
    public typealias Response = QotGetPriceReminder_Response
    public static var protoID: ProtoID { .qotGetPriceReminder }
}

extension QotGetUserSecurityGroup_Response: OpenDResponse {
    public typealias S2C = QotGetUserSecurityGroup_S2C
    public static var protoID: ProtoID { .qotGetUserSecurityGroup }
}
extension QotGetUserSecurityGroup_Request: OpenDRequest {
    public typealias C2S = QotGetUserSecurityGroup_C2S
    public typealias Response = QotGetUserSecurityGroup_Response
    public static var protoID: ProtoID { .qotGetUserSecurityGroup }
}

extension QotUpdatePriceReminder_Response: OpenDResponse {
    public typealias S2C = QotUpdatePriceReminder_S2C
    public static var protoID: ProtoID { .qotUpdatePriceReminder }
}
// End of the issue 11 block.
