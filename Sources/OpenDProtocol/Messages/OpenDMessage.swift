import SwiftProtobuf

/// A request body (`Request { required C2S c2s = 1; }`) bound to its protocol id and response type.
public protocol OpenDRequest: SwiftProtobuf.Message, Sendable {
    associatedtype C2S: SwiftProtobuf.Message & Sendable
    associatedtype Response: OpenDResponse
    static var protoID: ProtoID { get }
    var c2S: C2S { get set }
}

extension OpenDRequest {
    /// A request wrapping `c2s`.
    public init(c2s: C2S) {
        self.init()
        self.c2S = c2s
    }
}

/// A response or push body: retType / retMsg / errCode / s2c, the same four fields in every protocol.
public protocol OpenDResponse: SwiftProtobuf.Message, Sendable {
    associatedtype S2C: SwiftProtobuf.Message & Sendable
    static var protoID: ProtoID { get }
    var retType: Int32 { get set }
    var retMsg: String { get set }
    var errCode: Int32 { get set }
    var s2C: S2C { get set }
    var hasS2C: Bool { get }
    var hasRetMsg: Bool { get }
}

extension OpenDResponse {
    /// A successful response carrying `s2c`.
    public static func success(_ s2c: S2C) -> Self {
        var r = Self()
        r.retType = 0
        r.s2C = s2c
        return r
    }

    /// A failed response (retType −1 unless given) with an OpenD-like message.
    public static func failure(_ message: String, retType: Int32 = -1, errCode: Int32? = nil) -> Self {
        var r = Self()
        r.retType = retType
        r.retMsg = message
        if let errCode { r.errCode = errCode }
        return r
    }
}
