import ArgumentParser
import Foundation
import OpenDClient
import TradingKit

/// Which accounts a trade command looks at: `--env` and optionally one `--account`.
struct AccountOptions: ParsableArguments {
    @Option(help: "Trading environment: simulate or real.") var env = "simulate"
    @Option(help: "Only this account id.") var account: UInt64?

    /// The parsed environment, or a one-line error.
    func environment() throws -> TradingEnvironment {
        guard let e = TradingEnvironment(rawValue: env.lowercased()) else {
            throw OneShotError("unknown --env '\(env)' (simulate or real)")
        }
        return e
    }

    /// The gateway's accounts in this environment (and with this id), at least one.
    func select(from client: OpenDClient) async throws -> [Account] {
        let env = try environment()
        let chosen = try await client.accounts().filter {
            $0.environment == env && (account == nil || $0.id == account)
        }
        guard !chosen.isEmpty else {
            throw OneShotError(account.map { "no \(env.rawValue) account \($0)" } ?? "no \(env.rawValue) accounts")
        }
        return chosen
    }
}
