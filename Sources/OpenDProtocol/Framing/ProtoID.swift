/// OpenD protocol identifiers (the `nProtoID` of a frame header) for the subset mootui speaks.
public enum ProtoID: UInt32, Sendable, CaseIterable, CustomStringConvertible {
    case initConnect = 1001
    case getGlobalState = 1002
    case notify = 1003
    case keepAlive = 1004

    case trdGetAccList = 2001
    case trdUnlockTrade = 2005
    case trdSubAccPush = 2008
    case trdGetFunds = 2101
    case trdGetPositionList = 2102
    case trdGetMaxTrdQtys = 2111
    case trdGetOrderList = 2201
    case trdPlaceOrder = 2202
    case trdModifyOrder = 2205
    case trdUpdateOrder = 2208
    case trdGetOrderFillList = 2211
    case trdUpdateOrderFill = 2218
    case trdGetHistoryOrderList = 2221
    case trdGetHistoryOrderFillList = 2222
    case trdGetOrderFee = 2225
    case trdGetMarginRatio = 2223
    case trdFlowSummary = 2226

    case qotSub = 3001
    case qotRegQotPush = 3002
    case qotGetSubInfo = 3003
    case qotGetBasicQot = 3004
    case qotUpdateBasicQot = 3005
    case qotGetKL = 3006
    case qotUpdateKL = 3007
    case qotGetRT = 3008
    case qotUpdateRT = 3009
    case qotGetTicker = 3010
    case qotUpdateTicker = 3011
    case qotGetOrderBook = 3012
    case qotUpdateOrderBook = 3013
    case qotGetBroker = 3014
    case qotUpdateBroker = 3015
    case qotRequestHistoryKL = 3103
    case qotRequestHistoryKLQuota = 3104
    case qotGetStaticInfo = 3202
    case qotGetSecuritySnapshot = 3203
    case qotGetMarketState = 3223
    case qotUpdatePriceReminder = 3019
    case qotRequestRehab = 3105
    case qotGetPlateSet = 3204
    case qotGetPlateSecurity = 3205
    case qotGetOwnerPlate = 3207
    case qotGetCapitalFlow = 3211
    case qotGetCapitalDistribution = 3212
    case qotGetUserSecurity = 3213
    case qotModifyUserSecurity = 3214
    case qotStockFilter = 3215
    case qotRequestTradeDate = 3219
    case qotSetPriceReminder = 3220
    case qotGetPriceReminder = 3221
    case qotGetUserSecurityGroup = 3222

    /// True for server-initiated pushes, which carry no request and match no pending serial.
    public var isPush: Bool {
        switch self {
        case .notify, .trdUpdateOrder, .trdUpdateOrderFill, .qotUpdateBasicQot, .qotUpdateKL, .qotUpdateRT,
            .qotUpdateTicker, .qotUpdateOrderBook, .qotUpdateBroker, .qotUpdatePriceReminder:
            return true
        default:
            return false
        }
    }

    public var description: String { "\(self.rawValue)" }
}
