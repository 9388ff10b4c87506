import ArgumentParser

// One-shot commands. (Owned by the client work.)

struct QuoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "quote", abstract: "Print snapshots.")
}
struct BookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "book", abstract: "Print the order book.")
}
struct KLineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kline", abstract: "Print K-lines.")
}
struct AccountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accounts", abstract: "List trading accounts.")
}
struct FundsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "funds", abstract: "Print account funds.")
}
struct PositionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "positions", abstract: "Print positions.")
}
struct OrdersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "orders", abstract: "Print today's orders.")
}
struct OrderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "order", abstract: "Place or cancel an order.")
}
