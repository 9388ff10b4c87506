import OpenDProtocol
import XCTest

@testable import OpenDClient

/// RSA InitConnect then AES (CBC or FTAES-ECB) against a scripted OpenD sharing a throw-away key.
final class ConnectionEncryptionTests: XCTestCase {
    private func roundTrip(offerCBC: Bool) async throws {
        let pem = try RSACipher.generatePrivateKeyPEM()
        let server = ScriptedOpenD(options: .init(rsaPrivateKeyPEM: pem, offerCBC: offerCBC))
        let port = try await server.start()
        addTeardownBlock { await server.stop() }
        var configuration = ConnectionConfiguration(endpoint: OpenDEndpoint(host: "127.0.0.1", port: port))
        configuration.rsaPrivateKeyPEM = pem
        let connection = OpenDConnection(configuration: configuration)
        addTeardownBlock { await connection.shutdown() }

        try await connection.start()
        XCTAssertEqual(connection.info?.encrypted, true)
        let hello = try XCTUnwrap(server.frames(.initConnect).first).frame.decode(InitConnect_Request.self).c2S
        XCTAssertEqual(hello.packetEncAlgo, 2)
        // Several AES-encrypted exchanges both ways.
        for _ in 0..<3 {
            let s2c = try await connection.request(QotGetSubInfo_Request(c2s: QotGetSubInfo_C2S()))
            XCTAssertEqual(s2c.remainQuota, 100)
        }
    }

    func testEncryptedHandshakeWithCBC() async throws {
        try await roundTrip(offerCBC: true)
    }

    func testEncryptedHandshakeWithFTAESECB() async throws {
        try await roundTrip(offerCBC: false)
    }

    func testUnusableKeyIsAHandshakeFailure() async throws {
        var configuration = ConnectionConfiguration(endpoint: OpenDEndpoint(host: "127.0.0.1", port: 1))
        configuration.rsaPrivateKeyPEM = "not a key"
        let connection = OpenDConnection(configuration: configuration)
        do {
            try await connection.start()
            XCTFail("expected handshakeFailed")
        } catch let OpenDClientError.handshakeFailed(reason) {
            XCTAssertTrue(reason.contains("RSA"), reason)
        }
        await connection.shutdown()
    }
}
