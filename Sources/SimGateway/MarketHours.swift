/// When the simulated exchanges are open.
public enum MarketHours: String, Sendable, CaseIterable {
    /// Every market is in continuous trading at all times (the default: the screen always moves).
    case always
    /// Each market follows its exchange timetable in local exchange time (reference E.10).
    case real
}
