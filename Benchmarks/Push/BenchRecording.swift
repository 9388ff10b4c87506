import Foundation
import MarketRecording

/// The recorder side of `bench-push hotpath --record FILE`.
enum BenchRecording {
    static func writer(path: String, port: Int) throws -> RecordingWriter {
        let header = RecordingHeader(
            startNanoseconds: WallClock.nanoseconds(), gateway: "127.0.0.1:\(port)", subscriptions: [])
        return try RecordingWriter(sink: try FileRecordingSink(path: path), header: header)
    }

    /// User + system CPU seconds of the whole process.
    static func processCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }

    static func report(_ stats: RecordingStatistics, path: String, pushes: Int) {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print(
            "recorder: \(stats.framesRecorded) frames recorded, \(stats.framesDropped) dropped in \(stats.gaps) gaps,"
                + " \(size) B file"
                + (stats.framesRecorded > 0 ? String(format: " (%.1f B per frame)", Double(size) / Double(stats.framesRecorded)) : "")
                + (stats.writeError.map { ", write error: \($0)" } ?? ""))
    }
}
