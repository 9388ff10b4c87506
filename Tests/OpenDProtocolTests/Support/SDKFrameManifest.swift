import Foundation
import OpenDProtocol

/// The golden-frame manifest format shared with `Scripts/interop/` (sdk-frames.json, swift-frames.json).
struct SDKFrameManifest: Codable {
    /// How one frame's body is encrypted.
    struct Cipher: Codable, Equatable {
        var kind: String
        var keyFile: String?
        var key: String?
        var iv: String?

        static let none = Cipher(kind: "none")
    }

    /// One framed message and what it must decode to.
    struct Entry: Codable {
        var name: String
        /// "protobuf" or "json": the body format the header's format byte announces.
        var format: String
        var protoID: UInt32
        var serial: UInt32
        var message: String
        var direction: String
        var cipher: Cipher
        var frameHex: String
        var expectedJSON: String
    }

    var sdk: String?
    var frames: [Entry]

    /// The SDK-produced fixtures checked in under `Fixtures/`.
    static func loadSDKFixtures() throws -> SDKFrameManifest {
        try JSONDecoder().decode(SDKFrameManifest.self, from: Data(contentsOf: Fixtures.url("sdk-frames.json")))
    }
}

extension SDKFrameManifest.Cipher {
    /// The cipher state a connection in this mode would have; RSA key files resolve against `base`.
    func frameCipherState(base: URL) throws -> FrameCipherState? {
        switch kind {
        case "none":
            return nil
        case "rsa":
            let pem = try String(contentsOf: base.appendingPathComponent(keyFile ?? ""), encoding: .utf8)
            return FrameCipherState(rsa: try RSACipher(privateKeyPEM: pem))
        case "ftaes-ecb":
            return FrameCipherState(aes: try FTAESECBCipher(key: key ?? ""))
        case "aes-cbc":
            return FrameCipherState(aes: try AESCBCCipher(key: key ?? "", iv: iv ?? ""))
        default:
            throw CipherError.invalidKey("unknown cipher kind \(kind) in manifest")
        }
    }
}
