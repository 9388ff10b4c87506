/// Sees every frame a link receives, on the event loop, right after it is decrypted and before
/// it is routed (a recorder, for instance). It must return at once: it runs on the push path.
/// InitConnect replies are not shown to it (they carry the session key).
public protocol FrameTap: AnyObject, Sendable {
    func frameReceived(protoID: UInt32, serial: UInt32, isPush: Bool, body: UnsafeRawBufferPointer)
}
