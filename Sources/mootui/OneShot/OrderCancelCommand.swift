import ArgumentParser
import Foundation
import OpenDClient
import TradingKit

/// `mootui order cancel ORDER_ID [--env E]`: finds the order in the environment's accounts and cancels it.
struct OrderCancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel an order.")

    @OptionGroup var gateway: GatewayOptions
    @OptionGroup var accounts: AccountOptions
    @Flag(help: "Print JSON.") var json = false
    @Argument(help: "The order id (as `mootui orders` prints it).") var orderID: String

    func run() async throws {
        try await runOneShot {
            let env = try accounts.environment()
            let order = try await withGateway(gateway) { client -> Order in
                for account in try await accounts.select(from: client) {
                    guard let order = try await client.orders(account).first(where: { $0.id == orderID }) else {
                        continue
                    }
                    guard order.status.isWorking else {
                        throw OneShotError("order \(orderID) is \(order.status) and cannot be cancelled")
                    }
                    try await client.cancelOrder(account, orderID: orderID, code: order.code)
                    return order
                }
                throw OneShotError("no order \(orderID) in the \(env.rawValue) accounts")
            }
            if json {
                printJSON(
                    .object([
                        ("orderID", .string(order.id)), ("account", .uint(order.accountID)),
                        ("cancelRequested", .bool(true)),
                    ]))
            } else {
                Swift.print("cancel requested for order \(order.id) (\(order.code), account \(order.accountID))")
            }
        }
    }
}
