import XCTest
@testable import SimGateway

final class SimGatewaySmokeTests: XCTestCase {
    func testModuleLoads() {}
}
