import TradingKit

/// The user's own watchlists: the watchlist can show any of the gateway's security groups
/// (switched by key); adding or removing a code edits the group on the gateway, so the phone
/// app and the terminal show the same list. The local list (the config file's) stays the
/// default, and the only list when the gateway has no groups.
extension AppReducer {
    /// What a watchlist edit must do: save the local list, or edit the shown group.
    static func watchlistEdited(adding code: SecurityCode, _ state: AppState) -> [Effect] {
        guard let group = state.activeGroup else { return [.saveWatchlist(state.watchlist)] }
        // a system group ("All", "Positions") is read-only: the row stays for this session only
        if state.groups.first(where: { $0.name == group })?.isSystem == true { return [] }
        return [.editGroup(group, add: true, [code])]
    }

    /// What removing `code` from the watchlist must do.
    static func watchlistEdited(removing code: SecurityCode, _ state: AppState) -> [Effect] {
        guard let group = state.activeGroup else { return [.saveWatchlist(state.watchlist)] }
        return [.editGroup(group, add: false, [code])]
    }

    /// The groups the gateway has (custom ones first, then system ones).
    static func groupsLoaded(_ groups: [SecurityGroup], _ state: inout AppState) -> [Effect] {
        // custom groups (the user's own) first in the cycle, then the system ones
        let named = groups.filter { !$0.name.isEmpty }
        state.groups = named.filter { !$0.isSystem } + named.filter(\.isSystem)
        if let active = state.activeGroup, !state.groups.contains(where: { $0.name == active }) {
            return showLocalList(&state)
        }
        return []
    }

    /// `g` / `G`: the next or previous list in the cycle local → group 1 → group 2 … → local.
    static func switchGroup(forward: Bool, _ state: inout AppState) -> [Effect] {
        guard !state.groups.isEmpty else {
            say("the gateway has no watchlist groups: the local list is the only one", error: false, &state)
            return [.loadGroups]
        }
        let cycle: [String?] = [nil] + state.groups.map(\.name)
        let i = cycle.firstIndex(of: state.activeGroup) ?? 0
        let next = cycle[(i + (forward ? 1 : cycle.count - 1)) % cycle.count]
        guard let name = next else { return showLocalList(&state) }
        say("loading group \(name)…", error: false, &state)
        return [.loadGroup(name)]
    }

    /// Back to the local list.
    static func showLocalList(_ state: inout AppState) -> [Effect] {
        state.activeGroup = nil
        let local = state.localWatchlist ?? state.watchlist
        state.localWatchlist = nil
        say("watchlist: local list", error: false, &state)
        return replaceWatchlist(local, &state)
    }

    /// A group's codes arrived: they become the watchlist (the local list is kept aside).
    static func groupLoaded(_ name: String, _ infos: [SecurityInfo], _ state: inout AppState) -> [Effect] {
        if state.activeGroup == nil { state.localWatchlist = state.watchlist }
        state.activeGroup = name
        for info in infos where state.securities[info.code] == nil { state.securities[info.code] = info }
        var seen = Set<SecurityCode>()
        let codes = infos.map(\.code).filter { seen.insert($0).inserted }
        say("watchlist: group \(name) (\(codes.count) codes)", error: false, &state)
        return replaceWatchlist(codes, &state)
    }

    /// Shows `codes` as the watchlist: subscribes the new codes' quotes, drops the old ones'.
    static func replaceWatchlist(_ codes: [SecurityCode], _ state: inout AppState) -> [Effect] {
        let old = state.watchlist
        let selected = state.selectedCode
        state.watchlist = codes
        state.selectedIndex = selected.flatMap { codes.firstIndex(of: $0) } ?? 0
        state.bookCursor = 10
        let added = codes.filter { !old.contains($0) }
        let gone = old.filter { !codes.contains($0) }
        var effects: [Effect] = []
        if !added.isEmpty { effects += [.subscribe(added, [.quote]), .loadSnapshots(added)] }
        if !gone.isEmpty {
            for c in gone { state.quotes[c] = nil }
            effects.append(.unsubscribe(gone, [.quote]))
        }
        return effects + selectionEffects(&state)
    }

    /// The watchlist pane's title: the group shown, or the local list.
    static func watchlistTitle(_ state: AppState) -> String {
        guard let group = state.activeGroup else { return "Watchlist (\(state.watchlist.count))" }
        return "Watchlist: group \(group) (\(state.watchlist.count))"
    }
}
