import ArgumentParser
import Foundation
import OpenDClient
import TradingKit

/// `mootui order place --code C --side buy|sell --qty N [--price P] [--type limit|market]`.
/// Tick and lot rules are checked against the gateway's static info before anything is sent.
struct OrderPlaceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "place", abstract: "Place an order.")

    @OptionGroup var gateway: GatewayOptions
    @OptionGroup var accounts: AccountOptions
    @Flag(help: "Print JSON.") var json = false
    @Option(help: "Code such as HK.00700.") var code: String
    @Option(help: "buy or sell.") var side: String
    @Option(help: "Quantity in shares.") var qty: Int64
    @Option(help: "Limit price (required for limit orders).") var price: String?
    @Option(help: "limit or market.") var type = "limit"
    @Option(help: "Free text echoed in the order (at most 64 bytes).") var remark = ""

    func run() async throws {
        try await runOneShot {
            let code = try SecurityCode(parsing: self.code)
            guard let side = OrderSide(rawValue: side.lowercased()) else {
                throw OneShotError("unknown --side '\(self.side)' (buy or sell)")
            }
            let orderType: OrderType
            switch type.lowercased() {
            case "limit": orderType = .limit
            case "market": orderType = .market
            default: throw OneShotError("unknown --type '\(type)' (limit or market)")
            }
            var limit = Price.zero
            if orderType.needsPrice {
                guard let text = price else { throw OneShotError("a limit order needs --price") }
                guard let p = Price(text), p > .zero else { throw OneShotError("invalid --price '\(text)'") }
                limit = p
            }
            let env = try accounts.environment()
            let request = OrderRequest(
                code: code, side: side, type: orderType, price: limit, quantity: qty,
                remark: remark)
            let (account, orderID) = try await withGateway(gateway) { client -> (Account, String) in
                let info = try await client.securityInfo([code])[0]
                if orderType.needsPrice, let why = info.tickRules.violation(limit) {
                    throw OneShotError("order refused before sending: \(code) \(why)")
                }
                let candidates = try await accounts.select(from: client).filter { $0.trades(code.market) }
                guard let account = candidates.first else {
                    throw OneShotError("no \(env.rawValue) account trades \(code.market.rawValue)")
                }
                if let why = info.lotRules.violation(quantity: qty, side: side) {
                    // An odd remainder may be sold in full: check the holding before refusing.
                    let held =
                        side == .sell
                        ? try await client.positions(account).first { $0.code == code }?.quantity ?? 0 : 0
                    if info.lotRules.violation(quantity: qty, side: side, position: held) != nil {
                        throw OneShotError("order refused before sending: \(code) \(why)")
                    }
                }
                if env == .real, let md5 = ProcessInfo.processInfo.environment["MOOTUI_TRADE_PASSWORD_MD5"] {
                    try await client.unlockTrade(passwordMD5: md5, securityFirm: account.securityFirm)
                }
                return (account, try await client.placeOrder(account, request))
            }
            if json {
                printJSON(
                    .object([
                        ("orderID", .string(orderID)), ("account", .uint(account.id)),
                        ("code", .string(code.description)),
                        ("side", .string(side.rawValue)), ("type", .string(type.lowercased())), ("quantity", .int(qty)),
                        ("price", orderType.needsPrice ? .price(limit) : .null),
                    ]))
            } else {
                let at = orderType.needsPrice ? "@ \(priceText(limit, code))" : "at market"
                Swift.print(
                    "placed order \(orderID): \(side.rawValue.uppercased()) \(quantityText(qty)) \(code) \(at) (account \(account.id))"
                )
            }
        }
    }
}
