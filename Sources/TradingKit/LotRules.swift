/// Buy or sell.
public enum OrderSide: String, Sendable, Codable, CaseIterable, Hashable {
    case buy
    case sell

    /// Wire value (`Trd_Common.TrdSide`): 1 buy, 2 sell.
    public var wireValue: Int32 { self == .buy ? 1 : 2 }

    /// Side for a wire value (sell-short and buy-back map to sell and buy).
    public init?(wireValue: Int32) {
        switch wireValue {
        case 1, 4: self = .buy
        case 2, 3: self = .sell
        default: return nil
        }
    }

    public var opposite: OrderSide { self == .buy ? .sell : .buy }
}

/// Quantity rules: HK board lots, A-share 100-share lots (STAR: 200 minimum then steps of 1,
/// odd remainders sold only in full), US single shares.
public struct LotRules: Sendable, Hashable {
    /// Which rule applies.
    public enum Schedule: Sendable, Hashable {
        /// Whole board lots of `lot` shares (HK, from snapshot/static info).
        case boardLot(Int64)
        /// A-shares main boards: buy in 100s; an odd remainder is sold in full.
        case cnMainBoard
        /// STAR Market (688xxx): at least 200, then steps of 1; a remainder under 200 sold in full.
        case cnSTAR
        /// Any whole number of shares (US).
        case single
    }

    public let schedule: Schedule

    public init(_ schedule: Schedule) { self.schedule = schedule }

    /// The rules for a code with the gateway's lot size (HK board lot; ignored elsewhere).
    public static func forCode(_ code: SecurityCode, lotSize: Int64) -> LotRules {
        switch code.market {
        case .hk: return LotRules(.boardLot(max(lotSize, 1)))
        case .us: return LotRules(.single)
        case .sh, .sz: return LotRules(code.isSTAR ? .cnSTAR : .cnMainBoard)
        }
    }

    /// The step the quantity field moves by.
    public var step: Int64 {
        switch schedule {
        case let .boardLot(n): return n
        case .cnMainBoard: return 100
        case .cnSTAR: return 1
        case .single: return 1
        }
    }

    /// The smallest quantity of a new buy.
    public var minimumBuy: Int64 {
        switch schedule {
        case let .boardLot(n): return n
        case .cnMainBoard: return 100
        case .cnSTAR: return 200
        case .single: return 1
        }
    }

    /// Why `quantity` cannot be traded, or nil when it can. `position` is the shares held
    /// (relevant for selling an odd remainder in full).
    public func violation(quantity: Int64, side: OrderSide, position: Int64 = 0) -> String? {
        if quantity <= 0 { return "quantity must be positive" }
        switch schedule {
        case let .boardLot(lot):
            if quantity % lot != 0 {
                return "quantity \(NumberFormat.quantity(quantity)) is not a whole number of lots (lot size \(NumberFormat.quantity(lot)))"
            }
        case .cnMainBoard:
            if quantity % 100 != 0 {
                if side == .sell && quantity == position { return nil }
                return side == .buy
                    ? "buy quantity \(NumberFormat.quantity(quantity)) must be a multiple of 100"
                    : "sell quantity \(NumberFormat.quantity(quantity)) must be a multiple of 100 or the whole position (\(NumberFormat.quantity(position)))"
            }
        case .cnSTAR:
            if quantity < 200 {
                if side == .sell && quantity == position { return nil }
                return side == .buy
                    ? "STAR Market buy quantity must be at least 200"
                    : "STAR Market sell quantity must be at least 200 or the whole position (\(NumberFormat.quantity(position)))"
            }
        case .single:
            break
        }
        return nil
    }

    /// Moves `quantity` by `steps` lots, never below the smallest legal quantity.
    public func step(_ quantity: Int64, by steps: Int) -> Int64 {
        let q = quantity + Int64(steps) * step
        return max(q, minimumBuy)
    }
}
