/// Named actions a keymap binds keys to.
public enum AppAction: String, Sendable, Hashable, CaseIterable {
    case quit
    case help
    case helpClose = "help.close"
    case focusNext = "focus.next"
    case focusPrevious = "focus.prev"
    case tabMarket = "tab.market"
    case tabDetail = "tab.detail"
    case tabPortfolio = "tab.portfolio"
    case chartPeriodNext = "chart.period.next"
    case chartPeriodPrevious = "chart.period.prev"
    case watchAdd = "watch.add"
    case watchRemove = "watch.remove"
    case redraw
    case cursorUp = "cursor.up"
    case cursorDown = "cursor.down"
    case cursorTop = "cursor.top"
    case cursorBottom = "cursor.bottom"
    case cursorCenter = "cursor.center"
    case pageUp = "page.up"
    case pageDown = "page.down"
    case orderCancel = "order.cancel"
    // The order ticket (issue 5) handles these; the names are reserved so keymaps can bind them.
    case ticketBuy = "ticket.buy"
    case ticketSell = "ticket.sell"
    case ticketSubmit = "ticket.submit"
    case ticketClose = "ticket.close"
    case ticketFieldNext = "ticket.field.next"
    case ticketFieldPrevious = "ticket.field.prev"
    case ticketIncrease = "ticket.increase"
    case ticketDecrease = "ticket.decrease"
    case ticketSideToggle = "ticket.side.toggle"
    case ticketMax = "ticket.max"
    case ticketLevel = "ticket.level"
    case ticketClosePosition = "ticket.close-position"
    case orderModify = "order.modify"
    case orderCancelAll = "order.cancel-all"
    case commandOpen = "command.open"
    case orderCancelAllWorking = "order.cancel-all-working"
    case orderRepriceUp = "order.reprice.up"
    case orderRepriceDown = "order.reprice.down"
    case positionClose = "position.close"
    case alertSet = "alert.set"
    case alertDelete = "alert.delete"
    case watchGroupNext = "watch.group.next"
    case watchGroupPrevious = "watch.group.prev"
    case healthToggle = "health.toggle"

    /// What the help screen says the action does.
    public var summary: String {
        switch self {
        case .quit: return "quit"
        case .help: return "show this help"
        case .helpClose: return "close help"
        case .focusNext: return "focus next pane"
        case .focusPrevious: return "focus previous pane"
        case .tabMarket: return "market tab (small screens)"
        case .tabDetail: return "detail tab (small screens)"
        case .tabPortfolio: return "portfolio tab (small screens)"
        case .chartPeriodNext: return "next K-line period"
        case .chartPeriodPrevious: return "previous K-line period"
        case .watchAdd: return "add a code to the watchlist"
        case .watchRemove: return "remove the selected code"
        case .redraw: return "redraw the screen"
        case .cursorUp: return "move up"
        case .cursorDown: return "move down"
        case .cursorTop: return "go to the top"
        case .cursorBottom: return "go to the bottom"
        case .cursorCenter: return "centre on the spread"
        case .pageUp: return "page up"
        case .pageDown: return "page down"
        case .orderCancel: return "cancel the selected order (asks first)"
        case .ticketBuy: return "order ticket: buy"
        case .ticketSell: return "order ticket: sell"
        case .ticketSubmit: return "ticket: submit"
        case .ticketClose: return "ticket: close"
        case .ticketFieldNext: return "ticket: next field"
        case .ticketFieldPrevious: return "ticket: previous field"
        case .ticketIncrease: return "ticket: step up"
        case .ticketDecrease: return "ticket: step down"
        case .ticketSideToggle: return "ticket: buy/sell"
        case .ticketMax: return "ticket: maximum quantity"
        case .ticketLevel: return "order ticket at this ladder level"
        case .ticketClosePosition: return "order ticket closing the position"
        case .orderModify: return "modify the selected order"
        case .orderCancelAll: return "cancel all working orders of the code"
        case .commandOpen: return "order command line (b 200 HK.00700 @ 320.2)"
        case .orderCancelAllWorking: return "cancel every working order (asks first)"
        case .orderRepriceUp: return "reprice the selected order one tick up"
        case .orderRepriceDown: return "reprice the selected order one tick down"
        case .positionClose: return "order ticket closing the selected position"
        case .alertSet: return "set a price alert on the selected code"
        case .alertDelete: return "delete the selected alert (asks first)"
        case .watchGroupNext: return "watchlist: next of your security groups"
        case .watchGroupPrevious: return "watchlist: previous security group"
        case .healthToggle: return "health HUD: RTT, pushes, rate budgets"
        }
    }

    /// Every action name, for checking keymap files.
    public static var names: Set<String> { Set(allCases.map(\.rawValue)) }
}

/// Keymap modes: one table each.
public enum KeymapMode: String, Sendable, CaseIterable {
    case global, watchlist, book, positions, orders, alerts, ticket, help

    /// Every mode name, for checking keymap files.
    public static var names: Set<String> { Set(allCases.map(\.rawValue)) }
}
