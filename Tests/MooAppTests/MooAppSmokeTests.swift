import XCTest
@testable import MooApp

final class MooAppSmokeTests: XCTestCase {
    func testModuleLoads() {}
}
