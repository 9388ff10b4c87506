import XCTest
@testable import OpenDProtocol

final class FTAESECBCipherTests: XCTestCase {
    private let plaintext = Array("hello opend".utf8)

    func testSDKVectorFromC6() throws {
        let cipher = try FTAESECBCipher(key: "0123456789abcdef")
        let sealed = try cipher.seal(plaintext)
        XCTAssertEqual(Hex.string(sealed), "44c05b60097d2ec4363c47ba1213f7bd" + "0000000000000000000000000000000b")
        XCTAssertEqual(try cipher.open(sealed), plaintext)
    }

    func testSizesFollowC3() throws {
        let cipher = try FTAESECBCipher(key: "0123456789abcdef")
        for (length, expected) in [(0, 16), (5, 32), (16, 32), (17, 48), (32, 48)] {
            let sealed = try cipher.seal([UInt8](repeating: 0x41, count: length))
            XCTAssertEqual(sealed.count, expected, "plaintext of \(length) bytes")
            XCTAssertEqual(sealed.last, UInt8(length % 16), "trailer of \(length) bytes")
            XCTAssertEqual(Array(sealed.suffix(16).prefix(15)), [UInt8](repeating: 0, count: 15))
        }
    }

    func testRoundTripsEveryLengthUpTo100() throws {
        let cipher = try FTAESECBCipher(key: "ABCDEFGHIJKLMNOP")
        var generator = SeededGenerator(seed: 7)
        for length in 0...100 {
            let body = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            XCTAssertEqual(try cipher.open(try cipher.seal(body)), body, "length \(length)")
        }
    }

    func testRejectsKeysThatAreNotSixteenASCIICharacters() {
        for key in ["", "0123456789abcde", "0123456789abcdef0", "éééééééé"] {
            XCTAssertThrowsError(try FTAESECBCipher(key: key), "key \(key.debugDescription)") { error in
                guard case CipherError.invalidKey = error else { return XCTFail("got \(error)") }
            }
        }
    }

    func testRejectsBodiesThatAreNotWholeBlocksWithTrailer() throws {
        let cipher = try FTAESECBCipher(key: "0123456789abcdef")
        for length in [0, 1, 15, 17, 33] {
            XCTAssertThrowsError(try cipher.open([UInt8](repeating: 0, count: length))) { error in
                XCTAssertEqual(error as? CipherError, .badLength(length))
            }
        }
    }

    func testRejectsImpossibleTrailers() throws {
        let cipher = try FTAESECBCipher(key: "0123456789abcdef")
        var sealed = try cipher.seal(plaintext)
        sealed[sealed.count - 1] = 16
        XCTAssertThrowsError(try cipher.open(sealed)) { error in
            guard case CipherError.malformedCiphertext = error else { return XCTFail("got \(error)") }
        }
        // A trailer-only body cannot hold a partial block.
        var trailerOnly = [UInt8](repeating: 0, count: 16)
        trailerOnly[15] = 3
        XCTAssertThrowsError(try cipher.open(trailerOnly)) { error in
            guard case CipherError.malformedCiphertext = error else { return XCTFail("got \(error)") }
        }
    }
}
