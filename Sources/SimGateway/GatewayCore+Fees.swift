import Foundation
import OpenDProtocol
import TradingKit

/// Trd_GetOrderFee (2225): each order's fees, itemised as the paper broker charged them.
extension GatewayCore {
    /// OpenD's documented rule: paper (SIMULATE) accounts cannot query order fees (the seed:
    /// 模拟账户不支持查询订单费用). The sim still charges them on every fill; REAL paper accounts
    /// (`--with-real-accounts`) report them here.
    static let simulateFeesMessage = "Order fees cannot be queried for paper trading (SIMULATE) accounts"

    func getOrderFees(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, TrdGetOrderFee_Request.self) { c2s in
            switch account(for: c2s.header) {
            case let .failure(f): return .failure(f.message)
            case let .success(a):
                guard a.environment == .real else { return .failure(Self.simulateFeesMessage) }
                if let p = limiter.admit(.trdGetOrderFee, account: a.id, at: now) { return .failure(p) }
                var s = TrdGetOrderFee_S2C()
                s.header = c2s.header
                for idEx in c2s.orderIDExList {
                    guard let id = UInt64(idEx), let o = broker.orders[id], o.accountID == a.id else {
                        return .failure("Order \(idEx) does not exist in acc_id \(a.id)")
                    }
                    s.orderFeeList.append(Wire.orderFee(o, broker.fees))
                }
                return .success(s)
            }
        }
    }
}

extension Wire {
    /// An order's fees: the schedule's items on its cumulative fill, the total as charged.
    static func orderFee(_ o: BrokerOrder, _ schedule: FeeSchedule) -> TrdCommon_OrderFee {
        var w = TrdCommon_OrderFee()
        w.orderIdex = String(o.id)
        let fill = FilledAmount(quantity: o.filledQuantity, value: Price(micros: o.filledNotional))
        w.feeList = schedule.fees(market: o.code.market, side: o.side, fill: fill).items.map { item in
            var i = TrdCommon_OrderFeeItem()
            i.title = item.title
            i.value = item.amount.wireValue
            return i
        }
        w.feeAmount = Price(micros: o.fees).wireValue
        return w
    }
}
