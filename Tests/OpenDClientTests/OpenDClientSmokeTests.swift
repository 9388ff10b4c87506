import XCTest
@testable import OpenDClient

final class OpenDClientSmokeTests: XCTestCase {
    func testModuleLoads() {}
}
