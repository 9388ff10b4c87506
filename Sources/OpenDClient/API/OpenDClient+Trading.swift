import OpenDProtocol
import TradingKit

extension OpenDClient {
    /// Securities trading accounts of the logged-in user, simulate and real (2001).
    public func accounts() async throws -> [Account] {
        var c = TrdGetAccList_C2S()
        // The docs say "send 0"; the official SDK sends the login user id, and so do we.
        c.userID = connection.info?.loginUserID ?? 0
        c.trdCategory = 1
        c.needGeneralSecAccount = true
        let s2c = try await connection.request(TrdGetAccList_Request(c2s: c))
        return s2c.accList.map(Account.init(wire:))
    }

    /// Unlocks real trading with the trade password's lower-case hex MD5 (2005); the connection
    /// keeps only the digest, to unlock again after a reconnect.
    public func unlockTrade(passwordMD5: String, securityFirm: Int32? = nil) async throws {
        try await connection.unlockTrade(passwordMD5: passwordMD5, securityFirm: securityFirm)
    }

    /// Unlocks REAL trading with the typed password: consumes (wipes) it and sends only its MD5.
    public func unlockTrade(_ password: TradePassword, securityFirm: Int32? = nil) async throws {
        try await unlockTrade(passwordMD5: Self.md5(of: password), securityFirm: securityFirm)
    }

    /// The lower-case hex MD5 OpenD takes for a trade password; consumes the password.
    public static func md5(of password: TradePassword) -> String { password.consume { MD5.hex(of: $0) } }

    /// Receive order (2208) and fill (2218) pushes for exactly these accounts (2008; replaces the list).
    public func subscribeTradePushes(_ accounts: [Account]) async throws {
        try await connection.setTradePushAccounts(accounts.map(\.id))
    }

    /// Cash and buying power (2101), in `currency` ("HKD", "USD", "CNH"…) or the account's own.
    public func funds(_ account: Account, currency: String? = nil) async throws -> Funds {
        var c = TrdGetFunds_C2S()
        c.header = account.queryHeader
        c.refreshCache = false
        let wanted = currency ?? account.defaultCurrency
        if let number = WireCurrency.number(wanted) { c.currency = number }
        let s2c = try await connection.request(TrdGetFunds_Request(c2s: c))
        guard s2c.hasFunds else { throw ClientError.incompleteReply("funds of account \(account.id)") }
        return Funds(wire: s2c.funds, fallbackCurrency: wanted)
    }

    /// Holdings (2102).
    public func positions(_ account: Account) async throws -> [Position] {
        var c = TrdGetPositionList_C2S()
        c.header = account.queryHeader
        c.refreshCache = false
        let s2c = try await connection.request(TrdGetPositionList_Request(c2s: c))
        return try s2c.positionList.map { try Position(wire: $0, trdMarket: s2c.header.trdMarket) }
    }

    /// Largest quantities for an order of `type` at `price` (2111), already in whole lots.
    public func maxQuantities(_ account: Account, code: SecurityCode, price: Price, type: OrderType = .limit)
        async throws
        -> MaxQuantities
    {
        var c = TrdGetMaxTrdQtys_C2S()
        c.header = try account.tradeHeader(for: code)
        c.orderType = type.wireValue
        c.code = code.symbol
        c.price = price.wireValue
        c.secMarket = code.market.trdSecMarket
        let s2c = try await connection.request(TrdGetMaxTrdQtys_Request(c2s: c))
        guard s2c.hasMaxTrdQtys else { throw ClientError.incompleteReply("max quantities for \(code)") }
        return MaxQuantities(wire: s2c.maxTrdQtys)
    }

    /// Today's orders (2201), oldest first as OpenD lists them.
    public func orders(_ account: Account) async throws -> [Order] {
        var c = TrdGetOrderList_C2S()
        c.header = account.queryHeader
        c.refreshCache = false
        let s2c = try await connection.request(TrdGetOrderList_Request(c2s: c))
        return try s2c.orderList.map { try Order(wire: $0, accountID: account.id, trdMarket: s2c.header.trdMarket) }
    }

    /// Today's fills (2211; OpenD has none for simulate accounts).
    public func fills(_ account: Account) async throws -> [Fill] {
        var c = TrdGetOrderFillList_C2S()
        c.header = account.queryHeader
        c.refreshCache = false
        let s2c = try await connection.request(TrdGetOrderFillList_Request(c2s: c))
        return try s2c.orderFillList.map { try Fill(wire: $0, accountID: account.id, trdMarket: s2c.header.trdMarket) }
    }

    /// Places an order (2202) and returns its id (`orderIDEx`). The connection stamps the
    /// replay-protection PacketID and waits for the place-order rate limit.
    public func placeOrder(_ account: Account, _ request: OrderRequest) async throws -> String {
        let c = try request.placeOrderC2S(for: account)
        let s2c = try await connection.request(TrdPlaceOrder_Request(c2s: c))
        if s2c.hasOrderIdex, !s2c.orderIdex.isEmpty { return s2c.orderIdex }
        if s2c.hasOrderID { return String(s2c.orderID) }
        throw ClientError.incompleteReply("no order id for the placed order")
    }

    /// Changes a working order's price and total quantity (2205, op NORMAL). `quantity` is the
    /// new TOTAL, not the remainder. `code` picks the trade market (else the account's first).
    public func modifyOrder(
        _ account: Account, orderID: String, price: Price, quantity: Int64,
        code: SecurityCode? = nil
    ) async throws {
        guard quantity > 0 else { throw ConversionError.invalidRequest("quantity must be positive, got \(quantity)") }
        guard price > .zero else { throw ConversionError.invalidRequest("price must be positive") }
        var c = try modifyBody(account, orderID: orderID, operation: 1, code: code)
        c.qty = Double(quantity)
        c.price = price.wireValue
        _ = try await connection.request(TrdModifyOrder_Request(c2s: c))
    }

    /// Cancels an order (2205, op CANCEL).
    public func cancelOrder(_ account: Account, orderID: String, code: SecurityCode? = nil) async throws {
        let c = try modifyBody(account, orderID: orderID, operation: 2, code: code)
        _ = try await connection.request(TrdModifyOrder_Request(c2s: c))
    }

    /// A 2205 body addressing the order by `orderIDEx` with `orderID` 0, as the official SDK does.
    private func modifyBody(_ account: Account, orderID: String, operation: Int32, code: SecurityCode?) throws
        -> TrdModifyOrder_C2S
    {
        guard !orderID.isEmpty else { throw ConversionError.invalidRequest("empty order id") }
        var c = TrdModifyOrder_C2S()
        c.header = try code.map { try account.tradeHeader(for: $0) } ?? account.queryHeader
        c.orderID = 0
        c.orderIdex = orderID
        c.modifyOrderOp = operation
        c.forAll = false
        return c
    }
}
