import TradingKit

/// `mootui replay FILE`: the replay keys ([replay] keymap table, active only while replaying)
/// become commands to the gateway's replay; its answers set the replay clock in the status bar.
extension AppReducer {
    /// Seconds a `replay.forward` / `replay.back` jumps.
    public static let replaySeekSeconds = 10
    /// Seconds a `replay.forward-minute` / `replay.back-minute` jumps.
    public static let replaySeekMinuteSeconds = 60

    static func replayEffects(_ action: AppAction, _ state: AppState) -> [Effect] {
        guard state.isReplay else { return [] }
        let command: ReplayControl
        switch action {
        case .replayPause: command = .togglePause
        case .replayStep: command = .stepRecord
        case .replayStepSecond: command = .stepSeconds(1)
        case .replayFaster: command = .faster
        case .replaySlower: command = .slower
        case .replayForward: command = .seek(seconds: replaySeekSeconds)
        case .replayBack: command = .seek(seconds: -replaySeekSeconds)
        case .replayForwardMinute: command = .seek(seconds: replaySeekMinuteSeconds)
        case .replayBackMinute: command = .seek(seconds: -replaySeekMinuteSeconds)
        default: return []
        }
        return [.replay(command)]
    }
}

extension AppState {
    /// True while the UI shows a recording (`mootui replay FILE`).
    public var isReplay: Bool { replayBadge != nil }

    /// The badge where SIMULATE / REAL is, with the replay's speed, pause and clock once known:
    /// " REPLAY 2x 09:31:05 · PAPER ", " REPLAY PAUSED 09:31:05 · PAPER ".
    public var replayBanner: String? {
        guard let badge = replayBadge else { return nil }
        guard let r = replayStatus else { return badge }
        let mode = r.paused ? "PAUSED" : r.isFinished ? "END" : r.speed
        return " REPLAY \(mode) \(r.clockText) · PAPER "
    }
}
