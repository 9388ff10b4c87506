import Foundation

/// Counts kept by a ``RecordingWriter``.
public struct RecordingStatistics: Equatable, Sendable {
    public var framesRecorded: UInt64 = 0
    public var framesDropped: UInt64 = 0
    public var gaps: UInt64 = 0
    /// Bytes handed to the sink, header included.
    public var bytesWritten: UInt64 = 0
    /// The first write error; after it every frame is dropped.
    public var writeError: String?
}

/// Records frames without ever blocking the caller: ``append(protoID:serial:isPush:body:)``
/// copies the frame into a bounded in-memory buffer under a short lock; a thread of the
/// writer's own drains it to the sink. When the buffer is full (the sink is slower than the
/// feed) frames are dropped and the run of drops is written as one gap record once there is
/// room again, so the file shows the hole and its size.
public final class RecordingWriter: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var pending: [UInt8] = []
    private var gap: RecordedGap?
    private var closing = false
    private var stats = RecordingStatistics()

    private let capacity: Int
    private let sink: any RecordingSink
    private let now: @Sendable () -> UInt64
    private let done = DispatchSemaphore(value: 0)
    private var closed = false

    /// The default buffer: 8 MiB, a few seconds of a busy feed.
    public static let defaultCapacity = 8 << 20
    /// Buffered bytes that wake the writer at once.
    private var wakeThreshold: Int { min(64 << 10, capacity / 4) }
    /// The longest a frame waits in memory before it is written.
    private let flushInterval: TimeInterval

    /// Writes `header` to `sink` at once, then starts the writer thread. `now` gives receive
    /// times in nanoseconds since the Unix epoch.
    public init(
        sink: any RecordingSink, header: RecordingHeader, capacityBytes: Int = RecordingWriter.defaultCapacity,
        flushInterval: TimeInterval = 0.1, now: @escaping @Sendable () -> UInt64 = WallClock.nanoseconds
    ) throws {
        self.sink = sink
        self.flushInterval = flushInterval
        self.capacity = max(capacityBytes, 4096)
        self.now = now
        let bytes = header.encoded()
        try sink.write(bytes)
        stats.bytesWritten = UInt64(bytes.count)
        pending.reserveCapacity(capacity)
        let thread = Thread { [self] in drain() }
        thread.name = "mootui-recorder"
        thread.start()
    }

    /// Records one received frame; never waits for the disk.
    public func append(protoID: UInt32, serial: UInt32, isPush: Bool, body: UnsafeRawBufferPointer) {
        let time = now()
        let size = RecordEncoding.frameSize(bodyCount: body.count)
        condition.lock()
        defer { condition.unlock() }
        guard !closing else { return }
        let before = pending.count
        let gapSize = gap == nil ? 0 : RecordingFormat.recordOverhead + 16
        if stats.writeError != nil || pending.count + gapSize + size > capacity {
            stats.framesDropped += 1
            if gap == nil {
                gap = RecordedGap(firstNanoseconds: time, lastNanoseconds: time, dropped: 1)
            } else {
                gap!.lastNanoseconds = time
                gap!.dropped += 1
            }
            return
        }
        if let g = gap {
            RecordEncoding.appendGap(into: &pending, g)
            stats.gaps += 1
            gap = nil
        }
        RecordEncoding.appendFrame(
            into: &pending, nanoseconds: time, protoID: protoID, serial: serial, isPush: isPush, body: body)
        stats.framesRecorded += 1
        // Wake the writer once per chunk, not per frame (a signal is a system call when it waits);
        // otherwise it wakes by itself every flush interval.
        if before < wakeThreshold && pending.count >= wakeThreshold { condition.signal() }
    }

    /// Copying convenience for tests and tools.
    public func append(protoID: UInt32, serial: UInt32, isPush: Bool, body: [UInt8]) {
        body.withUnsafeBytes { append(protoID: protoID, serial: serial, isPush: isPush, body: $0) }
    }

    /// The counts so far.
    public var statistics: RecordingStatistics {
        condition.lock()
        defer { condition.unlock() }
        return stats
    }

    /// Writes what is buffered (and a final gap record if frames were dropped at the end), closes
    /// the sink and returns the counts. Later appends are ignored. Idempotent.
    @discardableResult
    public func close() -> RecordingStatistics {
        condition.lock()
        let first = !closing
        closing = true
        condition.signal()
        condition.unlock()
        if first { done.wait() }
        return statistics
    }

    private func drain() {
        var batch: [UInt8] = []
        batch.reserveCapacity(capacity)
        while true {
            condition.lock()
            let deadline = Date().addingTimeInterval(flushInterval)
            while pending.count < wakeThreshold && !closing {
                if !condition.wait(until: deadline) { break }
            }
            swap(&batch, &pending)
            let finishing = closing
            if finishing, let g = gap, stats.writeError == nil {
                RecordEncoding.appendGap(into: &batch, g)
                stats.gaps += 1
                gap = nil
            }
            condition.unlock()
            if !batch.isEmpty {
                RecordEncoding.sealRecords(&batch)
                var failure: String?
                do { try sink.write(batch) } catch { failure = "\(error)" }
                condition.lock()
                if let failure {
                    if stats.writeError == nil { stats.writeError = failure }
                } else {
                    stats.bytesWritten += UInt64(batch.count)
                }
                condition.unlock()
                batch.removeAll(keepingCapacity: true)
            }
            if finishing { break }
        }
        do { try sink.close() } catch {
            condition.lock()
            if stats.writeError == nil { stats.writeError = "\(error)" }
            condition.unlock()
        }
        done.signal()
    }
}

/// The wall clock in nanoseconds since the Unix epoch.
public enum WallClock {
    @Sendable public static func nanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}
