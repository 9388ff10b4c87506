/// Starting and stopping the recording of a live session from the UI (`record.toggle`).
public enum RecordingCommand: Sendable, Hashable {
    /// Start recording when idle, stop when recording.
    case toggle
    /// Only report how the recording stands.
    case status
}

/// How the session's recording stands.
public struct RecordingStatus: Sendable, Hashable {
    /// True while frames are being recorded.
    public var active: Bool
    /// The file's name (no directory): the current recording, or the last one once stopped.
    public var fileName: String
    /// Frames recorded so far in that file.
    public var records: UInt64
    /// Why starting failed (the file could not be made), or why writing stopped.
    public var error: String?

    public init(active: Bool, fileName: String, records: UInt64, error: String? = nil) {
        self.active = active
        self.fileName = fileName
        self.records = records
        self.error = error
    }
}
