import Foundation
import GRDB
import TradingKit

/// The paper broker's book of record in SQLite (WAL): accounts' cash, orders, fills, positions
/// and the results of trade write requests by PacketID. Everything a response acknowledges is
/// committed before the response is sent, so a kill -9 loses nothing acknowledged.
final class Ledger: @unchecked Sendable {
    // GRDB's DatabasePool is itself thread-safe; the class holds no other state.
    let pool: DatabasePool

    /// Everything the ledger holds, as loaded on start.
    struct Snapshot {
        var accounts: [BrokerAccount] = []
        var orders: [BrokerOrder] = []
        var fills: [BrokerFill] = []
        var positions: [BrokerPosition] = []
        var packets: [String: [UInt8]] = [:]
        var meta: [String: Int64] = [:]
    }

    /// A batch of changes committed in one transaction.
    struct Changes {
        var accounts: [UInt64: BrokerAccount] = [:]
        var orders: [UInt64: BrokerOrder] = [:]
        var fills: [BrokerFill] = []
        var positions: [String: BrokerPosition] = [:]
        var packets: [String: [UInt8]] = [:]
        var meta: [String: Int64] = [:]

        var isEmpty: Bool {
            accounts.isEmpty && orders.isEmpty && fills.isEmpty && positions.isEmpty && packets.isEmpty && meta.isEmpty
        }
    }

    /// Opens (creating if needed) `directory/ledger.sqlite`.
    init(directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw LedgerError(description: "cannot create the data directory \(directory): \(error.localizedDescription)")
        }
        var config = Configuration()
        config.label = "mootui-sim-ledger"
        config.prepareDatabase { db in
            // FULL: a committed transaction survives power loss, not only a process kill.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            pool = try DatabasePool(path: directory + "/ledger.sqlite", configuration: config)
            try Self.migrator.migrate(pool)
        } catch {
            throw LedgerError(description: "cannot open the ledger in \(directory): \(error)")
        }
    }

    private static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE account (id INTEGER PRIMARY KEY, env TEXT NOT NULL, trdMarket INTEGER NOT NULL,
                  currency TEXT NOT NULL, cash INTEGER NOT NULL);
                CREATE TABLE "order" (id INTEGER PRIMARY KEY, accountID INTEGER NOT NULL, code TEXT NOT NULL,
                  name TEXT NOT NULL, side TEXT NOT NULL, type INTEGER NOT NULL, status INTEGER NOT NULL,
                  quantity INTEGER NOT NULL, price INTEGER NOT NULL, filledQuantity INTEGER NOT NULL,
                  filledNotional INTEGER NOT NULL, timeInForce INTEGER NOT NULL, remark TEXT NOT NULL,
                  createTime TEXT NOT NULL, updateTime TEXT NOT NULL, createStamp REAL NOT NULL,
                  updateStamp REAL NOT NULL, lastError TEXT NOT NULL);
                CREATE TABLE fill (id INTEGER PRIMARY KEY, orderID INTEGER NOT NULL, accountID INTEGER NOT NULL,
                  code TEXT NOT NULL, name TEXT NOT NULL, side TEXT NOT NULL, quantity INTEGER NOT NULL,
                  price INTEGER NOT NULL, time TEXT NOT NULL, stamp REAL NOT NULL);
                CREATE TABLE position (accountID INTEGER NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
                  quantity INTEGER NOT NULL, cost INTEGER NOT NULL, realized INTEGER NOT NULL,
                  PRIMARY KEY (accountID, code));
                CREATE TABLE packet (key TEXT PRIMARY KEY, response BLOB NOT NULL);
                CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
                """)
        }
        m.registerMigration("v2-fees") { db in
            try db.execute(sql: "ALTER TABLE \"order\" ADD COLUMN fees INTEGER NOT NULL DEFAULT 0")
        }
        registerUserData(&m)
        return m
    }

    /// Reads everything back.
    func load() throws -> Snapshot {
        try pool.read { db in
            var s = Snapshot()
            for row in try Row.fetchAll(db, sql: "SELECT * FROM account ORDER BY id") {
                s.accounts.append(BrokerAccount(
                    id: UInt64(bitPattern: row["id"]), environment: TradingEnvironment(rawValue: row["env"]) ?? .simulate,
                    trdMarket: row["trdMarket"], currency: row["currency"], cash: Price(micros: row["cash"])))
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM \"order\" ORDER BY id") {
                guard let code = try? SecurityCode(parsing: row["code"]) else { continue }
                s.orders.append(BrokerOrder(
                    id: UInt64(bitPattern: row["id"]), accountID: UInt64(bitPattern: row["accountID"]), code: code,
                    name: row["name"], side: OrderSide(rawValue: row["side"]) ?? .buy, type: row["type"],
                    status: OrderStatus(wireValue: row["status"]), quantity: row["quantity"],
                    price: Price(micros: row["price"]), filledQuantity: row["filledQuantity"],
                    filledNotional: row["filledNotional"], timeInForce: row["timeInForce"], remark: row["remark"],
                    createTime: row["createTime"], updateTime: row["updateTime"], createStamp: row["createStamp"],
                    updateStamp: row["updateStamp"], lastError: row["lastError"], fees: row["fees"]))
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM fill ORDER BY id") {
                guard let code = try? SecurityCode(parsing: row["code"]) else { continue }
                s.fills.append(BrokerFill(
                    id: UInt64(bitPattern: row["id"]), orderID: UInt64(bitPattern: row["orderID"]),
                    accountID: UInt64(bitPattern: row["accountID"]), code: code, name: row["name"],
                    side: OrderSide(rawValue: row["side"]) ?? .buy, quantity: row["quantity"],
                    price: Price(micros: row["price"]), time: row["time"], stamp: row["stamp"]))
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM position ORDER BY accountID, code") {
                guard let code = try? SecurityCode(parsing: row["code"]) else { continue }
                s.positions.append(BrokerPosition(
                    accountID: UInt64(bitPattern: row["accountID"]), code: code, name: row["name"],
                    quantity: row["quantity"], cost: row["cost"], realized: row["realized"]))
            }
            for row in try Row.fetchAll(db, sql: "SELECT key, response FROM packet") {
                let data: Data = row["response"]
                s.packets[row["key"]] = [UInt8](data)
            }
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") {
                s.meta[row["key"]] = row["value"]
            }
            return s
        }
    }

    /// Writes `changes` in one transaction; returns only once it is durable.
    func commit(_ changes: Changes) throws {
        guard !changes.isEmpty else { return }
        try pool.write { db in
            for a in changes.accounts.values {
                try db.execute(sql: """
                    INSERT INTO account (id, env, trdMarket, currency, cash) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET cash = excluded.cash
                    """, arguments: [Int64(bitPattern: a.id), a.environment.rawValue, a.trdMarket, a.currency, a.cash.micros])
            }
            for o in changes.orders.values {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO "order" (id, accountID, code, name, side, type, status, quantity, price,
                      filledQuantity, filledNotional, timeInForce, remark, createTime, updateTime, createStamp,
                      updateStamp, lastError, fees) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [Int64(bitPattern: o.id), Int64(bitPattern: o.accountID), o.code.description,
                                     o.name, o.side.rawValue, o.type, o.status.rawValue, o.quantity, o.price.micros,
                                     o.filledQuantity, o.filledNotional, o.timeInForce, o.remark, o.createTime,
                                     o.updateTime, o.createStamp, o.updateStamp, o.lastError, o.fees])
            }
            for f in changes.fills {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO fill (id, orderID, accountID, code, name, side, quantity, price, time, stamp)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [Int64(bitPattern: f.id), Int64(bitPattern: f.orderID), Int64(bitPattern: f.accountID),
                                     f.code.description, f.name, f.side.rawValue, f.quantity, f.price.micros, f.time,
                                     f.stamp])
            }
            for p in changes.positions.values {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO position (accountID, code, name, quantity, cost, realized)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [Int64(bitPattern: p.accountID), p.code.description, p.name, p.quantity, p.cost,
                                     p.realized])
            }
            for (key, bytes) in changes.packets {
                try db.execute(sql: "INSERT OR REPLACE INTO packet (key, response) VALUES (?, ?)",
                               arguments: [key, Data(bytes)])
            }
            for (key, value) in changes.meta {
                try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
            }
        }
    }
}
