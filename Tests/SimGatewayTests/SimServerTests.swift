import Foundation
import OpenDClient
import OpenDProtocol
import TradingKit
import XCTest
@testable import SimGateway

/// The gateway on a real loopback socket, driven by mootui's own client: plaintext and an
/// encrypted session (RSA InitConnect, then AES).
final class SimServerTests: XCTestCase {
    private var directory = ""

    override func setUp() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mootui-server-\(UUID().uuidString)").path
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: directory) }

    /// The first push of `protoID` on `connection`, or nil after `seconds`.
    private func firstPush(_ connection: OpenDConnection, _ protoID: ProtoID, within seconds: Double) async -> Frame? {
        await withTaskGroup(of: Frame?.self) { group in
            group.addTask {
                for await event in connection.events {
                    switch event {
                    case .push(let frame) where frame.protoID == protoID.rawValue: return frame
                    case .pushes(let frames):
                        if let frame = frames.first(where: { $0.protoID == protoID.rawValue }) { return frame }
                    default: break
                    }
                }
                return nil
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds))  // the deadline: races the awaited push
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    private func session(rsaKey: String?) async throws {
        var config = SimConfiguration()
        config.dataDirectory = directory
        config.rate = 50
        config.rsaPrivateKeyPEM = rsaKey
        let server = try await SimServer.start(config)
        var clientConfig = ConnectionConfiguration(endpoint: OpenDEndpoint(host: server.host, port: server.port))
        clientConfig.rsaPrivateKeyPEM = rsaKey
        let connection = OpenDConnection(configuration: clientConfig)
        do {
            try await connection.start()
            XCTAssertEqual(connection.info?.encrypted, rsaKey != nil)
            var c2s = QotGetSecuritySnapshot_C2S()
            c2s.securityList = [Wire.security(try SecurityCode(parsing: "HK.00700"))]
            let snapshot = try await connection.request(QotGetSecuritySnapshot_Request(c2s: c2s))
            XCTAssertEqual(snapshot.snapshotList.first?.basic.lotSize, 100)
            XCTAssertEqual(snapshot.snapshotList.first?.basic.name, "腾讯控股")
            try await connection.subscribe(c2s.securityList, subTypes: [1])
            let push = await firstPush(connection, .qotUpdateBasicQot, within: 10)
            let quote: QotUpdateBasicQot_Response = try XCTUnwrap(push).decode()
            XCTAssertEqual(quote.s2C.basicQotList.first?.security.code, "00700")
        } catch {
            XCTFail("session failed: \(error)")
        }
        await connection.shutdown()
        try await server.shutdown()
    }

    func testPlainSessionWithOurClient() async throws {
        try await session(rsaKey: nil)
    }

    func testEncryptedSessionWithOurClient() async throws {
        try await session(rsaKey: RSACipher.generatePrivateKeyPEM(bits: 1024))
    }

    func testBadConfigurationIsATypedError() async throws {
        var config = SimConfiguration()
        config.dataDirectory = directory
        config.tradePasswordMD5 = "not-an-md5"
        do {
            _ = try await SimServer.start(config)
            XCTFail("started with a bad MD5")
        } catch let error as SimConfigurationError {
            XCTAssertTrue(error.description.contains("32 hexadecimal"), error.description)
        }
        config.tradePasswordMD5 = nil
        config.rsaPrivateKeyPEM = "-----BEGIN RSA PRIVATE KEY-----\nnot a key\n-----END RSA PRIVATE KEY-----\n"
        do {
            _ = try await SimServer.start(config)
            XCTFail("started with a bad key")
        } catch let error as SimConfigurationError {
            XCTAssertTrue(error.description.contains("RSA"), error.description)
        }
    }
}
