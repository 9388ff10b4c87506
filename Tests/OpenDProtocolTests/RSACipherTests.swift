import XCTest
@testable import OpenDProtocol

final class RSACipherTests: XCTestCase {
    func testGeneratedKeyIsPKCS1PEM() throws {
        let pem = try TestKeys.pkcs1PEM()
        XCTAssertTrue(pem.hasPrefix("-----BEGIN RSA PRIVATE KEY-----\n"), pem)
        XCTAssertTrue(pem.hasSuffix("-----END RSA PRIVATE KEY-----\n"))
    }

    func testSizesFollowTheSDKChunking() throws {
        let cipher = try RSACipher(privateKeyPEM: try TestKeys.pkcs1PEM())
        for (length, expected) in [(0, 0), (1, 128), (40, 128), (100, 128), (101, 256), (200, 256), (250, 384)] {
            let body = [UInt8](repeating: 0x5A, count: length)
            let sealed = try cipher.seal(body)
            XCTAssertEqual(sealed.count, expected, "plaintext of \(length) bytes")
            XCTAssertEqual(try cipher.open(sealed), body, "round trip of \(length) bytes")
        }
    }

    func testEncryptionIsRandomisedButBothOpen() throws {
        let cipher = try RSACipher(privateKeyPEM: try TestKeys.pkcs1PEM())
        let body = Array("InitConnect".utf8)
        let first = try cipher.seal(body)
        let second = try cipher.seal(body)
        XCTAssertNotEqual(first, second, "PKCS#1 v1.5 padding must be random")
        XCTAssertEqual(try cipher.open(first), body)
        XCTAssertEqual(try cipher.open(second), body)
    }

    func testPKCS1AndPKCS8FormsOfOneKeyInteroperate() throws {
        let pkcs1 = try RSACipher(privateKeyPEM: try TestKeys.fixturePEM("rsa1024-pkcs1.pem"))
        let pkcs8 = try RSACipher(privateKeyPEM: try TestKeys.fixturePEM("rsa1024-pkcs8.pem"))
        let body = (0..<180).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        XCTAssertEqual(try pkcs8.open(try pkcs1.seal(body)), body)
        XCTAssertEqual(try pkcs1.open(try pkcs8.seal(body)), body)
    }

    func testRejectsUnusablePEMs() throws {
        let cases: [(String, String)] = [
            ("", "empty"),
            ("not a key", "garbage"),
            ("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n", "bad base64 body"),
            (try TestKeys.fixturePEM("ec-p256-pkcs8.pem"), "EC key"),
            (try RSACipher.generatePrivateKeyPEM(bits: 2048), "2048-bit key"),
            (try RSACipher.generatePrivateKeyPEM(bits: 512), "512-bit key"),
        ]
        for (pem, label) in cases {
            XCTAssertThrowsError(try RSACipher(privateKeyPEM: pem), label) { error in
                guard case CipherError.invalidKey = error else { return XCTFail("\(label): got \(error)") }
            }
        }
        XCTAssertThrowsError(try RSACipher.generatePrivateKeyPEM(bits: 100)) { error in
            guard case CipherError.invalidKey = error else { return XCTFail("got \(error)") }
        }
    }

    func testRejectsBadCiphertext() throws {
        let cipher = try RSACipher(privateKeyPEM: try TestKeys.pkcs1PEM())
        for length in [1, 127, 129, 255] {
            XCTAssertThrowsError(try cipher.open([UInt8](repeating: 1, count: length))) { error in
                XCTAssertEqual(error as? CipherError, .badLength(length))
            }
        }
        // All-0xFF exceeds any 1024-bit modulus; all-zero decrypts to zero, which lacks 00 02 padding.
        for block in [[UInt8](repeating: 0xFF, count: 128), [UInt8](repeating: 0, count: 128)] {
            XCTAssertThrowsError(try cipher.open(block)) { error in
                guard case CipherError.malformedCiphertext = error else { return XCTFail("got \(error)") }
            }
        }
    }
}
