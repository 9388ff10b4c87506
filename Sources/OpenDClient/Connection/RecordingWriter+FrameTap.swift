import MarketRecording

/// A recorder taps a connection directly: `configuration.frameTap = writer`.
extension RecordingWriter: FrameTap {
    @inline(__always)
    public func frameReceived(protoID: UInt32, serial: UInt32, isPush: Bool, body: UnsafeRawBufferPointer) {
        append(protoID: protoID, serial: serial, isPush: isPush, body: body)
    }
}
