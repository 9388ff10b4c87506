import XCTest

/// Why a poll gave up.
struct PollTimeout: Error, CustomStringConvertible {
    var what: String
    var description: String { "timed out waiting for \(what)" }
}

/// Re-checks `condition` every few milliseconds until it holds; throws after `timeout` (real time).
func waitUntil(
    _ what: String, timeout: Duration = .seconds(5), _ condition: () -> Bool
) async throws {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    while !condition() {
        if clock.now >= deadline { throw PollTimeout(what: what) }
        try await Task.sleep(for: .milliseconds(3))
    }
}

/// Asserts that `body` throws exactly `expected`.
func XCTAssertThrowsAsync<E: Error & Equatable>(
    _ expected: E, file: StaticString = #filePath, line: UInt = #line, _ body: () async throws -> some Any
) async {
    do {
        _ = try await body()
        XCTFail("expected \(expected) but nothing was thrown", file: file, line: line)
    } catch let error as E {
        XCTAssertEqual(error, expected, file: file, line: line)
    } catch {
        XCTFail("expected \(expected) but got \(error)", file: file, line: line)
    }
}
