import Foundation
import OpenDProtocol
import TradingKit
import XCTest
@testable import SimGateway

/// `--universe FILE`: CSV and TOML add or replace instruments; a broken file names file:line.
final class UniverseFileTests: XCTestCase {
    private var paths: [String] = []

    override func tearDown() {
        for p in paths { try? FileManager.default.removeItem(atPath: p) }
        paths = []
    }

    private func write(_ text: String, ext: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("universe-\(UUID().uuidString).\(ext)").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        paths.append(path)
        return path
    }

    private func failure(_ text: String, ext: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let path = write(text, ext: ext)
        do {
            _ = try UniverseFile.load(path)
            XCTFail("expected an error", file: file, line: line)
            return ""
        } catch {
            XCTAssertTrue(error.description.hasPrefix(path + ":"), error.description, file: file, line: line)
            return String(error.description.dropFirst(path.count + 1))
        }
    }

    func testCSVWithHeaderQuotesAndKinds() throws {
        let path = write("""
            code,name,lot,price,kind
            # my stocks
            HK.00123,"Yuexiu, Property",1000,13.58
            US.IBM,IBM,1,221.5,stock
            SH.512880,证券ETF,100,1.05,etf
            """, ext: "csv")
        let list = try UniverseFile.load(path)
        XCTAssertEqual(list.map(\.code.description), ["HK.00123", "US.IBM", "SH.512880"])
        XCTAssertEqual(list[0].name, "Yuexiu, Property")
        XCTAssertEqual(list[0].lotSize, 1000)
        XCTAssertEqual(list[0].referencePrice, Price("13.58")!)
        XCTAssertEqual(list[2].kind, .fund)
        XCTAssertEqual(list[2].referencePrice, Price("1.05")!)
    }

    func testTOMLTables() throws {
        let path = write("""
            # a practice universe
            [[instrument]]
            code = "HK.00700"   # replaces the built-in one
            name = "Tencent"
            lot = 100
            price = 320.2

            [[instrument]]
            code = "SZ.000002"
            name = "万科A"
            lot = 100
            price = "7.35"
            kind = "stock"
            """, ext: "toml")
        let list = try UniverseFile.load(path)
        XCTAssertEqual(list.map(\.name), ["Tencent", "万科A"])
        XCTAssertEqual(list[0].referencePrice, Price("320.2")!)
    }

    func testBrokenFilesNameTheLine() {
        XCTAssertTrue(failure("HK.00700,Tencent,100\n", ext: "csv").hasPrefix("1:"))
        XCTAssertTrue(failure("code,name,lot,price\nHK.00700,T,100,1\nXX.1,Bad,1,1\n", ext: "csv").hasPrefix("3:"))
        XCTAssertTrue(failure("HK.00700,T,0,1\n", ext: "csv").contains("lot"))
        XCTAssertTrue(failure("HK.00700,T,100,abc\n", ext: "csv").contains("price"))
        XCTAssertTrue(failure("HK.00700,T,100,1,bond\n", ext: "csv").contains("kind"))
        XCTAssertTrue(failure("HK.00700,T,100,1\nHK.700,T,100,1\n", ext: "csv").hasPrefix("2:"))
        let toml = failure("[[instrument]]\ncode = \"HK.00700\"\nname = \"T\"\nlot = 100\nprize = 3\n", ext: "toml")
        XCTAssertTrue(toml.hasPrefix("5:") && toml.contains("prize"), toml)
        XCTAssertTrue(failure("[[instrument]]\ncode = \"HK.00700\n", ext: "toml").hasPrefix("2:"))
        XCTAssertTrue(failure("[[instrument]]\ncode = \"HK.00700\"\nname = \"T\"\nlot = 100\n", ext: "toml").hasPrefix("1:"))
        XCTAssertTrue(failure("", ext: "csv").contains("no instruments"))
    }

    func testTheGatewayListsAddedAndReplacedInstruments() throws {
        let added = Instrument("HK.00123", "越秀地产", lot: 1000, price: "13.58")
        let replaced = Instrument("HK.00700", "Tencent (mine)", lot: 100, price: "320.2")
        let h = try CoreHarness(rate: 0, extraInstruments: [added, replaced])
        defer { h.core.close(); h.removeData() }
        let plain = try CoreHarness(rate: 0)
        defer { plain.core.close(); plain.removeData() }
        let conn = try h.connect()
        var c2s = QotGetSecuritySnapshot_C2S()
        c2s.securityList = ["HK.00123", "HK.00700", "HK.09988"].map { Wire.security(try! SecurityCode(parsing: $0)) }
        let (r, _) = try h.send(QotGetSecuritySnapshot_Request.self, c2s, on: conn)
        XCTAssertEqual(r.retType, 0, r.retMsg)
        XCTAssertEqual(r.s2C.snapshotList.map(\.basic.name), ["越秀地产", "Tencent (mine)", "阿里巴巴-W"])
        XCTAssertEqual(r.s2C.snapshotList[0].basic.lotSize, 1000)
        XCTAssertEqual(Price(wire: r.s2C.snapshotList[1].basic.lastClosePrice), Price("320.2")!)
        // Instruments not in the file keep the markets the seed gives them.
        XCTAssertEqual(h.market("HK.09988").last, plain.market("HK.09988").last)
        c2s.securityList = [Wire.security(try SecurityCode(parsing: "HK.00124"))]
        let (unknown, _) = try h.send(QotGetSecuritySnapshot_Request.self, c2s, on: conn)
        XCTAssertEqual(unknown.retType, -1)
        XCTAssertTrue(unknown.retMsg.contains("Unknown stock"), unknown.retMsg)
    }

    func testIndexesAndFuturesAreListedButNotTradable() throws {
        let path = write("HK.HSImain,恒指主连,1,25380,future\nHK.999010,港股指数,1,8456.12,index\n", ext: "csv")
        let list = try UniverseFile.load(path)
        XCTAssertEqual(list.map(\.code.description), ["HK.HSImain", "HK.999010"])
        XCTAssertEqual(list.map(\.kind), [.future, .index])
        XCTAssertEqual(list[1].referencePrice, Price("8456.12")!, "index points keep two decimals")
        XCTAssertTrue(failure("HK.HSImain,Not a stock,1,3\n", ext: "csv").hasPrefix("1:"), "only indexes and futures take such symbols")
        let h = try CoreHarness(rate: 0, extraInstruments: list)
        defer { h.core.close(); h.removeData() }
        let conn = try h.connect()
        let (placed, _) = try h.place("HK.00700", qty: 100, price: 400, on: conn)
        XCTAssertEqual(placed.retType, 0, placed.retMsg)
        h.clock.advance(by: 0.05)  // past OpenD's 20 ms place spacing
        var c2s = TrdPlaceOrder_C2S()
        var p = Common_PacketID()
        p.connID = conn
        p.serialNo = 99_999
        c2s.packetID = p
        c2s.header = CoreHarness.header(10_001)
        c2s.trdSide = 1
        c2s.orderType = 1
        c2s.code = "999010"
        c2s.secMarket = 1
        c2s.qty = 1
        c2s.price = 8456.12
        let (index, _) = try h.send(TrdPlaceOrder_Request.self, c2s, on: conn)
        XCTAssertEqual(index.retType, -1)
        XCTAssertTrue(index.retMsg.contains("an index"), index.retMsg)
    }

    func testAFreshMarketShowsTheSessionStartAsItsUpdateTime() throws {
        let h = try CoreHarness(rate: 0)
        defer { h.core.close(); h.removeData() }
        let conn = try h.connect()
        var c2s = QotGetSecuritySnapshot_C2S()
        c2s.securityList = [Wire.security(try SecurityCode(parsing: "HK.03690"))]
        let (r, _) = try h.send(QotGetSecuritySnapshot_Request.self, c2s, on: conn)
        let basic = try XCTUnwrap(r.s2C.snapshotList.first?.basic)
        XCTAssertEqual(basic.updateTime, ExchangeTime(h.clock.now(), market: .hk).text)
        XCTAssertNotEqual(basic.updateTime, "2018-09-20 00:00:00")
        XCTAssertEqual(basic.updateTimestamp, h.clock.now().timeIntervalSince1970, accuracy: 1e-6)
    }
}
