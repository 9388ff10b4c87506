import Foundation
import Logging
import MarketRecording
import MooApp
import OpenDClient

/// The live TUI's frame tap: records to a file while switched on (`record.toggle`, `--record FILE`),
/// passes frames by otherwise. New recordings go to `directory` as mootui-YYYYMMDD-HHMMSS.mrec.
final class SwitchableRecorder: FrameTap, @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var writer: RecordingWriter?
    private var path: String?
    private var lastStatus: RecordingStatus?

    private let directory: String
    private let gateway: String
    private let logger: Logger
    private let now: @Sendable () -> Date

    init(directory: String, gateway: String, logger: Logger, now: @escaping @Sendable () -> Date = { Date() }) {
        self.directory = directory
        self.gateway = gateway
        self.logger = logger
        self.now = now
    }

    /// `$XDG_STATE_HOME/mootui/recordings` (else ~/.local/state/mootui/recordings).
    static func defaultDirectory(_ environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/mootui/recordings" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state/mootui/recordings"
    }

    func frameReceived(protoID: UInt32, serial: UInt32, isPush: Bool, body: UnsafeRawBufferPointer) {
        lock.lock()
        let w = writer
        lock.unlock()
        w?.append(protoID: protoID, serial: serial, isPush: isPush, body: body)
    }

    /// Starts recording to `file` (a new file in the directory when nil).
    @discardableResult
    func start(file: String? = nil) -> RecordingStatus {
        lock.lock()
        defer { lock.unlock() }
        if writer != nil { return statusLocked() }
        let target = file ?? directory + "/" + Self.fileName(now())
        do {
            try FileManager.default.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            writer = try SessionRecorder.start(path: target, gateway: gateway)
            path = target
            logger.info("recording to \(target)")
            return statusLocked()
        } catch {
            let status = RecordingStatus(
                active: false, fileName: (target as NSString).lastPathComponent, records: 0, error: "\(error)")
            lastStatus = status
            return status
        }
    }

    /// Stops the recording (if any) and logs what it holds.
    @discardableResult
    func stop() -> RecordingStatus? {
        lock.lock()
        defer { lock.unlock() }
        guard let w = writer, let p = path else { return lastStatus }
        writer = nil
        let stats = SessionRecorder.finish(w, path: p, logger: logger)
        let status = RecordingStatus(
            active: false, fileName: (p as NSString).lastPathComponent, records: stats.framesRecorded,
            error: stats.writeError)
        lastStatus = status
        return status
    }

    /// What the UI's `record.toggle` does.
    func control(_ command: RecordingCommand) -> RecordingStatus {
        switch command {
        case .status:
            lock.lock()
            defer { lock.unlock() }
            return statusLocked()
        case .toggle:
            lock.lock()
            let recording = writer != nil
            lock.unlock()
            if recording { return stop() ?? RecordingStatus(active: false, fileName: "", records: 0) }
            return start()
        }
    }

    private func statusLocked() -> RecordingStatus {
        guard let w = writer, let p = path else {
            return lastStatus ?? RecordingStatus(active: false, fileName: "", records: 0)
        }
        let stats = w.statistics
        return RecordingStatus(
            active: true, fileName: (p as NSString).lastPathComponent, records: stats.framesRecorded,
            error: stats.writeError)
    }

    static func fileName(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyyMMdd-HHmmss"
        return "mootui-\(f.string(from: date)).mrec"
    }
}
