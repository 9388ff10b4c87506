import XCTest

@testable import OpenDClient

/// Base for tests against a ``ScriptedOpenD`` on 127.0.0.1: started before each test, stopped after.
class ScriptedOpenDTestCase: XCTestCase {
    var server: ScriptedOpenD!
    var port = 0

    override func setUp() async throws {
        try await super.setUp()
        server = ScriptedOpenD()
        port = try await server.start()
    }

    override func tearDown() async throws {
        await server.stop()
        try await super.tearDown()
    }

    /// A loopback configuration with short timeouts and backoff, adjusted by `tweak`.
    func configuration(_ tweak: (inout ConnectionConfiguration) -> Void = { _ in }) -> ConnectionConfiguration {
        var configuration = ConnectionConfiguration(endpoint: OpenDEndpoint(host: "127.0.0.1", port: port))
        configuration.requestTimeout = .seconds(5)
        configuration.reconnectBackoff = [.milliseconds(20)]
        tweak(&configuration)
        return configuration
    }

    /// A connection to the scripted server, shut down when the test ends.
    func makeConnection(_ tweak: (inout ConnectionConfiguration) -> Void = { _ in }) -> OpenDConnection {
        let connection = OpenDConnection(configuration: configuration(tweak))
        addTeardownBlock { await connection.shutdown() }
        return connection
    }
}
