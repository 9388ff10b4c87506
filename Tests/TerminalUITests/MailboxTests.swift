import Foundation
import XCTest
@testable import TerminalUI

final class MailboxTests: XCTestCase {
    func testBurstFromManyThreadsIsDrainedWhole() {
        let box = Mailbox<Int>()
        DispatchQueue.concurrentPerform(iterations: 8) { t in
            for i in 0..<500 { box.post(t * 1000 + i) }
        }
        var fds = [pollfd(fd: box.wakeFD, events: Int16(POLLIN), revents: 0)]
        XCTAssertEqual(poll(&fds, 1, 0), 1, "posting must wake the UI thread")
        let got = box.drain()
        XCTAssertEqual(got.count, 4000)
        for t in 0..<8 {
            XCTAssertEqual(got.filter { $0 / 1000 == t }, (0..<500).map { t * 1000 + $0 }, "per-sender order")
        }
        fds[0].revents = 0
        XCTAssertEqual(poll(&fds, 1, 0), 0, "drained: no wake-up left")
        XCTAssertTrue(box.drain().isEmpty)
    }

    func testClosedMailboxDropsLatePosts() {
        let box = Mailbox<String>()
        box.close()
        box.post("late")
        XCTAssertTrue(box.drain().isEmpty)
    }
}
