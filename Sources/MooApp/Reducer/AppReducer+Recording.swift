import TradingKit

/// `record.toggle`: start or stop recording the live session; the status bar shows ` REC file N `
/// while it runs (the count is asked for once a second).
extension AppReducer {
    static func toggleRecording(_ state: inout AppState) -> [Effect] {
        guard !state.isReplay else {
            say("a replay is not recorded", error: true, &state)
            return []
        }
        return [.recording(.toggle)]
    }

    static func recorded(_ status: RecordingStatus, _ state: inout AppState) {
        let was = state.recording
        state.recording = status
        if let error = status.error, error != was?.error {
            say("recording \(status.fileName): \(error)", error: true, &state)
        } else if status.active && was?.active != true {
            say("recording to \(status.fileName)", error: false, &state)
        } else if !status.active && was?.active == true {
            say("recorded \(status.records) frames to \(status.fileName)", error: false, &state)
        }
    }
}

extension AppState {
    /// " REC file.mrec 1234 " while recording, for the status bar.
    public var recordingBadge: String? {
        guard let r = recording, r.active else { return nil }
        return "REC \(r.fileName) \(r.records)"
    }
}
