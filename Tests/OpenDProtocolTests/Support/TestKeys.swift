import Foundation
import OpenDProtocol

/// RSA keys shared by the tests: generated once per run (1024-bit generation costs tens of ms).
enum TestKeys {
    private static let generated = Result { try RSACipher.generatePrivateKeyPEM() }

    /// A fresh throw-away 1024-bit PKCS#1 PEM, the same one for the whole test run.
    static func pkcs1PEM() throws -> String { try generated.get() }

    /// The throw-away key checked in under `Fixtures/keys/` in the named form.
    static func fixturePEM(_ name: String) throws -> String {
        try String(contentsOf: Fixtures.url("keys/\(name)"), encoding: .utf8)
    }
}

/// Locates files under `Tests/OpenDProtocolTests/Fixtures`.
enum Fixtures {
    /// The fixtures folder as copied into the test bundle.
    static var root: URL {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            preconditionFailure("Fixtures resource missing from the test bundle")
        }
        return url
    }

    /// A file inside the fixtures folder.
    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }
}
