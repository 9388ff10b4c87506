import ArgumentParser
import Foundation
import Logging
import OpenDClient
import SimGateway

/// Where the one-shot commands (and the TUI) find OpenD: `--opend HOST:PORT`, or the embedded
/// simulator when it is absent; `--rsa-key FILE` turns encryption on.
struct GatewayOptions: ParsableArguments {
    @Option(name: .customLong("opend"), help: "OpenD address HOST:PORT (default: start the embedded simulated OpenD).")
    var opend: String?

    @Option(name: .customLong("rsa-key"), help: "PKCS#1 PEM private key shared with OpenD (enables encryption).")
    var rsaKey: String?

    @Option(help: FeeScheduleOption.help)
    var fees: String?
}

/// Connects an ``OpenDClient`` as `options` say, runs `body` with it, and always closes what it
/// opened (client, then the embedded simulator if it started one), whether `body` fails or not.
func withGateway<T: Sendable>(
    _ options: GatewayOptions,
    logger: Logger = Logger(label: "mootui.gateway"),
    frameTap: (any FrameTap)? = nil,
    replay: ReplaySource? = nil,
    onSimulator: (SimServer) -> Void = { _ in },
    body: (OpenDClient) async throws -> T
) async throws -> T {
    let pem = try options.rsaKey.map(readKeyFile)
    var simulator: SimServer?
    let endpoint: OpenDEndpoint
    if let address = options.opend {
        if replay != nil { throw OneShotError("a replay runs on the embedded simulator: drop --opend") }
        endpoint = try OpenDEndpoint(parsing: address)
    } else {
        var configuration = SimConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.rsaPrivateKeyPEM = pem
        configuration.fees = try FeeScheduleOption.schedule(options.fees)
        configuration.replay = replay
        let server = try await SimServer.start(configuration)
        simulator = server
        onSimulator(server)
        endpoint = OpenDEndpoint(host: server.host, port: server.port)
    }
    var configuration = ConnectionConfiguration(endpoint: endpoint)
    configuration.rsaPrivateKeyPEM = pem
    configuration.frameTap = frameTap
    let connection = OpenDConnection(configuration: configuration, logger: logger)
    let client = OpenDClient(connection: connection, logger: logger)
    do {
        try await client.start()
        let result = try await body(client)
        await client.shutdown()
        try? await simulator?.shutdown()
        return result
    } catch {
        await client.shutdown()
        try? await simulator?.shutdown()
        throw error
    }
}

/// The PEM text of `--rsa-key FILE`, or a one-line error.
private func readKeyFile(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        throw OneShotError("cannot read RSA key file \(path)")
    }
    return text
}
