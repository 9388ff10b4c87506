import XCTest

/// The structural JSON comparison the golden tests rely on must itself catch differences.
final class JSONValueTests: XCTestCase {
    private func differences(_ expected: String, _ actual: String) throws -> [String] {
        try JSONValue.parse(expected).differences(from: try JSONValue.parse(actual))
    }

    func testInt64StringsCompareAsIntegers() throws {
        XCTAssertEqual(try differences(#"{"a": "18446744073709551615", "b": 5}"#, #"{"a": "18446744073709551615", "b": "5"}"#), [])
        XCTAssertEqual(try differences(#"{"a": "281756420273981734"}"#, #"{"a": "281756420273981735"}"#).count, 1)
        XCTAssertEqual(try differences(#"{"a": "-9007199254740993"}"#, #"{"a": "-9007199254740992"}"#).count, 1)
    }

    func testNumbersCompareNumerically() throws {
        XCTAssertEqual(try differences(#"{"p": 100.0, "q": 2.5e-07}"#, #"{"p": 100, "q": 0.00000025}"#), [])
        XCTAssertEqual(try differences(#"{"p": 359.6}"#, #"{"p": 359.61}"#), [#"$.p: double(359.61), expected double(359.6)"#])
    }

    func testMissingExtraAndReorderedFields() throws {
        XCTAssertEqual(try differences(#"{"a": 1, "b": [1, 2]}"#, #"{"b": [1, 2], "a": 1}"#), [])
        XCTAssertEqual(try differences(#"{"a": 1, "b": 2}"#, #"{"a": 1}"#).count, 1)
        XCTAssertEqual(try differences(#"{"a": 1}"#, #"{"a": 1, "c": true}"#).count, 1)
        XCTAssertEqual(try differences(#"{"b": [1, 2]}"#, #"{"b": [2, 1]}"#).count, 2)
        XCTAssertEqual(try differences(#"{"b": true}"#, #"{"b": 1}"#).count, 1)
        XCTAssertEqual(try differences(#"{"n": "腾讯控股"}"#, #"{"n": "\u817e\u8baf\u63a7\u80a1"}"#), [])
    }
}
