import XCTest
@testable import TradingKit

final class TradingKitSmokeTests: XCTestCase {
    func testModuleLoads() {}
}
