import XCTest

@testable import OpenDClient

final class ConnectionEndpointTests: XCTestCase {
    func testParsesHostAndPort() throws {
        XCTAssertEqual(try OpenDEndpoint(parsing: "127.0.0.1:11111"), OpenDEndpoint(host: "127.0.0.1", port: 11111))
        XCTAssertEqual(try OpenDEndpoint(parsing: " opend.local:80 "), OpenDEndpoint(host: "opend.local", port: 80))
        XCTAssertEqual(try OpenDEndpoint(parsing: "[::1]:11111"), OpenDEndpoint(host: "::1", port: 11111))
        XCTAssertEqual(OpenDEndpoint(host: "::1", port: 5).description, "[::1]:5")
    }

    func testRejectsBadAddressesWithAReason() {
        for text in ["", "localhost", ":11111", "host:", "host:0", "host:70000", "host:abc", "::1:11111", "[::1]"] {
            XCTAssertThrowsError(try OpenDEndpoint(parsing: text), text) { error in
                XCTAssertTrue("\(error)".contains("invalid OpenD address"), "\(error)")
            }
        }
    }

    func testErrorDescriptionsAreOneLine() {
        let errors: [OpenDClientError] = [
            .unreachable(endpoint: "127.0.0.1:1", reason: "refused"), .handshakeFailed("nope"),
            .gateway(protoID: 3004, retType: -1, retMsg: "unknown stock", errCode: 7), .timeout(protoID: 1, serial: 2),
            .disconnected("gone"), .closed, .unsubscribeTooEarly(secondsLeft: 5),
            .quotaExceeded(used: 99, needed: 2, total: 100), .protocolViolation("bad"),
        ]
        for error in errors {
            XCTAssertFalse(error.description.isEmpty)
            XCTAssertFalse(error.description.contains("\n"))
        }
        XCTAssertTrue(
            OpenDClientError.gateway(protoID: 3004, retType: -1, retMsg: "unknown stock", errCode: nil)
                .description.contains("unknown stock"))
    }
}
