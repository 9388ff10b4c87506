import ArgumentParser
import SimGateway
import TradingKit

/// `--fees FILE|none`: the fee schedule the paper broker charges and the ticket estimates with.
enum FeeScheduleOption {
    static let help: ArgumentHelp = "Fee schedule TOML file (default: the built-in Fees/default.toml), or 'none'."

    /// The schedule `spec` names: nil is the built-in one, "none" charges nothing.
    static func schedule(_ spec: String?) throws -> FeeSchedule {
        guard let spec else { return FeeScheduleFile.builtin }
        if spec == "none" { return .none }
        do {
            return try FeeScheduleFile.load(path: spec)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
