import TradingKit

/// The simulated exchanges' plates (板块): industry, concept and ETF plates per market with
/// real-looking names. Built-in instruments have fixed homes; an instrument added with
/// `--universe` goes to its market's "other" industry plate (funds to the ETF plate).
struct Plate: Sendable {
    /// Plate code without market, e.g. BK1004.
    let code: String
    /// Market the plate belongs to (A-share plates are listed under SH).
    let market: Market
    let name: String
    /// Qot_Common.PlateSetType: 1 industry, 2 region, 3 concept, 4 other.
    let type: Int32
    var members: [SecurityCode]

    var security: SecurityCode { SecurityCode(market: market, symbol: code) }
}

enum Plates {
    private struct Definition {
        let code: String, market: Market, name: String, type: Int32, members: [String]
    }

    private static let definitions: [Definition] = [
        Definition(code: "BK1001", market: .hk, name: "银行", type: 1, members: ["HK.00939", "HK.01398"]),
        Definition(code: "BK1002", market: .hk, name: "保险", type: 1, members: ["HK.02318", "HK.02628"]),
        Definition(code: "BK1003", market: .hk, name: "石油与天然气", type: 1, members: ["HK.00883", "HK.00857", "HK.00386"]),
        Definition(code: "BK1004", market: .hk, name: "互联网", type: 1, members: ["HK.00700", "HK.09988", "HK.03690", "HK.08083"]),
        Definition(code: "BK1005", market: .hk, name: "电讯", type: 1, members: ["HK.00941"]),
        Definition(code: "BK1006", market: .hk, name: "汽车", type: 1, members: ["HK.01211"]),
        Definition(code: "BK1007", market: .hk, name: "金融服务", type: 1, members: ["HK.00388"]),
        Definition(code: "BK1008", market: .hk, name: "综合企业", type: 1, members: ["HK.00001"]),
        Definition(code: "BK1009", market: .hk, name: "消费电子", type: 1, members: ["HK.01810"]),
        Definition(code: "BK1099", market: .hk, name: "其他行业", type: 1, members: []),
        Definition(code: "BK1910", market: .hk, name: "恒指成份股", type: 3,
                   members: ["HK.00700", "HK.09988", "HK.03690", "HK.00388", "HK.01211", "HK.00941", "HK.00001",
                             "HK.02318", "HK.01810", "HK.00883", "HK.02628", "HK.00939", "HK.01398", "HK.00857", "HK.00386"]),
        Definition(code: "BK1911", market: .hk, name: "中资金融股", type: 3,
                   members: ["HK.00939", "HK.01398", "HK.02318", "HK.02628"]),
        Definition(code: "BK1912", market: .hk, name: "科网股", type: 3,
                   members: ["HK.00700", "HK.09988", "HK.03690", "HK.01810"]),
        Definition(code: "BK1950", market: .hk, name: "ETF", type: 4, members: ["HK.02800"]),
        Definition(code: "BK2001", market: .us, name: "Technology Hardware", type: 1, members: ["US.AAPL"]),
        Definition(code: "BK2002", market: .us, name: "Software", type: 1, members: ["US.MSFT"]),
        Definition(code: "BK2003", market: .us, name: "Semiconductors", type: 1, members: ["US.NVDA"]),
        Definition(code: "BK2004", market: .us, name: "Internet Retail", type: 1, members: ["US.AMZN"]),
        Definition(code: "BK2005", market: .us, name: "Interactive Media", type: 1, members: ["US.GOOG", "US.META"]),
        Definition(code: "BK2006", market: .us, name: "Automobiles", type: 1, members: ["US.TSLA", "US.FFIE"]),
        Definition(code: "BK2099", market: .us, name: "Other Industries", type: 1, members: []),
        Definition(code: "BK2901", market: .us, name: "Magnificent Seven", type: 3,
                   members: ["US.AAPL", "US.MSFT", "US.NVDA", "US.AMZN", "US.GOOG", "US.META", "US.TSLA"]),
        Definition(code: "BK2902", market: .us, name: "EV Concept", type: 3, members: ["US.TSLA", "US.FFIE"]),
        Definition(code: "BK2950", market: .us, name: "ETF", type: 4, members: ["US.SPY"]),
        Definition(code: "BK0001", market: .sh, name: "白酒", type: 1, members: ["SH.600519", "SZ.000858"]),
        Definition(code: "BK0002", market: .sh, name: "银行", type: 1, members: ["SH.600036", "SZ.000001"]),
        Definition(code: "BK0003", market: .sh, name: "保险", type: 1, members: ["SH.601318"]),
        Definition(code: "BK0004", market: .sh, name: "半导体", type: 1, members: ["SH.688981"]),
        Definition(code: "BK0005", market: .sh, name: "电池与汽车", type: 1, members: ["SZ.300750", "SZ.002594"]),
        Definition(code: "BK0099", market: .sh, name: "其他行业", type: 1, members: []),
        Definition(code: "BK0901", market: .sh, name: "沪深300", type: 3,
                   members: ["SH.600519", "SH.601318", "SH.600036", "SH.688981", "SZ.000001", "SZ.000858", "SZ.300750", "SZ.002594"]),
        Definition(code: "BK0902", market: .sh, name: "科创板", type: 3, members: ["SH.688981"]),
        Definition(code: "BK0903", market: .sh, name: "新能源车", type: 3, members: ["SZ.300750", "SZ.002594"]),
        Definition(code: "BK0950", market: .sh, name: "ETF", type: 4, members: ["SH.510300", "SZ.159915"]),
    ]

    /// Every plate with the listed members of `instruments` (universe order).
    static func all(_ instruments: [Instrument]) -> [Plate] {
        var plates = definitions.map { d in
            Plate(code: d.code, market: d.market, name: d.name, type: d.type,
                  members: d.members.compactMap { try? SecurityCode(parsing: $0) })
        }
        let placed = Set(plates.flatMap(\.members))
        let listed = Set(instruments.map(\.code))
        for i in plates.indices { plates[i].members.removeAll { !listed.contains($0) } }
        for instrument in instruments where !placed.contains(instrument.code) {
            let home = homeMarket(instrument.code.market)
            let target = instrument.kind == .fund ? 4 : 1
            let code = prefix(home) + (target == 4 ? "950" : "099")
            if let i = plates.firstIndex(where: { $0.code == code && $0.type == target }) {
                plates[i].members.append(instrument.code)
            }
        }
        return plates
    }

    /// The market plates of `market` are filed under (A-shares: SH).
    static func homeMarket(_ market: Market) -> Market { market == .sz ? .sh : market }

    private static func prefix(_ market: Market) -> String {
        switch market {
        case .hk: return "BK1"
        case .us: return "BK2"
        case .sh, .sz: return "BK0"
        }
    }

    /// The plate with `code` (with or without its market prefix), if any.
    static func plate(_ code: String, in core: GatewayCore) -> Plate? {
        let bare = code.split(separator: ".").last.map(String.init) ?? code
        return all(core.market.instruments).first { $0.code == bare }
    }
}
