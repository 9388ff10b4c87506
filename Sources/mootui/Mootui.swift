import ArgumentParser

/// The mootui command line: the TUI by default, the simulated OpenD, and one-shot commands.
@main
struct Mootui: AsyncParsableCommand {
    /// The release, the one place it is written (`mootui --version` prints it).
    static let version = "0.5.0"

    static let configuration = CommandConfiguration(
        commandName: "mootui",
        abstract: "A keyboard-driven terminal trading client for moomoo/Futu OpenD.",
        discussion: """
            With no --opend, mootui starts its own simulated OpenD in-process (paper markets and \
            a paper broker on the real wire protocol) and connects to it over loopback.
            """,
        version: version,
        subcommands: [
            RunCommand.self, SimCommand.self,
            QuoteCommand.self, BookCommand.self, KLineCommand.self,
            AccountsCommand.self, FundsCommand.self, PositionsCommand.self, OrdersCommand.self,
            OrderCommand.self, RecordCommand.self, ReplayCommand.self, BenchTicketCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )
}
