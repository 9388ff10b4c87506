import NIOCore
import XCTest
@testable import OpenDProtocol

/// Seeded random input for the decoder: it may deliver frames, wait for more bytes, or throw a
/// ``FrameError`` — never anything else, and never crash.
final class FrameDecoderFuzzTests: XCTestCase {
    private enum Outcome: Hashable { case frames(Int), waiting, rejected }

    /// Decodes all it can from `bytes`; any non-FrameError is a test failure.
    private func drain(_ bytes: [UInt8], cipherState: FrameCipherState?, maxBodyLength: UInt32 = 4096,
                       file: StaticString = #filePath, line: UInt = #line) -> Outcome
    {
        var buffer = ByteBuffer(bytes: bytes)
        var count = 0
        do {
            while let _ = try FrameCodec.decode(from: &buffer, cipherState: cipherState, maxBodyLength: maxBodyLength) {
                count += 1
            }
            return count == 0 ? .waiting : .frames(count)
        } catch is FrameError {
            return .rejected
        } catch {
            XCTFail("decoder threw a non-FrameError: \(error)", file: file, line: line)
            return .rejected
        }
    }

    private func cipherStates() throws -> [FrameCipherState?] {
        [
            nil,
            FrameCipherState(aes: try FTAESECBCipher(key: "0123456789abcdef")),
            FrameCipherState(rsa: try RSACipher(privateKeyPEM: try TestKeys.pkcs1PEM()),
                             aes: try AESCBCCipher(key: "0123456789abcdef", iv: "fedcba9876543210")),
        ]
    }

    func testRandomBytesOnlyEverThrowFrameErrorsOrWait() throws {
        var generator = SeededGenerator(seed: 2026)
        var outcomes: [Outcome: Int] = [:]
        for state in try cipherStates() {
            for _ in 0..<1500 {
                var bytes = (0..<Int.random(in: 0...200, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                // Most inputs get a valid magic so the fuzzing reaches lengths, ciphers and SHA-1.
                if bytes.count >= 2, Bool.random(using: &generator) || Bool.random(using: &generator) {
                    bytes[0] = 0x46
                    bytes[1] = 0x54
                    if bytes.count >= 16, Bool.random(using: &generator) {
                        // A plausible protocol id and a body length that fits the buffer.
                        let protoID = [1001, 1004, 3005, 2208].randomElement(using: &generator)!
                        bytes.replaceSubrange(2..<6, with: withUnsafeBytes(of: UInt32(protoID).littleEndian, Array.init))
                        let length = UInt32(Int.random(in: 0...max(0, bytes.count - 44), using: &generator))
                        bytes.replaceSubrange(12..<16, with: withUnsafeBytes(of: length.littleEndian, Array.init))
                    }
                }
                outcomes[drain(bytes, cipherState: state), default: 0] += 1
            }
        }
        // The seed must exercise both rejections and waiting, or the test proves little.
        XCTAssertGreaterThan(outcomes[.rejected, default: 0], 100, "\(outcomes)")
        XCTAssertGreaterThan(outcomes[.waiting, default: 0], 100, "\(outcomes)")
    }

    func testEveryTruncationOfAValidStreamWaitsAndNeverThrows() throws {
        for state in try cipherStates() {
            let frames = [
                try ReferenceFrames.initConnectRequestFrame(), try ReferenceFrames.keepAliveRequestFrame(),
                try ReferenceFrames.initConnectResponseFrame(),
            ]
            var stream: [UInt8] = []
            var ends: [Int] = []
            for frame in frames {
                stream += try FrameCodec.encode(frame, cipher: state?.cipher(for: frame.protoID))
                ends.append(stream.count)
            }
            for cut in 0..<stream.count {
                let whole = ends.filter { $0 <= cut }.count
                let outcome = drain(Array(stream[..<cut]), cipherState: state, maxBodyLength: FrameCodec.defaultMaxBodyLength)
                XCTAssertEqual(outcome, whole == 0 ? .waiting : .frames(whole), "cut at \(cut)")
            }
        }
    }

    func testBitFlipsInValidFramesNeverCrash() throws {
        var generator = SeededGenerator(seed: 99)
        var rejected = 0
        for state in try cipherStates() {
            let frames = [try ReferenceFrames.initConnectRequestFrame(), try ReferenceFrames.keepAliveRequestFrame()]
            for frame in frames {
                let bytes = try FrameCodec.encode(frame, cipher: state?.cipher(for: frame.protoID))
                for _ in 0..<300 {
                    var mutated = bytes
                    for _ in 0..<Int.random(in: 1...3, using: &generator) {
                        mutated[Int.random(in: 0..<mutated.count, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
                    }
                    if drain(mutated, cipherState: state, maxBodyLength: FrameCodec.defaultMaxBodyLength) == .rejected {
                        rejected += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(rejected, 1000, "most mutations must be caught (magic, length, decrypt or SHA-1)")
    }
}
