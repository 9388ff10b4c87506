import ArgumentParser

/// `mootui [--opend HOST:PORT] ...`: the terminal UI. (Owned by the TUI work.)
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the terminal UI (default).")

    func run() async throws {
        throw ValidationError("the terminal UI is not built yet")
    }
}
