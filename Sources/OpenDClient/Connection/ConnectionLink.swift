import NIOCore
import OpenDProtocol

/// One TCP connection to OpenD. A reconnect makes a new link with the next generation number,
/// so events from a dead link are recognised and ignored.
final class ConnectionLink: Sendable {
    let generation: Int
    let channel: any Channel
    let cipherState: FrameCipherState

    init(generation: Int, channel: any Channel, cipherState: FrameCipherState) {
        self.generation = generation
        self.channel = channel
        self.cipherState = cipherState
    }
}
