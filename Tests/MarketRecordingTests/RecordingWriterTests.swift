import Foundation
import XCTest

@testable import MarketRecording

/// The writer never blocks its caller: with the disk stalled, frames beyond the buffer are
/// dropped and written as one counted gap.
final class RecordingWriterTests: XCTestCase {
    /// A sink whose writes wait until `release()`.
    final class StalledSink: RecordingSink, @unchecked Sendable {
        let inner = MemorySink()
        private let gate = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var writes = 0
        private var open = false
        let firstWriteStarted = DispatchSemaphore(value: 0)
        func write(_ bytes: [UInt8]) throws {
            let (n, isOpen) = lock.withLock { () -> (Int, Bool) in
                writes += 1
                return (writes, open)
            }
            // The header is write 1; write 2 (the first batch) stalls until released.
            if n == 2 && !isOpen {
                firstWriteStarted.signal()
                gate.wait()
            }
            try inner.write(bytes)
        }
        func release() {
            lock.withLock { open = true }
            gate.signal()
        }
        func close() throws {}
    }

    func testAStalledSinkDropsToACountedGapWithoutBlocking() throws {
        let sink = StalledSink()
        let header = RecordingHeader(startNanoseconds: 1, gateway: "test", subscriptions: [])
        let clock = LockedCounter()
        let writer = try RecordingWriter(sink: sink, header: header, capacityBytes: 4096, now: { clock.next() })
        let body = [UInt8](repeating: 7, count: 100)
        writer.append(protoID: 3011, serial: 1, isPush: true, body: body)
        XCTAssertEqual(sink.firstWriteStarted.wait(timeout: .now() + 10), .success, "the writer never wrote")
        // The writer thread is stuck in the sink; 4096 bytes hold 31 records of 126 bytes.
        let started = Date()
        for i in 2...200 { writer.append(protoID: 3011, serial: UInt32(i), isPush: true, body: body) }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "appends waited for the disk")
        var stats = writer.statistics
        XCTAssertEqual(stats.framesRecorded, 1 + 32)
        XCTAssertEqual(stats.framesDropped, 199 - 32)
        sink.release()
        // After the stall, one more frame: the gap record goes before it.
        let deadline = Date().addingTimeInterval(10)
        while writer.statistics.bytesWritten < UInt64(header.encoded().count + 33 * 126), Date() < deadline {
            usleep(1000)
        }
        writer.append(protoID: 3011, serial: 201, isPush: true, body: body)
        stats = writer.close()
        XCTAssertEqual(stats.gaps, 1)
        XCTAssertEqual(stats.framesRecorded, 34)

        let contents = try RecordingReader.read(bytes: sink.inner.bytes)
        XCTAssertNil(contents.damage)
        let serials = contents.entries.compactMap { entry -> UInt32? in
            if case .frame(let f) = entry { return f.serial }
            return nil
        }
        XCTAssertEqual(serials, Array(1...33) + [201])
        let gaps = contents.entries.compactMap { entry -> RecordedGap? in
            if case .gap(let g) = entry { return g }
            return nil
        }
        XCTAssertEqual(gaps.count, 1)
        XCTAssertEqual(gaps.first?.dropped, 167)
        // The gap sits where the drops happened: after serial 33, before 201.
        guard case .gap = contents.entries[33] else { return XCTFail("the gap is not after the 33rd frame") }
    }

    func testFramesAfterCloseAreIgnoredAndCloseIsIdempotent() throws {
        let sink = MemorySink()
        let writer = try RecordingWriter(
            sink: sink, header: RecordingHeader(startNanoseconds: 1, gateway: "g", subscriptions: []))
        writer.append(protoID: 1, serial: 1, isPush: false, body: [1, 2, 3])
        let first = writer.close()
        writer.append(protoID: 1, serial: 2, isPush: false, body: [1, 2, 3])
        XCTAssertEqual(writer.close(), first)
        XCTAssertEqual(try RecordingReader.read(bytes: sink.bytes).entries.count, 1)
    }
}
