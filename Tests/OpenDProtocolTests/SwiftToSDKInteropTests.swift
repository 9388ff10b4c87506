import Foundation
import NIOCore
import SwiftProtobuf
import XCTest
@testable import OpenDProtocol

/// Swift → SDK: frames encoded by FrameCodec (and the Swift ciphers) are parsed by the official
/// SDK's own parser in `Scripts/interop/check_swift_frames.py`, which must accept every one.
final class SwiftToSDKInteropTests: XCTestCase {
    private static let sdkVersion = "10.11.7108"

    private var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// `MOOTUI_SDK_PYTHON`, else the venv `Scripts/setup.sh` creates.
    private func sdkPython() -> String? {
        if let python = ProcessInfo.processInfo.environment["MOOTUI_SDK_PYTHON"], !python.isEmpty {
            return python
        }
        let venv = FileManager.default.homeDirectoryForCurrentUser
            .appendingPathComponent(".cache/mootui/sdk-venv-\(Self.sdkVersion)/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : nil
    }

    func testSDKParsesEveryFrameSwiftEncodes() throws {
        guard let python = sdkPython() else {
            return XCTFail("official SDK python not found: run Scripts/setup.sh or set MOOTUI_SDK_PYTHON")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mootui-interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("keys"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        let entries = try swiftFrames(keyDirectory: dir)
        XCTAssertGreaterThan(entries.count, 50)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(SDKFrameManifest(sdk: nil, frames: entries)).write(to: dir.appendingPathComponent("swift-frames.json"))

        let script = repositoryRoot.appendingPathComponent("Scripts/interop/check_swift_frames.py").path
        let (status, output) = try run(python, [script, dir.path], timeout: 120)
        XCTAssertEqual(status, 0, "check_swift_frames.py failed:\n\(output)")
        XCTAssertTrue(output.contains("\(entries.count) of \(entries.count) frames accepted"), output)
    }

    /// The SDK fixture messages re-encoded by Swift (new serials, Swift ciphers), plus the A.9
    /// messages built by hand.
    private func swiftFrames(keyDirectory dir: URL) throws -> [SDKFrameManifest.Entry] {
        let keyPEM = try TestKeys.pkcs1PEM()
        try keyPEM.write(to: dir.appendingPathComponent("keys/swift-rsa1024.pem"), atomically: true, encoding: .utf8)
        let swiftRSA = SDKFrameManifest.Cipher(kind: "rsa", keyFile: "keys/swift-rsa1024.pem")

        var messages: [(name: String, protoID: UInt32, message: any SwiftProtobuf.Message, direction: String,
                        cipher: SDKFrameManifest.Cipher)] = [
            ("swift.InitConnect.request", 1001, ReferenceFrames.initConnectRequest, "request", .none),
            ("swift.KeepAlive.request", 1004, ReferenceFrames.keepAliveRequest, "request", .none),
            ("swift.InitConnect.response", 1001, ReferenceFrames.initConnectResponse, "response", .none),
            ("swift.InitConnect.request.rsa", 1001, ReferenceFrames.initConnectRequest, "request", swiftRSA),
            ("swift.InitConnect.response.rsa", 1001, ReferenceFrames.initConnectResponse, "response", swiftRSA),
        ]
        for entry in try SDKFrameManifest.loadSDKFixtures().frames {
            let type = try XCTUnwrap(MessageCatalog.type(named: entry.message), entry.message)
            let cipher = entry.cipher.kind == "rsa" ? swiftRSA : entry.cipher
            messages.append(("swift." + entry.name, entry.protoID, try MessageCatalog.decode(type, json: entry.expectedJSON),
                             entry.direction, cipher))
        }

        return try messages.enumerated().map { index, item in
            let serial = UInt32(50_000 + index)
            let frame = Frame(protoID: item.protoID, serial: serial, body: ByteBuffer(bytes: try item.message.serializedBytes() as [UInt8]))
            let state = try item.cipher.frameCipherState(base: dir)
            let bytes = try FrameCodec.encode(frame, cipher: state?.cipher(for: item.protoID))
            return SDKFrameManifest.Entry(
                name: item.name, format: "protobuf", protoID: item.protoID, serial: serial, message: type(of: item.message).protoMessageName,
                direction: item.direction, cipher: item.cipher, frameHex: Hex.string(bytes),
                expectedJSON: try item.message.jsonString())
        }
    }

    /// Runs a process to completion (killing it after `timeout` seconds); returns status and output.
    private func run(_ executable: String, _ arguments: [String], timeout: TimeInterval) throws -> (Int32, String) {
        let outputURL = FileManager.default.temporaryDirectory.appendingPathComponent("mootui-interop-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: outputURL.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: outputURL.path])
        }
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let output = try FileHandle(forWritingTo: outputURL)
        defer { try? output.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline {
            usleep(10_000)  // polling the child's exit with a deadline, not waiting for an event
        }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            return (-1, "timed out after \(timeout) s\n" + ((try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""))
        }
        return (process.terminationStatus, (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "")
    }
}
