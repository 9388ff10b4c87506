import XCTest
@testable import OpenDProtocol

final class OpenDProtocolSmokeTests: XCTestCase {
    func testModuleLoads() {}
}
