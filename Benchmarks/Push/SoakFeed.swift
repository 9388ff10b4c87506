import NIOCore
import OpenDProtocol

/// Steady pushes for many codes at once, for the memory soak: `codes` HK codes × 4 sub-types
/// (book, quote, ticker, 1-minute K-line), each re-sent `rate` times a second with moving
/// prices and ever-new ticker sequences, encoded as they go.
struct SoakFeed {
    let codes: [String]
    var step = 0

    init(codes: Int) {
        self.codes = (0..<codes).map { String(format: "%05d", 10_000 + $0) }
    }

    /// The next `count` frames, cycling through (code, sub-type).
    mutating func next(_ count: Int, into out: inout ByteBuffer) throws {
        for _ in 0..<count {
            let code = codes[(step / 4) % codes.count]
            let round = step / (4 * codes.count)
            let price = 100 + Double((round + step) % 40) * 0.1
            switch step % 4 {
            case 0: try encode(.qotUpdateOrderBook, QotUpdateOrderBook_Response.success(book(code, price)), into: &out)
            case 1: try encode(.qotUpdateBasicQot, QotUpdateBasicQot_Response.success(quote(code, price)), into: &out)
            case 2: try encode(.qotUpdateTicker, QotUpdateTicker_Response.success(ticker(code, price, round)), into: &out)
            default: try encode(.qotUpdateKL, QotUpdateKL_Response.success(bar(code, price)), into: &out)
            }
            step += 1
        }
    }

    private func security(_ code: String) -> QotCommon_Security {
        var s = QotCommon_Security()
        s.market = 1
        s.code = code
        return s
    }

    private func book(_ code: String, _ best: Double) -> QotUpdateOrderBook_S2C {
        var s2c = QotUpdateOrderBook_S2C()
        s2c.security = security(code)
        for level in 0..<10 {
            var ask = QotCommon_OrderBook()
            ask.price = ((best + Double(level) * 0.1) * 10).rounded() / 10
            ask.volume = Int64(1000 + 100 * level)
            ask.orederCount = Int32(1 + level)
            s2c.orderBookAskList.append(ask)
            var bid = QotCommon_OrderBook()
            bid.price = ((best - 0.1 - Double(level) * 0.1) * 10).rounded() / 10
            bid.volume = Int64(1200 + 100 * level)
            bid.orederCount = Int32(2 + level)
            s2c.orderBookBidList.append(bid)
        }
        return s2c
    }

    private func quote(_ code: String, _ last: Double) -> QotUpdateBasicQot_S2C {
        var q = QotCommon_BasicQot()
        q.security = security(code)
        q.name = "SOAK \(code)"
        q.curPrice = last
        q.openPrice = 100
        q.highPrice = 104
        q.lowPrice = 99
        q.lastClosePrice = 100
        q.volume = Int64(step)
        q.turnover = Double(step) * last
        q.updateTime = "2026-12-08 10:00:00"
        var s2c = QotUpdateBasicQot_S2C()
        s2c.basicQotList = [q]
        return s2c
    }

    private func ticker(_ code: String, _ price: Double, _ round: Int) -> QotUpdateTicker_S2C {
        var t = QotCommon_Ticker()
        t.sequence = Int64(round + 1)
        t.time = "2026-12-08 10:00:00"
        t.price = price
        t.volume = 100
        t.turnover = price * 100
        t.dir = Int32(1 + round % 2)
        var s2c = QotUpdateTicker_S2C()
        s2c.security = security(code)
        s2c.tickerList = [t]
        return s2c
    }

    private func bar(_ code: String, _ close: Double) -> QotUpdateKL_S2C {
        var k = QotCommon_KLine()
        k.time = "2026-12-08 10:00:00"
        k.isBlank = false
        k.openPrice = 100
        k.highPrice = 104
        k.lowPrice = 99
        k.closePrice = close
        k.volume = Int64(step)
        var s2c = QotUpdateKL_S2C()
        s2c.rehabType = 1
        s2c.klType = 1
        s2c.security = security(code)
        s2c.klList = [k]
        return s2c
    }

    /// Partial: like OpenD, the feed leaves out the required fields a client does not need.
    private func encode(_ proto: ProtoID, _ response: some OpenDResponse, into out: inout ByteBuffer) throws {
        let body: [UInt8] = try response.serializedBytes(partial: true)
        try FrameCodec.encode(Frame(protoID: proto.rawValue, serial: 0, body: ByteBuffer(bytes: body)), cipher: nil, into: &out)
    }
}
