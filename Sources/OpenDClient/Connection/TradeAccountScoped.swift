import OpenDProtocol

/// A trade request body whose `TrdHeader` names the account, so per-account limits can be applied.
public protocol TradeAccountScoped {
    var header: TrdCommon_TrdHeader { get }
}

extension TrdPlaceOrder_C2S: TradeAccountScoped {}
extension TrdModifyOrder_C2S: TradeAccountScoped {}
extension TrdGetFunds_C2S: TradeAccountScoped {}
extension TrdGetPositionList_C2S: TradeAccountScoped {}
extension TrdGetMaxTrdQtys_C2S: TradeAccountScoped {}
extension TrdGetOrderList_C2S: TradeAccountScoped {}
extension TrdGetOrderFillList_C2S: TradeAccountScoped {}
extension TrdGetHistoryOrderList_C2S: TradeAccountScoped {}
extension TrdGetHistoryOrderFillList_C2S: TradeAccountScoped {}
extension TrdGetOrderFee_C2S: TradeAccountScoped {}
