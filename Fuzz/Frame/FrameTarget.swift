import Foundation
import FuzzSupport
import NIOCore
import OpenDProtocol

/// Fuzzes ``FrameCodec/decode(from:cipherState:maxBodyLength:)``, the byte stream → frame step
/// both the client and the simulator run on every connection.
///
/// Input: byte 0 picks the cipher state (bits 0–1: none, FTAES-ECB, AES-CBC, RSA for InitConnect
/// plus AES-CBC; bit 2: patch each header's SHA-1 to the body's so the fuzzer gets past the
/// checksum), bytes 1… are the stream. Invariants: the decoder only returns whole frames or
/// throws ``FrameError``; each frame it returns encodes back to a frame that decodes to the
/// same protoID, serial and body.
enum FrameTarget {
    static let key = "0123456789abcdef"
    static let iv = "fedcba9876543210"
    // swiftlint:disable force_try
    static let ecb = try! FTAESECBCipher(key: key)
    static let cbc = try! AESCBCCipher(key: key, iv: iv)
    static let rsa: RSACipher = {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Tests/OpenDProtocolTests/Fixtures/keys/interop-rsa1024.pem")
        return try! RSACipher(privateKeyPEM: String(contentsOf: fixtures, encoding: .utf8))
    }()
    // swiftlint:enable force_try

    static func cipherState(_ mode: UInt8) -> FrameCipherState? {
        switch mode & 3 {
        case 0: return nil
        case 1: return FrameCipherState(aes: ecb)
        case 2: return FrameCipherState(aes: cbc)
        default: return FrameCipherState(rsa: rsa, aes: cbc)
        }
    }

    static func run(_ data: UnsafeRawBufferPointer) {
        guard let mode = data.first else { return }
        let state = cipherState(mode)
        var stream = Array(data.dropFirst())
        if mode & 4 != 0 { patchChecksums(&stream, state) }
        var buffer = ByteBuffer(bytes: stream)
        let maxBody: UInt32 = 1 << 16
        while true {
            let before = buffer.readableBytes
            let frame: Frame?
            do {
                frame = try FrameCodec.decode(from: &buffer, cipherState: state, maxBodyLength: maxBody)
            } catch is FrameError {
                return
            } catch {
                fuzzRequire(false, "decode threw a non-FrameError: \(error)")
                return
            }
            guard let frame else {
                fuzzRequire(buffer.readableBytes == before, "a short read consumed bytes")
                return
            }
            fuzzRequire(buffer.readableBytes < before, "a frame consumed nothing")
            roundTrip(frame)
        }
    }

    /// Re-encodes `frame` in plaintext and decodes it again: it must come back unchanged.
    static func roundTrip(_ frame: Frame) {
        do {
            var out = ByteBuffer()
            try FrameCodec.encode(frame, cipher: nil, into: &out)
            guard let again = try FrameCodec.decode(from: &out, cipherState: nil) else {
                fuzzRequire(false, "a re-encoded frame is incomplete")
                return
            }
            fuzzRequire(again.protoID == frame.protoID && again.serial == frame.serial, "header changed")
            fuzzRequire(again.body == frame.body, "body changed")
            fuzzRequire(out.readableBytes == 0, "bytes left over after a re-encoded frame")
        } catch {
            fuzzRequire(false, "a decoded frame does not round-trip: \(error)")
        }
    }

    /// Rewrites the SHA-1 of each whole frame in `stream` to that of its (decrypted) body.
    static func patchChecksums(_ stream: inout [UInt8], _ state: FrameCipherState?) {
        var offset = 0
        while stream.count - offset >= FrameHeader.size {
            let header = stream[offset..<offset + FrameHeader.size]
            let protoID = header.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 2, as: UInt32.self).littleEndian }
            let length = Int(header.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 12, as: UInt32.self).littleEndian })
            let start = offset + FrameHeader.size
            guard length <= stream.count - start else { return }
            var body = Array(stream[start..<start + length])
            if let cipher = state?.cipher(for: protoID) {
                guard let plain = try? cipher.open(body) else { return }
                body = plain
            }
            let digest = body.withUnsafeBytes { SHA1Digest.hash($0) }
            stream.replaceSubrange(offset + 16..<offset + 36, with: digest.bytes)
            offset = start + length
        }
    }
}

@main enum Entry { static func main() { FuzzMain.run("fuzz-frame", FrameTarget.run) } }
