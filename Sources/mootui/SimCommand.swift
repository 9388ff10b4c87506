import ArgumentParser

/// `mootui sim ...`: the simulated OpenD on its own. (Owned by the simulator work.)
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sim", abstract: "Run the simulated OpenD alone.")

    func run() async throws {
        throw ValidationError("the simulated OpenD is not built yet")
    }
}
