import Foundation
import NIOCore
import SwiftProtobuf
import XCTest
@testable import OpenDProtocol

/// SDK → Swift: frames produced by the official SDK's own packers (Scripts/interop/gen_fixtures.py)
/// decode with FrameCodec and the generated types to exactly the values the SDK put in.
final class SDKGoldenFramesTests: XCTestCase {
    func testManifestCoversEveryResponseOfTheSubsetAndTheRequestedFrames() throws {
        let manifest = try SDKFrameManifest.loadSDKFixtures()
        let names = Set(manifest.frames.map(\.message))
        let responses = MessageCatalog.all.map { $0.protoMessageName }.filter { $0.hasSuffix(".Response") }
        // Every Response of the project's .proto subset is in the catalog (so, below, has a fixture).
        let protos = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/OpenDProtocol/Protos").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: protos.path).filter { $0.hasSuffix(".proto") }
        let withResponse = try files.filter {
            try String(contentsOf: protos.appendingPathComponent($0), encoding: .utf8).contains("message Response")
        }
        XCTAssertGreaterThan(withResponse.count, 50)
        XCTAssertEqual(responses.count, withResponse.count, "MessageCatalog lists every Response of Protos/")
        for response in responses {
            XCTAssertTrue(names.contains(response), "no SDK fixture for \(response)")
        }
        for request in ["InitConnect.Request", "KeepAlive.Request", "Qot_Sub.Request", "Trd_PlaceOrder.Request"] {
            XCTAssertTrue(names.contains(request), "no SDK fixture for \(request)")
        }
        let kinds = Set(manifest.frames.map(\.cipher.kind))
        XCTAssertEqual(kinds, ["none", "rsa", "ftaes-ecb", "aes-cbc"])
        XCTAssertEqual(Set(manifest.frames.map(\.format)), ["protobuf", "json"])
    }

    func testEverySDKFrameDecodesToTheSDKValues() throws {
        let manifest = try SDKFrameManifest.loadSDKFixtures()
        for entry in manifest.frames {
            try check(entry)
        }
    }

    private func check(_ entry: SDKFrameManifest.Entry, file: StaticString = #filePath, line: UInt = #line) throws {
        let label = entry.name
        let bytes = Hex.bytes(entry.frameHex)
        let state = try entry.cipher.frameCipherState(base: Fixtures.root)
        var buffer = ByteBuffer(bytes: bytes)
        let frame = try XCTUnwrap(try FrameCodec.decode(from: &buffer, cipherState: state), label)
        XCTAssertEqual(buffer.readableBytes, 0, "\(label): bytes left over")
        XCTAssertEqual(frame.protoID, entry.protoID, label)
        XCTAssertEqual(frame.serial, entry.serial, label)
        XCTAssertEqual(frame.format, entry.format == "json" ? .json : .protobuf, label)

        let type = try XCTUnwrap(MessageCatalog.type(named: entry.message), "\(label): no Swift type \(entry.message)")
        let plainBody = Array(frame.body.readableBytesView)
        // Strict decoding for protobuf: the SDK fills every required field, so nothing may be missing.
        let decoded = frame.format == .json
            ? try MessageCatalog.decode(type, frame: frame) : try MessageCatalog.decode(type, plainBody)
        XCTAssertTrue(decoded.unknownFields.data.isEmpty, "\(label): fields unknown to the Swift subset")

        let expected = try JSONValue.parse(entry.expectedJSON)
        let actual = try JSONValue.parse(try decoded.jsonString())
        let differences = expected.differences(from: actual)
        XCTAssertTrue(differences.isEmpty, "\(label):\n" + differences.prefix(20).joined(separator: "\n"))

        let fromJSON = try MessageCatalog.decode(type, json: entry.expectedJSON)
        XCTAssertTrue(fromJSON.isEqualTo(message: decoded), "\(label): SDK JSON and SDK binary decode differently")

        // Re-encoding gives the SDK's bytes exactly, except RSA whose padding is random.
        let reframed = Frame(protoID: entry.protoID, serial: entry.serial, body: ByteBuffer(bytes: try decoded.serializedBytes() as [UInt8]))
        let reencoded = try FrameCodec.encode(reframed, cipher: state?.cipher(for: entry.protoID))
        if frame.format == .json {
            // JSON layout is the encoder's choice; the values were compared above.
            return
        } else if entry.cipher.kind == "rsa" {
            XCTAssertEqual(reencoded.count, bytes.count, label)
            var again = ByteBuffer(bytes: reencoded)
            let roundTrip = try XCTUnwrap(try FrameCodec.decode(from: &again, cipherState: state), label)
            XCTAssertEqual(FrameSnapshot(roundTrip), FrameSnapshot(frame), label)
        } else {
            XCTAssertEqual(Hex.string(reencoded), entry.frameHex, "\(label): Swift encodes different bytes than the SDK")
        }
    }

    func testATamperedSDKFrameIsRejected() throws {
        let manifest = try SDKFrameManifest.loadSDKFixtures()
        let entry = try XCTUnwrap(manifest.frames.first { $0.name == "Trd_UpdateOrder.push" })
        var bytes = Hex.bytes(entry.frameHex)
        bytes[bytes.count / 2] ^= 0x20
        var buffer = ByteBuffer(bytes: bytes)
        XCTAssertThrowsError(try FrameCodec.decode(from: &buffer, cipherState: nil)) { error in
            XCTAssertEqual(error as? FrameError, .checksumMismatch(protoID: entry.protoID, serial: entry.serial))
        }
    }
}
