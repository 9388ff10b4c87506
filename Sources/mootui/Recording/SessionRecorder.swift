import Foundation
import Logging
import MarketRecording

/// `mootui --record FILE`: the recorder of a TUI session (every frame the client receives).
enum SessionRecorder {
    static func start(path: String, gateway: String) throws -> RecordingWriter {
        let header = RecordingHeader(startNanoseconds: WallClock.nanoseconds(), gateway: gateway, subscriptions: [])
        do {
            return try RecordingWriter(sink: try FileRecordingSink(path: path), header: header)
        } catch {
            throw TUIError("--record \(path): \(error)")
        }
    }

    /// Closes the recording and logs what it holds (the terminal is back to normal by then).
    @discardableResult
    static func finish(_ writer: RecordingWriter, path: String, logger: Logger) -> RecordingStatistics {
        let stats = writer.close()
        let line =
            "recorded \(stats.framesRecorded) frames (\(stats.framesDropped) dropped in \(stats.gaps) gaps), "
            + "\(stats.bytesWritten) bytes to \(path)" + (stats.writeError.map { "; write error: \($0)" } ?? "")
        logger.info("\(line)")
        FileHandle.standardError.write(Data("mootui: \(line)\n".utf8))
        return stats
    }
}
