import TradingKit

/// The securities the simulated exchanges list: HK, US and A-shares with real-looking names,
/// board lots and prices chosen to exercise the tick tables (penny stocks, band edges, ETFs).
public enum Universe {
    /// Every instrument, in a stable order (the order seeds are drawn in).
    public static let instruments: [Instrument] = [
        // HK: lots 100 / 200 / 500 / 1000 / 2000; prices near the 10, 20, 100, 200 and 500 band edges.
        Instrument("HK.00700", "腾讯控股", lot: 100, price: "499.8", listed: "2004-06-16"),
        Instrument("HK.09988", "阿里巴巴-W", lot: 100, price: "84.35", listed: "2019-11-26"),
        Instrument("HK.03690", "美团-W", lot: 100, price: "150.2", listed: "2018-09-20"),
        Instrument("HK.00388", "香港交易所", lot: 100, price: "318.4", listed: "2000-06-27"),
        Instrument("HK.01211", "比亚迪股份", lot: 500, price: "199.9", listed: "2002-07-31"),
        Instrument("HK.00941", "中国移动", lot: 500, price: "99.95", listed: "1997-10-23"),
        Instrument("HK.00001", "长和", lot: 500, price: "41.25", listed: "1972-11-01"),
        Instrument("HK.02318", "中国平安", lot: 500, price: "45.65", listed: "2004-06-24"),
        Instrument("HK.01810", "小米集团-W", lot: 200, price: "19.98", listed: "2018-07-09"),
        Instrument("HK.00883", "中国海洋石油", lot: 1000, price: "20.05", listed: "2001-02-28"),
        Instrument("HK.02628", "中国人寿", lot: 1000, price: "10.02", listed: "2003-12-18"),
        Instrument("HK.00939", "建设银行", lot: 1000, price: "6.12", listed: "2005-10-27"),
        Instrument("HK.01398", "工商银行", lot: 1000, price: "5.08", listed: "2006-10-27"),
        Instrument("HK.00857", "中国石油股份", lot: 2000, price: "7.15", listed: "2000-04-07"),
        Instrument("HK.00386", "中国石油化工股份", lot: 2000, price: "4.52", listed: "2000-10-19"),
        Instrument("HK.08083", "中国有赞", lot: 2000, price: "0.128", listed: "2013-04-26", volatility: 0.002),
        Instrument("HK.02800", "盈富基金", lot: 500, price: "24.85", kind: .fund, listed: "1999-11-12"),
        // US: one ETF, one stock under $1.
        Instrument("US.AAPL", "Apple", lot: 1, price: "232.41", listed: "1980-12-12"),
        Instrument("US.TSLA", "Tesla", lot: 1, price: "251.33", listed: "2010-06-29", volatility: 0.0012),
        Instrument("US.MSFT", "Microsoft", lot: 1, price: "421.10", listed: "1986-03-13"),
        Instrument("US.NVDA", "NVIDIA", lot: 1, price: "131.26", listed: "1999-01-22", volatility: 0.001),
        Instrument("US.AMZN", "Amazon.com", lot: 1, price: "201.70", listed: "1997-05-15"),
        Instrument("US.GOOG", "Alphabet-C", lot: 1, price: "176.49", listed: "2014-03-27"),
        Instrument("US.META", "Meta Platforms", lot: 1, price: "585.25", listed: "2012-05-18"),
        Instrument("US.SPY", "SPDR S&P 500 ETF", lot: 1, price: "593.18", kind: .fund, listed: "1993-01-22",
                   volatility: 0.0003),
        Instrument("US.FFIE", "Faraday Future", lot: 1, price: "0.3512", listed: "2021-07-22", volatility: 0.003),
        // A-shares: SH and SZ main boards, one STAR (688xxx), one ChiNext, two ETFs.
        Instrument("SH.600519", "贵州茅台", lot: 100, price: "1528.88", listed: "2001-08-27"),
        Instrument("SH.601318", "中国平安", lot: 100, price: "51.37", listed: "2007-03-01"),
        Instrument("SH.600036", "招商银行", lot: 100, price: "38.92", listed: "2002-04-09"),
        Instrument("SH.688981", "中芯国际", lot: 200, price: "89.56", listed: "2020-07-16", volatility: 0.001),
        Instrument("SH.510300", "沪深300ETF", lot: 100, price: "3.982", kind: .fund, listed: "2012-05-28"),
        Instrument("SZ.000001", "平安银行", lot: 100, price: "11.46", listed: "1991-04-03"),
        Instrument("SZ.000858", "五粮液", lot: 100, price: "132.50", listed: "1998-04-27"),
        Instrument("SZ.300750", "宁德时代", lot: 100, price: "256.30", listed: "2018-06-11"),
        Instrument("SZ.002594", "比亚迪", lot: 100, price: "283.15", listed: "2011-06-30"),
        Instrument("SZ.159915", "创业板ETF", lot: 100, price: "2.135", kind: .fund, listed: "2011-12-09"),
    ]

    /// The built-in list with `extra` applied: a listed code is replaced in place (keeping its
    /// position, so the other instruments' seeded markets stay as they were), a new one is appended.
    public static func merged(with extra: [Instrument]) -> [Instrument] {
        guard !extra.isEmpty else { return instruments }
        var list = instruments
        var index = Dictionary(uniqueKeysWithValues: list.enumerated().map { ($1.code, $0) })
        for instrument in extra {
            if let at = index[instrument.code] {
                list[at] = instrument
            } else {
                index[instrument.code] = list.count
                list.append(instrument)
            }
        }
        return list
    }

    /// The instrument for a code, if listed.
    public static func instrument(_ code: SecurityCode) -> Instrument? { byCode[code] }

    private static let byCode: [SecurityCode: Instrument] = Dictionary(
        uniqueKeysWithValues: instruments.map { ($0.code, $0) })
}
