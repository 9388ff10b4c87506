import TradingKit

/// Which trading account a code goes through: OpenD gives one account per trade market (HK, US,
/// CN ...), so every order, modify, cancel and max-quantity request picks the account of the
/// code's market in the current environment, never simply the first account listed.
extension AppState {
    /// Every account the gateway listed for this environment; the single `account` when the list
    /// is not known (older callers and tests set only that).
    public var knownAccounts: [Account] {
        let all = accounts.isEmpty ? (account.map { [$0] } ?? []) : accounts
        return all.filter { $0.environment == environment }
    }

    /// The account that trades `code`'s market in the current environment, or nil.
    public func tradingAccount(for code: SecurityCode) -> Account? {
        knownAccounts.first { $0.trades(code.market) }
    }

    /// The account `order` belongs to: the one it names, else the one trading its code.
    public func tradingAccount(of order: Order) -> Account? {
        if order.accountID != 0, let a = knownAccounts.first(where: { $0.id == order.accountID }) { return a }
        return tradingAccount(for: order.code)
    }

    /// Buying power of `account` as last read (the primary account's funds when that is the one).
    public func buyingPower(of account: Account) -> Price? {
        if let f = fundsByAccount[account.id] { return f.buyingPower }
        return account.id == self.account?.id ? funds?.buyingPower : nil
    }

    /// Why no account trades `code`: the markets each listed account trades.
    func noAccountReason(for code: SecurityCode) -> String {
        let env = environment == .real ? "REAL" : "SIMULATE"
        let listed = knownAccounts
        guard !listed.isEmpty else { return "no \(env) trading account on this gateway" }
        let have = listed.map { "\($0.id) trades \($0.markets.map(AppState.marketName).joined(separator: "+"))" }
        return "no \(env) account trades \(code.market.rawValue) (needs trade market "
            + "\(code.market.trdMarket(env: environment)); \(have.joined(separator: ", ")))"
    }

    /// Short name of a `Trd_Common.TrdMarket` value.
    static func marketName(_ trdMarket: Int32) -> String {
        switch trdMarket {
        case 1: return "HK"
        case 2: return "US"
        case 3: return "CN"
        case 4: return "HKCC"
        default: return "market \(trdMarket)"
        }
    }
}
