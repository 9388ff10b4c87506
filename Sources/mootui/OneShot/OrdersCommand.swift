import ArgumentParser
import Foundation
import OpenDClient
import TradingKit

/// `mootui orders [--env E] [--account ID] [--json]`: today's orders per account.
struct OrdersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "orders", abstract: "Print today's orders.")

    @OptionGroup var gateway: GatewayOptions
    @OptionGroup var accounts: AccountOptions
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        try await runOneShot {
            let orders = try await withGateway(gateway) { client -> [Order] in
                var orders: [Order] = []
                for account in try await accounts.select(from: client) { orders += try await client.orders(account) }
                return orders
            }
            if json {
                printJSON(.array(orders.map(orderJSON)))
            } else {
                var table = TextTable(
                    [
                        "ACCOUNT", "ORDER ID", "CODE", "NAME", "SIDE", "TYPE", "STATUS", "QTY", "FILLED",
                        "PRICE", "AVG FILL", "UPDATED",
                    ], leftAligned: [1, 2, 3, 4, 5, 6, 11])
                for o in orders {
                    table.add([
                        "\(o.accountID)", o.id, o.code.description, o.name, o.side.rawValue.uppercased(),
                        o.type.description, o.status.description, quantityText(o.quantity), quantityText(o.filledQuantity),
                        o.type.needsPrice ? priceText(o.price, o.code) : "MKT",
                        priceText(o.averageFillPrice, o.code), o.updateTime,
                    ])
                }
                if orders.isEmpty { Swift.print("no orders") } else { table.print() }
            }
        }
    }
}

private func orderJSON(_ o: Order) -> JSONValue {
    .object([
        ("orderID", .string(o.id)), ("account", .uint(o.accountID)), ("code", .string(o.code.description)),
        ("name", .string(o.name)), ("side", .string(o.side.rawValue)), ("type", .string(o.type.description)),
        ("status", .string(o.status.description)), ("quantity", .int(o.quantity)),
        ("filled", .int(o.filledQuantity)), ("price", .price(o.price)),
        ("averageFillPrice", .price(o.averageFillPrice)),
        ("createTime", .string(o.createTime)), ("updateTime", .string(o.updateTime)), ("remark", .string(o.remark)),
    ])
}
