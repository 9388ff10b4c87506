import OpenDProtocol

/// A trade write body (place, modify) that must carry `packetID = {connID, header serial}` so
/// OpenD can spot a replayed order; the connection fills it in just before sending.
public protocol TradeWriteRequest {
    var packetID: Common_PacketID { get set }
}

extension TrdPlaceOrder_C2S: TradeWriteRequest {}
extension TrdModifyOrder_C2S: TradeWriteRequest {}
