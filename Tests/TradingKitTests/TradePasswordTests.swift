import XCTest
@testable import TradingKit

final class TradePasswordTests: XCTestCase {
    func testBytesAreHandedOutOnceThenWiped() {
        let password = TradePassword(Array("s3cret".utf8))
        XCTAssertFalse(password.isConsumed)
        XCTAssertEqual(password.consume { String(decoding: $0, as: UTF8.self) }, "s3cret")
        XCTAssertTrue(password.isConsumed)
        XCTAssertEqual(password.consume { $0 }, [], "a second consumer gets nothing")
    }

    func testNeverPrintsItsBytesAndComparesByIdentity() {
        let a = TradePassword(Array("hunter2".utf8))
        let b = TradePassword(Array("hunter2".utf8))
        XCTAssertFalse(String(describing: a).contains("hunter2"))
        XCTAssertFalse(String(reflecting: [a]).contains("hunter2"))
        XCTAssertEqual(a, a)
        XCTAssertNotEqual(a, b, "two typings of the same password are two secrets")
    }
}
