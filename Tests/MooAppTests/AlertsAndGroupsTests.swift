import TerminalUI
import TradingKit
import XCTest
@testable import MooApp

/// Issue 15 points 3 and 4: price alerts through OpenD's price reminders, and the user's own
/// watchlist groups.
final class AlertsAndGroupsTests: XCTestCase {
    typealias F = AppFixtures

    private func dialog(_ s: AppState) -> AlertDialog? {
        if case .alert(let d) = s.modal { return d }
        return nil
    }

    private func type(_ text: String, into s: inout AppState) {
        for ch in text { _ = AppReducer.reduce(&s, .key(.character(ch))) }
    }

    private func render(_ s: AppState) -> String {
        ScreenView.render(s, theme: AppearanceLoader.theme(nil, environment: [:]).0, glyphs: .unicode,
                          size: TerminalSize(columns: 120, rows: 40)).text
    }

    // MARK: alerts

    func testADialogSetsAPriceAlertOnTheSelectedCode() {
        var s = F.liveState()
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("a"))), [])
        guard let d = dialog(s) else { return XCTFail("no dialog") }
        XCTAssertEqual(d.code, F.tencent)
        XCTAssertEqual(d.kind, .priceAbove)
        XCTAssertEqual(d.value, F.p("320.4"), "one tick above the last price")
        XCTAssertTrue(render(s).contains("Price alert · HK.00700"))
        _ = AppReducer.reduce(&s, .key(.down))
        XCTAssertEqual(dialog(s)?.kind, .priceBelow)
        XCTAssertEqual(dialog(s)?.value, F.p("320"), "one tick below")
        for _ in 0..<10 { _ = AppReducer.reduce(&s, .key(.backspace)) }
        XCTAssertEqual(dialog(s)?.error, "enter a value")
        XCTAssertEqual(AppReducer.reduce(&s, .key(.enter)), [], "an empty value sets nothing")
        XCTAssertNotNil(dialog(s), "the dialog stays, with its reason")
        type("q30x0", into: &s)  // letters are not part of a threshold (q does not quit here)
        XCTAssertFalse(s.isFinished)
        XCTAssertEqual(dialog(s)?.valueText, "300")
        XCTAssertEqual(AppReducer.reduce(&s, .key(.enter)),
                       [.addAlert(PriceAlert(code: F.tencent, kind: .priceBelow, value: F.p("300"), frequency: .once))])
        XCTAssertNil(s.modal)
    }

    func testTheDialogChecksEachKindsValue() {
        var d = AlertDialog(code: F.tencent, last: F.p("320.2"), volume: 1_000, tickRules: TickRules.forCode(F.tencent))
        d.cycleKind(forward: true); d.cycleKind(forward: true)
        XCTAssertEqual(d.kind, .changeAbove)
        XCTAssertEqual(d.valueText, "2")
        d.valueText = "2000"
        XCTAssertNotNil(d.error)
        d.cycleKind(forward: true); d.cycleKind(forward: true)
        XCTAssertEqual(d.kind, .volumeAbove)
        XCTAssertEqual(d.valueText, "2000", "twice today's volume")
        d.valueText = "1.5"
        XCTAssertEqual(d.error, "volume is a whole number of shares")
        XCTAssertNil(d.alert)
        d.cycleKind(forward: true)
        XCTAssertEqual(d.kind, .priceAbove, "the kinds cycle")
    }

    func testATriggeredAlertShowsRingsMarksAndStaysOnScreen() {
        var s = F.liveState()
        let alert = PriceAlert(key: 41, code: F.tencent, kind: .priceBelow, value: F.p("9999"), frequency: .once)
        _ = AppReducer.reduce(&s, .response(.alerts([alert])))
        let trigger = PriceAlertTrigger(key: 41, code: F.tencent, name: "腾讯控股", kind: .priceBelow,
                                        setValue: F.p("9999"), currentValue: F.p("320.2"), price: F.p("320.2"),
                                        content: "腾讯控股 price fell to 9999.000")
        let effects = AppReducer.reduce(&s, .gateway(.priceAlert(trigger), at: 101))
        XCTAssertEqual(effects, [.ringBell, .loadAlerts])
        XCTAssertEqual(s.message?.text, "ALERT HK.00700: 腾讯控股 price fell to 9999.000 (last 320.2)")
        XCTAssertTrue(s.alertedCodes.contains(F.tencent))
        XCTAssertEqual(s.alerts.first?.isEnabled, false, "a once-only alert is off once it fired")
        _ = AppReducer.reduce(&s, .response(.alerts([alert])))  // a list read just before the trigger
        XCTAssertEqual(s.alerts.first?.isEnabled, false)
        _ = AppReducer.reduce(&s, .response(.notice("alert set: HK.00700 price ≤ 9999")))
        XCTAssertEqual(s.message?.text.hasPrefix("ALERT HK.00700"), true, "routine notices do not hide it")
        XCTAssertTrue(render(s).contains("HK.00700  !腾讯控"), render(s))
        s.alertBell = false
        XCTAssertEqual(AppReducer.reduce(&s, .gateway(.priceAlert(trigger), at: 102)), [.loadAlerts],
                       "alert-bell = off: no bell")
    }

    func testTheAlertsPaneDeletesTheSelectedAlertAfterAConfirm() {
        var s = F.liveState()
        let a1 = PriceAlert(key: 1, code: F.tencent, kind: .priceAbove, value: F.p("330"))
        let a2 = PriceAlert(key: 2, code: F.apple, kind: .volumeAbove, value: F.p("100000"))
        _ = AppReducer.reduce(&s, .response(.alerts([a1, a2])))
        for _ in 0..<4 { _ = AppReducer.reduce(&s, .action(.focusNext)) }
        XCTAssertEqual(s.focus, .alerts)
        XCTAssertTrue(render(s).contains("US.AAPL   volume ≥ 100000"), render(s))
        _ = AppReducer.reduce(&s, .key(.down))
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("d"))), [])
        guard case .confirm(let prompt, _)? = s.modal else { return XCTFail("no confirm") }
        XCTAssertEqual(prompt, "delete alert US.AAPL volume ≥ 100000?")
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("y"))), [.deleteAlert(a2)])
    }

    func testTheRunnerSetsAnAlertAndReadsTheListAgain() {
        let posted = Posted()
        var gateway = Gateway.unimplemented()
        let stored = PriceAlert(key: 7, code: F.tencent, kind: .priceAbove, value: F.p("330"))
        gateway.addPriceAlert = { a in posted.call("add \(a.code) \(a.kind) \(a.value.formatted())"); return 7 }
        gateway.priceAlerts = { [stored] }
        let runner = EffectRunner(gateway: gateway, post: posted.post, saveWatchlist: { _ in })
        runner.perform([.addAlert(PriceAlert(code: F.tencent, kind: .priceAbove, value: F.p("330")))])
        XCTAssertTrue(waitUntil { posted.all.contains(.response(.alerts([stored]))) })
        XCTAssertEqual(posted.log, ["add HK.00700 priceAbove 330"])
        runner.finish()
    }

    // MARK: groups

    private let custom = SecurityGroup(name: "自选")
    private let all = SecurityGroup(name: "全部", isSystem: true)

    private func infos(_ codes: [SecurityCode]) -> [SecurityInfo] {
        codes.map { SecurityInfo(code: $0, name: "", lotSize: 100, kind: .stock) }
    }

    func testStartLoadsTheGroupsAndTheKeySwitchesToTheUsersOwnGroupFirst() {
        var s = F.liveState()
        _ = AppReducer.reduce(&s, .response(.groups([all, custom])))
        XCTAssertEqual(s.groups.map(\.name), ["自选", "全部"], "the user's own groups first")
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("w"))), [.loadGroup("自选")])
        let effects = AppReducer.reduce(&s, .response(.groupSecurities("自选", infos([F.tencent, F.alibaba]))))
        XCTAssertEqual(s.activeGroup, "自选")
        XCTAssertEqual(s.watchlist, [F.tencent, F.alibaba])
        XCTAssertEqual(s.localWatchlist, [F.tencent, F.moutai, F.apple])
        XCTAssertEqual(s.selectedCode, F.tencent, "the selected code stays selected")
        XCTAssertEqual(effects, [.subscribe([F.alibaba], [.quote]), .loadSnapshots([F.alibaba]),
                                 .unsubscribe([F.moutai, F.apple], [.quote])])
        XCTAssertTrue(render(s).contains("Watchlist: group 自选 (2)"))
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("w"))), [.loadGroup("全部")])
        _ = AppReducer.reduce(&s, .response(.groupSecurities("全部", infos([F.tencent]))))
        _ = AppReducer.reduce(&s, .key(.character("w")))
        XCTAssertNil(s.activeGroup, "after the last group comes the local list again")
        XCTAssertEqual(s.watchlist, [F.tencent, F.moutai, F.apple])
        XCTAssertNil(s.localWatchlist)
    }

    func testEditingTheWatchlistEditsTheShownGroupNotTheLocalFile() {
        var s = F.liveState()
        _ = AppReducer.reduce(&s, .response(.groups([custom, all])))
        _ = AppReducer.reduce(&s, .response(.groupSecurities("自选", infos([F.tencent]))))
        let added = AppReducer.reduce(&s, .response(.securityChecked(F.apple, infos([F.apple])[0])))
        XCTAssertEqual(added.first, .editGroup("自选", add: true, [F.apple]))
        XCTAssertFalse(added.contains { if case .saveWatchlist = $0 { true } else { false } })
        XCTAssertEqual(s.message?.text, "added US.AAPL to 自选")
        _ = AppReducer.reduce(&s, .action(.cursorBottom))
        let removed = AppReducer.reduce(&s, .key(.character("d")))
        XCTAssertEqual(removed.first, .editGroup("自选", add: false, [F.apple]))
        XCTAssertEqual(s.watchlist, [F.tencent])
    }

    func testASystemGroupIsReadOnlyAndNoGroupsKeepTheLocalList() {
        var s = F.liveState()
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("w"))), [.loadGroups])
        XCTAssertEqual(s.message?.text, "the gateway has no watchlist groups: the local list is the only one")
        XCTAssertTrue(render(s).contains("Watchlist (3)"), "no groups: the pane title is unchanged")
        _ = AppReducer.reduce(&s, .response(.groups([all])))
        _ = AppReducer.reduce(&s, .response(.groupSecurities("全部", infos([F.tencent, F.apple]))))
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("d"))), [])
        XCTAssertEqual(s.watchlist, [F.tencent, F.apple])
        XCTAssertEqual(s.message?.isError, true)
    }

    func testTheRunnerEditsTheGroupOnTheGateway() {
        let posted = Posted()
        var gateway = Gateway.unimplemented()
        gateway.modifyGroup = { name, add, codes in posted.call("\(add ? "add" : "del") \(name) \(codes)") }
        let runner = EffectRunner(gateway: gateway, post: posted.post, saveWatchlist: { _ in })
        runner.perform([.editGroup("自选", add: true, [F.apple])])
        XCTAssertTrue(waitUntil { posted.log == ["add 自选 [US.AAPL]"] }, "\(posted.log)")
        runner.finish()
    }

    func testAlertBellSetting() throws {
        XCTAssertTrue(try AppConfig.parse("", file: "c").alertBell)
        let off = try AppConfig.parse("alert-bell = \"off\"\n", file: "c")
        XCTAssertFalse(off.alertBell)
        XCTAssertTrue(off.text.contains("alert-bell = \"off\""), "kept when the watchlist is saved")
        XCTAssertThrowsError(try AppConfig.parse("alert-bell = \"loud\"\n", file: "c")) { e in
            XCTAssertTrue("\(e)".contains("alert-bell: 'loud' is not \"on\" or \"off\""), "\(e)")
        }
    }
}
