import Foundation
import XCTest

@testable import MarketRecording

/// Header and records survive a round trip; damage is reported with its byte offset and what
/// comes before it is kept.
final class RecordingFormatTests: XCTestCase {
    private let header = RecordingHeader(
        startNanoseconds: 1_700_000_000_123_456_789, gateway: "127.0.0.1:11111",
        subscriptions: [.init(code: "HK.00700", subType: 2), .init(code: "US.AAPL", subType: 4)])

    /// A recording of `count` frames written through a real writer into memory.
    private func recording(_ count: Int) throws -> [UInt8] {
        let sink = MemorySink()
        let clock = LockedCounter()
        let writer = try RecordingWriter(sink: sink, header: header, now: { clock.next() })
        for i in 0..<count {
            writer.append(protoID: 3013, serial: UInt32(i + 1), isPush: i % 2 == 0, body: [UInt8](repeating: UInt8(i), count: i + 3))
        }
        let stats = writer.close()
        XCTAssertEqual(stats.framesRecorded, UInt64(count))
        XCTAssertEqual(stats.framesDropped, 0)
        return sink.bytes
    }

    func testHeaderAndFramesRoundTrip() throws {
        let bytes = try recording(5)
        let contents = try RecordingReader.read(bytes: bytes)
        XCTAssertEqual(contents.header, header)
        XCTAssertNil(contents.damage)
        XCTAssertEqual(contents.entries.count, 5)
        for (i, entry) in contents.entries.enumerated() {
            guard case .frame(let f) = entry else { return XCTFail("entry \(i) is not a frame") }
            XCTAssertEqual(f.protoID, 3013)
            XCTAssertEqual(f.serial, UInt32(i + 1))
            XCTAssertEqual(f.isPush, i % 2 == 0)
            XCTAssertEqual(f.body, [UInt8](repeating: UInt8(i), count: i + 3))
            XCTAssertEqual(f.receivedNanoseconds, UInt64(i + 1))
        }
        // 26 bytes of overhead per record: the documented figure.
        let headerSize = header.encoded().count
        XCTAssertEqual(bytes.count - headerSize, (0..<5).reduce(0) { $0 + 26 + $1 + 3 })
    }

    func testTruncatedFileNamesTheOffsetAndKeepsWhatIsIntact() throws {
        let bytes = try recording(4)
        let headerSize = header.encoded().count
        let thirdRecord = headerSize + (26 + 3) + (26 + 4)
        let cut = Array(bytes.prefix(thirdRecord + 10))
        let contents = try RecordingReader.read(bytes: cut)
        XCTAssertEqual(contents.entries.count, 2)
        XCTAssertEqual(contents.damage?.offset, thirdRecord)
        let text = try XCTUnwrap(contents.damage?.description)
        XCTAssertTrue(text.contains("truncated recording at byte offset \(thirdRecord)"), text)
    }

    func testCorruptRecordNamesTheOffsetAndKeepsWhatIsIntact() throws {
        var bytes = try recording(4)
        let headerSize = header.encoded().count
        let second = headerSize + 26 + 3
        bytes[second + 4 + 18] ^= 0xFF  // a body byte of the second record
        let contents = try RecordingReader.read(bytes: bytes)
        XCTAssertEqual(contents.entries.count, 1)
        XCTAssertEqual(contents.damage, .corrupt(offset: second, "the record's checksum does not match"))
        XCTAssertTrue(contents.damage!.description.contains("corrupt recording at byte offset \(second)"))
    }

    func testImpossibleLengthIsCorruption() throws {
        var bytes = try recording(2)
        let headerSize = header.encoded().count
        bytes.replaceSubrange(headerSize..<headerSize + 4, with: [0xFF, 0xFF, 0xFF, 0x7F])
        let contents = try RecordingReader.read(bytes: bytes)
        XCTAssertEqual(contents.entries.count, 0)
        XCTAssertEqual(contents.damage?.offset, headerSize)
    }

    func testBadHeadersAreClearErrors() throws {
        XCTAssertThrowsError(try RecordingReader.read(bytes: Array("hello world, not a recording".utf8))) { error in
            XCTAssertTrue("\(error)".hasPrefix("not a mootui recording"), "\(error)")
        }
        let encoded = header.encoded()
        XCTAssertThrowsError(try RecordingReader.read(bytes: Array(encoded.prefix(20)))) { error in
            XCTAssertEqual((error as? RecordingError)?.offset, 20, "\(error)")
        }
        var flipped = encoded
        flipped[22] ^= 1  // a byte of the gateway address
        XCTAssertThrowsError(try RecordingReader.read(bytes: flipped)) { error in
            XCTAssertEqual((error as? RecordingError)?.offset, encoded.count - 4, "\(error)")
        }
        var future = encoded
        future[8] = 9
        XCTAssertThrowsError(try RecordingReader.read(bytes: future)) { error in
            XCTAssertEqual(error as? RecordingError, .unsupportedVersion(9))
        }
    }

    func testReadingAMissingFileIsAClearError() {
        XCTAssertThrowsError(try RecordingReader.read(path: "/nonexistent/x.moorec")) { error in
            XCTAssertEqual("\(error)", "cannot read recording /nonexistent/x.moorec")
        }
    }
}

/// Collects what the writer writes.
final class MemorySink: RecordingSink, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [UInt8] = []
    var bytes: [UInt8] { lock.withLock { stored } }
    func write(_ bytes: [UInt8]) throws { lock.withLock { stored += bytes } }
    func close() throws {}
}

/// 1, 2, 3 ... from any thread.
final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value: UInt64 = 0
    func next() -> UInt64 { lock.withLock { value += 1; return value } }
}
