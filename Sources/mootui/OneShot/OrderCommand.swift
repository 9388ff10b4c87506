import ArgumentParser
import Foundation
import OpenDClient
import TradingKit

/// `mootui order place|cancel ...`.
struct OrderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order", abstract: "Place or cancel an order.",
        subcommands: [OrderPlaceCommand.self, OrderCancelCommand.self])
}
