/// Keys to named actions, one table per mode (global, watchlist, book, orders, ticket, help).
public struct Keymap: Sendable, Hashable {
    /// The keymap's name (file stem).
    public var name: String
    /// mode → key → action.
    public private(set) var tables: [String: [Key: String]]

    /// A keymap from tables.
    public init(name: String, tables: [String: [Key: String]]) {
        self.name = name; self.tables = tables
    }

    /// The action for `key`, looking in `modes` in order (most specific first).
    public func action(for key: Key, modes: [String]) -> String? {
        for mode in modes {
            if let a = tables[mode]?[key] { return a }
        }
        return nil
    }

    /// Bindings of one mode, sorted by action then key, for the help screen.
    public func bindings(in mode: String) -> [(key: Key, action: String)] {
        (tables[mode] ?? [:]).map { (key: $0.key, action: $0.value) }
            .sorted { ($0.action, $0.key.description) < ($1.action, $1.key.description) }
    }

    /// The keys bound to `action` in `mode`, sorted, for hints ("q", "ctrl-c").
    public func keys(for action: String, in mode: String) -> [Key] {
        (tables[mode] ?? [:]).filter { $0.value == action }.map(\.key).sorted { $0.description < $1.description }
    }
}
