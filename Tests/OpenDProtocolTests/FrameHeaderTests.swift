import XCTest
@testable import OpenDProtocol

final class FrameHeaderTests: XCTestCase {
    func testParsesTheA9KeepAliveHeader() throws {
        let bytes = Hex.bytes(ReferenceFrames.keepAliveRequestHex)
        let header = try bytes.withUnsafeBytes { try FrameHeader.decode($0) }
        XCTAssertEqual(header.protoID, 1004)
        XCTAssertEqual(header.format, .protobuf)
        XCTAssertEqual(header.version, 0)
        XCTAssertEqual(header.serial, 2)
        XCTAssertEqual(header.bodyLength, 8)
        XCTAssertEqual(header.bodySHA1.description, "a574904e7c778af7b84d66bebdfda3c5553a5558")
        XCTAssertEqual(header.bodySHA1, SHA1Digest.hash(Array(bytes[44...])))
    }

    func testEncodeIsTheInverseOfDecode() throws {
        let header = FrameHeader(protoID: 3013, format: .json, version: 0, serial: 0xFFFF_FFFE, bodyLength: 1234,
                                 bodySHA1: SHA1Digest.hash(Array("x".utf8)))
        var bytes: [UInt8] = []
        header.encode(into: &bytes)
        XCTAssertEqual(bytes.count, FrameHeader.size)
        XCTAssertEqual(Array(bytes[36...]), [UInt8](repeating: 0, count: 8), "reserved bytes")
        XCTAssertEqual(try bytes.withUnsafeBytes { try FrameHeader.decode($0) }, header)
    }

    func testShortInputThrowsInsteadOfTrapping() {
        let bytes = Array(Hex.bytes(ReferenceFrames.keepAliveRequestHex).prefix(43))
        XCTAssertThrowsError(try bytes.withUnsafeBytes { try FrameHeader.decode($0) }) { error in
            XCTAssertEqual(error as? FrameError, .truncatedHeader(length: 43))
        }
    }
}
