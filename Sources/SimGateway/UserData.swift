import Foundation
import TradingKit

/// A custom watchlist group (自选股分组) and its codes, in the user's order.
struct UserGroup: Sendable, Hashable {
    var name: String
    var codes: [SecurityCode]
}

/// A price reminder (到价提醒) on one security.
struct PriceReminder: Sendable, Hashable {
    var key: Int64
    var code: SecurityCode
    /// Qot_Common.PriceReminderType.
    var type: Int32
    /// The threshold as the user set it (a price, a percentage, a volume or a turnover).
    var value: Double
    var note: String
    /// Qot_Common.PriceReminderFreq: 1 always, 2 once a day, 3 only once.
    var frequency: Int32
    var isEnabled: Bool
    var sessions: [Int32]
    /// Exchange-local date it last fired ("" if never): once-a-day reminders fire once per day.
    var lastFiredDay: String
}

/// The user's watchlist groups and price reminders, kept in the ledger. Not thread-safe: the
/// gateway core owns it under its lock. Writes are durable before the request is answered.
final class UserData {
    private let ledger: Ledger
    private(set) var groups: [UserGroup]
    private(set) var reminders: [PriceReminder]
    /// Reminders whose condition held at the last check (an "always" reminder fires when its
    /// condition starts to hold, not on every update while it holds).
    var holding: Set<Int64> = []

    /// System groups OpenD lists before the custom ones, with the markets each shows.
    static let systemGroups: [(name: String, markets: Set<Market>?)] = [
        ("全部", nil), ("沪深", [.sh, .sz]), ("港股", [.hk]), ("美股", [.us]),
    ]
    /// Groups OpenD refuses to list (reference: 不支持持仓、基金宝、外汇分组的查询).
    static let unlistable: Set<String> = ["持仓", "Positions", "基金宝", "Mutual Fund", "外汇", "Forex"]
    /// The custom group a fresh simulator starts with.
    static let starterGroup = UserGroup(name: "自选", codes: ["HK.00700", "HK.09988", "US.AAPL", "US.TSLA", "SH.600519"]
        .compactMap { try? SecurityCode(parsing: $0) })

    init(ledger: Ledger) throws {
        self.ledger = ledger
        groups = try ledger.loadUserGroups() ?? [Self.starterGroup]
        reminders = try ledger.loadReminders()
    }

    func setGroups(_ new: [UserGroup]) throws {
        try ledger.saveUserGroups(new)
        groups = new
    }

    func setReminders(_ new: [PriceReminder]) throws {
        try ledger.saveReminders(new)
        reminders = new
        holding = holding.intersection(new.map(\.key))
    }

    var nextReminderKey: Int64 { (reminders.map(\.key).max() ?? 1_000_000_000) + 1 }
}
