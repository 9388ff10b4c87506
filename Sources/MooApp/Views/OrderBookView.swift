import TerminalUI
import TradingKit

/// The depth ladder: ten asks above ten bids around the spread, size and cumulative size, the
/// trader's own working orders marked at their prices, and a level cursor.
public enum OrderBookView {
    /// Levels shown a side.
    public static let depth = 10

    /// Draws the ladder into `rect` (22 rows show all ten levels a side).
    public static func render(_ c: ViewContext, in rect: Rect, into grid: inout CellGrid) {
        let s = c.state
        let title = s.selectedCode.map { "Book \($0)" } ?? "Book"
        let body = c.titled(title, in: rect, focused: s.focus == .book, into: &grid)
        guard let code = s.selectedCode, body.height > 2 else { return }
        guard let book = s.books[code] else {
            grid.write("waiting for the order book…", x: body.x, y: body.y, style: c.theme[.dim], limit: body.width)
            return
        }
        let kind = s.securities[code]?.kind
        // Levels a side that fit: one row is the spread line.
        let perSide = min(depth, (body.height - 1) / 2)
        let own = ownQuantities(s.workingOrders(of: code))
        let priceW = 10, sizeW = 8, cumW = 9
        let ownW = max(0, body.width - 2 - priceW - sizeW - cumW - 3)

        func row(_ y: Int, level: BookLevel?, cumulative: Int64, side: OrderSide, cursorRow: Int) {
            let atCursor = s.focus == .book && s.bookCursor == cursorRow
            let role: ThemeRole = side == .sell ? .bookAsk : .bookBid
            var style = c.value(role)
            if atCursor {
                style = c.theme[.bookCursor];
                grid.fill(Rect(x: body.x, y: y, width: body.width, height: 1), style: style)
            }
            grid.write(atCursor ? c.glyphs.cursor : " ", x: body.x, y: y, style: style, limit: 1)
            guard let level else {
                grid.write("-", x: body.x + 2, y: y, width: priceW, align: .right, style: c.theme[.dim])
                return
            }
            var x = body.x + 2
            grid.write(
                Format.price(level.price, code, kind: kind), x: x, y: y, width: priceW, align: .right, style: style)
            x += priceW + 1
            grid.write(Format.volume(level.volume), x: x, y: y, width: sizeW, align: .right, style: style)
            x += sizeW + 1
            grid.write(
                Format.volume(cumulative), x: x, y: y, width: cumW, align: .right,
                style: atCursor ? style : c.value(.dim))
            x += cumW + 1
            if ownW > 1, let mine = own[OwnKey(side: side == .sell ? .sell : .buy, price: level.price)] {
                grid.write(
                    c.glyphs.ownOrder + Format.volume(mine), x: x, y: y, width: ownW,
                    style: atCursor ? style : c.theme[.bookOwn])
            }
        }

        let asks = Array(book.asks.prefix(perSide))
        let bids = Array(book.bids.prefix(perSide))
        var askCum = [Int64](repeating: 0, count: asks.count)
        var running: Int64 = 0
        for (i, a) in asks.enumerated() { running += a.volume; askCum[i] = running }
        // asks: farthest at the top, best just above the spread line
        for i in 0..<perSide {
            let level = perSide - 1 - i
            let y = body.y + i
            row(
                y, level: level < asks.count ? asks[level] : nil, cumulative: level < asks.count ? askCum[level] : 0,
                side: .sell, cursorRow: depth - perSide + i)
        }
        let spreadY = body.y + perSide
        var spread = "spread -"
        if let a = asks.first, let b = bids.first {
            spread = "spread \((a.price - b.price).fixed(Format.decimals(code, price: a.price, kind: kind)))"
        }
        grid.write(
            TextLayout.fit(spread, width: body.width - 2, align: .center), x: body.x + 2, y: spreadY,
            style: c.value(.bookSpread), limit: body.width - 2)
        running = 0
        for i in 0..<perSide {
            let level = i < bids.count ? bids[i] : nil
            if let level { running += level.volume }
            row(spreadY + 1 + i, level: level, cumulative: running, side: .buy, cursorRow: depth + i)
        }
    }

    struct OwnKey: Hashable {
        var side: OrderSide
        var price: Price
    }

    /// Remaining quantity of the trader's working orders by side and price.
    static func ownQuantities(_ orders: [Order]) -> [OwnKey: Int64] {
        var out: [OwnKey: Int64] = [:]
        for o in orders { out[OwnKey(side: o.side, price: o.price), default: 0] += o.remainingQuantity }
        return out
    }
}
