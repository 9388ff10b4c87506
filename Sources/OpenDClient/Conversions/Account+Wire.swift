import OpenDProtocol
import TradingKit

extension Account {
    /// An account of a 2001 reply.
    public init(wire a: TrdCommon_TrdAcc) {
        self.init(
            id: a.accID,
            environment: TradingEnvironment(wireValue: a.trdEnv),
            markets: a.trdMarketAuthList,
            accountType: a.hasAccType ? a.accType : 1,
            simulateType: a.hasSimAccType ? a.simAccType : nil,
            securityFirm: a.hasSecurityFirm ? a.securityFirm : nil,
            cardNumber: a.hasUniCardNum && !a.uniCardNum.isEmpty ? a.uniCardNum : a.cardNum)
    }

    /// The `TrdHeader` for queries on this account: like the official SDK, the first market of
    /// the account's authorisation list (0 when it lists none).
    public var queryHeader: TrdCommon_TrdHeader {
        header(trdMarket: markets.first ?? 0)
    }

    /// The `TrdHeader` for a write about `code`: the market that trades it in this account's
    /// environment (A-shares: CN in simulate, HKCC in real), which the account must list.
    public func tradeHeader(for code: SecurityCode) throws -> TrdCommon_TrdHeader {
        let trdMarket = code.market.trdMarket(env: environment)
        guard markets.isEmpty || markets.contains(trdMarket) else {
            throw ConversionError.accountCannotTrade(accountID: id, code: code, trdMarket: trdMarket)
        }
        return header(trdMarket: trdMarket)
    }

    private func header(trdMarket: Int32) -> TrdCommon_TrdHeader {
        var h = TrdCommon_TrdHeader()
        h.trdEnv = environment.wireValue
        h.accID = id
        h.trdMarket = trdMarket
        return h
    }

    /// The currency this account's funds are reported in when the gateway does not say.
    var defaultCurrency: String {
        switch markets.first {
        case 1: return "HKD"
        case 2: return "USD"
        case 3: return "CNY"
        case 4: return "CNH"
        default: return "HKD"
        }
    }
}

/// `Trd_Common.Currency` names.
enum WireCurrency {
    /// The ISO-like code of a currency number, nil for 0/unknown.
    static func name(_ value: Int32) -> String? {
        switch value {
        case 1: return "HKD"
        case 2: return "USD"
        case 3: return "CNH"
        case 4: return "JPY"
        case 5: return "SGD"
        case 6: return "AUD"
        case 7: return "CAD"
        case 8: return "MYR"
        case 9: return "NZD"
        default: return nil
        }
    }

    /// The currency number of a name ("CNY" is sent as CNH, the only yuan OpenD knows).
    static func number(_ name: String) -> Int32? {
        switch name.uppercased() {
        case "HKD": return 1
        case "USD": return 2
        case "CNH", "CNY": return 3
        case "JPY": return 4
        case "SGD": return 5
        case "AUD": return 6
        case "CAD": return 7
        case "MYR": return 8
        case "NZD": return 9
        default: return nil
        }
    }
}
