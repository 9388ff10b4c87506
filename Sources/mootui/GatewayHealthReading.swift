import MooApp
import OpenDClient
import OpenDProtocol
import TradingKit

extension GatewayHealth {
    /// The HUD's view of the connection's health (round trips, push counts, every rate budget).
    init(_ h: ConnectionHealth) {
        self.init(
            roundTripP50: h.roundTrip.map { Self.seconds($0.p50) }, roundTripP99: h.roundTrip.map { Self.seconds($0.p99) },
            roundTripCount: h.roundTrip?.count ?? 0, pushes: h.pushes, conflatedPushes: h.conflatedPushes,
            droppedPushes: h.droppedPushes,
            budgets: h.budgets.map {
                APIBudget(
                    name: Self.name(of: $0.protoID), used: $0.used, limit: $0.limit,
                    windowSeconds: Int($0.window.components.seconds))
            },
            reconnects: h.reconnects, lastError: h.lastError, lastErrorAgoSeconds: h.lastErrorAgo.map(Self.seconds))
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// Short names of the rate-limited protocols, as the HUD lists them.
    static func name(of protoID: UInt32) -> String {
        guard let proto = ProtoID(rawValue: protoID) else { return "proto \(protoID)" }
        switch proto {
        case .trdPlaceOrder: return "PlaceOrder"
        case .trdModifyOrder: return "ModifyOrder"
        case .trdUnlockTrade: return "UnlockTrade"
        case .qotGetSecuritySnapshot: return "Snapshot"
        case .qotGetMarketState: return "MarketState"
        case .qotRequestHistoryKL: return "HistoryKL"
        case .qotStockFilter: return "StockFilter"
        case .qotRequestTradeDate: return "TradeDate"
        case .qotGetUserSecurityGroup: return "UserGroups"
        case .qotGetUserSecurity: return "UserSecurity"
        case .qotModifyUserSecurity: return "ModifyUserSec"
        case .qotSetPriceReminder: return "SetReminder"
        case .qotGetPriceReminder: return "GetReminder"
        case .qotGetPlateSet: return "PlateSet"
        case .qotGetPlateSecurity: return "PlateSecurity"
        case .qotGetOwnerPlate: return "OwnerPlate"
        case .qotGetCapitalFlow: return "CapitalFlow"
        case .qotGetCapitalDistribution: return "CapitalDist"
        case .qotRequestRehab: return "Rehab"
        case .trdGetMarginRatio: return "MarginRatio"
        case .trdFlowSummary: return "FlowSummary"
        case .trdGetMaxTrdQtys: return "MaxTrdQtys"
        case .trdGetHistoryOrderList: return "HistOrders"
        case .trdGetOrderFee: return "OrderFee"
        case .trdGetHistoryOrderFillList: return "HistFills"
        case .trdGetFunds: return "Funds"
        case .trdGetPositionList: return "Positions"
        case .trdGetOrderList: return "Orders"
        case .trdGetOrderFillList: return "Fills"
        default: return "proto \(protoID)"
        }
    }
}
