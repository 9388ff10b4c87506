import Foundation
import OpenDProtocol
import XCTest
@testable import SimGateway

/// OpenD's rule for a listener that is not loopback (it trades only with the private key), and
/// where the trade password's MD5 may come from (never argv).
final class SimListenerRuleTests: XCTestCase {
    private var directory = ""

    override func setUp() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mootui-listener-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: directory) }

    func testLoopbackAddresses() {
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]"] {
            XCTAssertTrue(SimServer.isLoopback(host), host)
        }
        for host in ["0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "example.com", "127.0.0.256", "127.0.0", "128.0.0.1", ""] {
            XCTAssertFalse(SimServer.isLoopback(host), host)
        }
    }

    func testANonLoopbackListenerWithoutTheKeyDoesNotStart() async throws {
        var config = SimConfiguration()
        config.dataDirectory = directory
        config.host = "0.0.0.0"
        do {
            let server = try await SimServer.start(config)
            try await server.shutdown()
            XCTFail("a 0.0.0.0 listener started without an RSA key")
        } catch let error as SimConfigurationError {
            XCTAssertTrue(error.description.contains("--rsa-key"), error.description)
            XCTAssertTrue(error.description.contains("0.0.0.0"), error.description)
        }
    }

    func testANonLoopbackListenerWithTheKeyStarts() async throws {
        var config = SimConfiguration()
        config.dataDirectory = directory
        config.host = "0.0.0.0"
        config.rsaPrivateKeyPEM = try RSACipher.generatePrivateKeyPEM(bits: 1024)
        let server = try await SimServer.start(config)
        XCTAssertGreaterThan(server.port, 0)
        try await server.shutdown()
    }

    private func write(_ text: String, mode: mode_t) throws -> String {
        let path = directory + "/md5-\(UUID().uuidString)"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        XCTAssertEqual(chmod(path, mode), 0)
        return path
    }

    func testTheMD5ComesFromAPrivateFile() throws {
        let md5 = "E10ADC3949BA59ABBE56E057F20F883E"
        let path = try write(md5 + "\n", mode: 0o600)
        XCTAssertEqual(try TradePasswordMD5Source.load(file: path, environment: [:]), md5.lowercased())
        let readOnly = try write(md5, mode: 0o400)
        XCTAssertEqual(try TradePasswordMD5Source.load(file: readOnly, environment: [:]), md5.lowercased())
    }

    func testAFileOthersCanReadIsRefusedWithoutShowingTheSecret() throws {
        let md5 = "e10adc3949ba59abbe56e057f20f883e"
        for mode: mode_t in [0o644, 0o640, 0o604, 0o660] {
            let path = try write(md5, mode: mode)
            XCTAssertThrowsError(try TradePasswordMD5Source.load(file: path, environment: [:])) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains("chmod 600"), text)
                XCTAssertFalse(text.contains(md5), "the error shows the secret: \(text)")
            }
        }
    }

    func testMissingOrMalformedSourcesAreClearErrors() throws {
        XCTAssertThrowsError(try TradePasswordMD5Source.load(file: directory + "/absent", environment: [:])) {
            XCTAssertTrue("\($0)".contains("cannot read"), "\($0)")
        }
        let bad = try write("not-an-md5-but-secret", mode: 0o600)
        XCTAssertThrowsError(try TradePasswordMD5Source.load(file: bad, environment: [:])) {
            XCTAssertTrue("\($0)".contains("32 hexadecimal"), "\($0)")
            XCTAssertFalse("\($0)".contains("not-an-md5-but-secret"), "\($0)")
        }
        XCTAssertThrowsError(try TradePasswordMD5Source.load(file: directory, environment: [:])) {
            XCTAssertTrue("\($0)".contains("not a regular file"), "\($0)")
        }
    }

    func testTheEnvironmentIsTheFallbackAndNothingMeansNoPassword() throws {
        let env = [TradePasswordMD5Source.environmentVariable: " E10ADC3949BA59ABBE56E057F20F883E "]
        XCTAssertEqual(try TradePasswordMD5Source.load(file: nil, environment: env), "e10adc3949ba59abbe56e057f20f883e")
        XCTAssertNil(try TradePasswordMD5Source.load(file: nil, environment: [:]))
        XCTAssertThrowsError(
            try TradePasswordMD5Source.load(file: nil, environment: [TradePasswordMD5Source.environmentVariable: "short"]))
        // A file, when given, wins over the environment.
        let path = try write("0123456789abcdef0123456789abcdef", mode: 0o600)
        XCTAssertEqual(try TradePasswordMD5Source.load(file: path, environment: env), "0123456789abcdef0123456789abcdef")
    }
}
