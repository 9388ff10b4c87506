import Foundation

/// Where a recorder's bytes go. Called only from the recorder's own thread.
public protocol RecordingSink: AnyObject {
    func write(_ bytes: [UInt8]) throws
    func close() throws
}

/// A file, created (or truncated) on open; writes retry on short writes and EINTR.
public final class FileRecordingSink: RecordingSink {
    private var fd: Int32
    public let path: String

    public init(path: String) throws(RecordingError) {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io("cannot create recording \(path): \(String(cString: strerror(errno)))") }
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw RecordingError.io("writing recording \(path): \(String(cString: strerror(errno)))")
                }
                done += n
            }
        }
    }

    public func close() throws {
        guard fd >= 0 else { return }
        let result = Foundation.close(fd)
        fd = -1
        if result != 0 { throw RecordingError.io("closing recording \(path): \(String(cString: strerror(errno)))") }
    }

    deinit { if fd >= 0 { _ = Foundation.close(fd) } }
}
