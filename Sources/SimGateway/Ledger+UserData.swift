import Foundation
import GRDB
import TradingKit

/// The user's own data kept with the ledger: watchlist groups (自选股) and price reminders.
extension Ledger {
    static func registerUserData(_ m: inout DatabaseMigrator) {
        m.registerMigration("v2-user-data") { db in
            try db.execute(sql: """
                CREATE TABLE user_group (name TEXT PRIMARY KEY, position INTEGER NOT NULL);
                CREATE TABLE user_security (groupName TEXT NOT NULL, code TEXT NOT NULL, position INTEGER NOT NULL,
                  PRIMARY KEY (groupName, code));
                CREATE TABLE price_reminder (key INTEGER PRIMARY KEY, code TEXT NOT NULL, type INTEGER NOT NULL,
                  value REAL NOT NULL, note TEXT NOT NULL, freq INTEGER NOT NULL, enabled INTEGER NOT NULL,
                  sessions TEXT NOT NULL, lastFiredDay TEXT NOT NULL);
                """)
        }
    }

    /// The custom groups in order with their codes in order; nil when none was ever saved.
    func loadUserGroups() throws -> [UserGroup]? {
        try pool.read { db in
            let names = try String.fetchAll(db, sql: "SELECT name FROM user_group ORDER BY position")
            let saved = try Int.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'userGroupsSaved'")
            guard !names.isEmpty || saved != nil else { return nil }
            return try names.map { name in
                let codes = try String.fetchAll(
                    db, sql: "SELECT code FROM user_security WHERE groupName = ? ORDER BY position", arguments: [name])
                return UserGroup(name: name, codes: codes.compactMap { try? SecurityCode(parsing: $0) })
            }
        }
    }

    /// Replaces the stored groups with `groups`; returns once durable.
    func saveUserGroups(_ groups: [UserGroup]) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM user_security")
            try db.execute(sql: "DELETE FROM user_group")
            for (i, g) in groups.enumerated() {
                try db.execute(sql: "INSERT INTO user_group (name, position) VALUES (?, ?)", arguments: [g.name, i])
                for (j, code) in g.codes.enumerated() {
                    try db.execute(sql: "INSERT INTO user_security (groupName, code, position) VALUES (?, ?, ?)",
                                   arguments: [g.name, code.description, j])
                }
            }
            try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('userGroupsSaved', 1)")
        }
    }

    func loadReminders() throws -> [PriceReminder] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM price_reminder ORDER BY key").compactMap { row in
                guard let code = try? SecurityCode(parsing: row["code"]) else { return nil }
                let sessions: String = row["sessions"]
                return PriceReminder(key: row["key"], code: code, type: row["type"], value: row["value"], note: row["note"],
                                     frequency: row["freq"], isEnabled: row["enabled"],
                                     sessions: sessions.split(separator: ",").compactMap { Int32($0) },
                                     lastFiredDay: row["lastFiredDay"])
            }
        }
    }

    /// Replaces the stored reminders with `reminders`; returns once durable.
    func saveReminders(_ reminders: [PriceReminder]) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM price_reminder")
            for r in reminders {
                try db.execute(sql: """
                    INSERT INTO price_reminder (key, code, type, value, note, freq, enabled, sessions, lastFiredDay)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [r.key, r.code.description, r.type, r.value, r.note, r.frequency, r.isEnabled,
                                     r.sessions.map(String.init).joined(separator: ","), r.lastFiredDay])
            }
        }
    }
}
