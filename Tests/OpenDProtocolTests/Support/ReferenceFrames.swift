import NIOCore
import OpenDProtocol

/// The SDK-produced frames of protocol reference A.9 and C.6, and the messages inside them.
enum ReferenceFrames {
    static let initConnectRequestHex =
        "4654e90300000000010000002800000085a9e559ffd2b280eb0b8a2c51cf71cb67ff66d200000000000000000a2608ac02120850794e6f726d616c180120ffffffffffffffffff0128003206507974686f6e3800"
    static let keepAliveRequestHex =
        "4654ec03000000000200000008000000a574904e7c778af7b84d66bebdfda3c5553a555800000000000000000a060880e2cfaa06"
    static let initConnectResponseHex =
        "4654e90300000000010000002c000000362c561e6d50916a8b1fa65e4b6e3d7573f628a3000000000000000008001200222608f30710cec2f105188180f09d99ddbf9261221030313233343536373839414243444546280a"
    /// KeepAlive serial 2 on an FTAES-ECB connection keyed "0123456789abcdef".
    static let encryptedKeepAliveHex =
        "4654ec03000000000200000020000000a574904e7c778af7b84d66bebdfda3c5553a55580000000000000000b17b921a52c472c697a86dda79bcf9a800000000000000000000000000000008"
    static let aesKey = "0123456789abcdef"

    /// What `InitConnect.pack_req` puts in the body when encryption is off.
    static var initConnectRequest: InitConnect_Request {
        var c2s = InitConnect_C2S()
        c2s.clientVer = 300
        c2s.clientID = "PyNormal"
        c2s.recvNotify = true
        c2s.packetEncAlgo = -1
        c2s.pushProtoFmt = 0
        c2s.programmingLanguage = "Python"
        c2s.aiType = 0
        return InitConnect_Request(c2s: c2s)
    }

    static var keepAliveRequest: KeepAlive_Request {
        var c2s = KeepAlive_C2S()
        c2s.time = 1_700_000_000
        return KeepAlive_Request(c2s: c2s)
    }

    static var initConnectResponse: InitConnect_Response {
        var s2c = InitConnect_S2C()
        s2c.serverVer = 1011
        s2c.loginUserID = 12_345_678
        s2c.connID = 7_000_000_000_000_000_001
        s2c.connAeskey = "0123456789ABCDEF"
        s2c.keepAliveInterval = 10
        var response = InitConnect_Response.success(s2c)
        response.retMsg = ""
        return response
    }

    static func initConnectRequestFrame() throws -> Frame {
        try Frame(protoID: .initConnect, serial: 1, message: initConnectRequest)
    }

    static func keepAliveRequestFrame() throws -> Frame {
        try Frame(protoID: .keepAlive, serial: 2, message: keepAliveRequest)
    }

    static func initConnectResponseFrame() throws -> Frame {
        try Frame(protoID: .initConnect, serial: 1, message: initConnectResponse)
    }
}

/// The comparable parts of a ``Frame`` (the frame itself carries a ByteBuffer and is not Equatable).
struct FrameSnapshot: Equatable, CustomStringConvertible {
    var protoID: UInt32
    var format: ProtoFormat
    var serial: UInt32
    var body: [UInt8]

    init(_ frame: Frame) {
        protoID = frame.protoID
        format = frame.format
        serial = frame.serial
        body = Array(frame.body.readableBytesView)
    }

    var description: String { "proto \(protoID) serial \(serial) fmt \(format) body \(Hex.string(body))" }
}
