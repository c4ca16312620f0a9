import Book
import Foundation
import Simulators
import Testing
import TextKit
@testable import Tutor

/// Limits instead of crashes, at the session: over-long lines, deep
/// expressions, huge sizes and files that are not files all end in a
/// message, with the session alive and the state unchanged.
@Suite struct InputLimitTests {
    @Test func aLineOverSixtyFourKiBIsRefusedWhole() throws {
        let s = try makeSession()
        _ = s.start()
        _ = s.say("goto memory#store-age")
        _ = s.say("mov r0, 7")
        let before = s.say("state")
        let long = "mov r0, 1 " + String(repeating: "#", count: Session.maxLineLength)
        #expect(s.say(long) == "That line is longer than 64 KiB and was ignored.")
        #expect(s.say("state") == before)
        // At the limit the line is read (and here refused by the simulator).
        let atLimit = "mov r0, " + String(repeating: "9", count: Session.maxLineLength - 8)
        #expect(atLimit.utf8.count == Session.maxLineLength)
        #expect(s.say(atLimit).contains("is not a number"))
        #expect(s.say("eval reg.r0") == "7")
    }

    @Test func deepExpressionsAreRefused() throws {
        let s = try makeSession()
        _ = s.start()
        let reply = s.say("eval " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000))
        #expect(reply.contains("expression nested too deeply (more than 64 levels)"))
        #expect(s.say("eval 1 + 1") == "2")
    }

    @Test func hugeSizesEndInAMessageWithTheStateUnchanged() throws {
        let s = try makeSession()
        _ = s.start()
        _ = s.say("sandbox arena")
        _ = s.say("arena new a")
        let before = s.say("state")
        for line in ["arena alloc a big 1TiB", "new many 8 1000000000", "new huge 1TiB 1000000",
                     "arena alloc a lots 8 99999999999999999999", "new x 9223372036854775807 2"] {
            let reply = s.say(line)
            #expect(!reply.isEmpty && !reply.contains("bump-allocated") && !reply.contains("on the heap"), "\(line): \(reply)")
        }
        #expect(s.say("state") == before)
        _ = s.say("sandbox greentea")
        #expect(s.say("layout dense 1000000").contains("is too many"))
        #expect(s.say("layout sparse 16384").contains("16384 spans"))
        #expect(s.say("mark classic 100000000").contains("is not a number of steps"))
        #expect(s.say("eval mark.mode") == "\"none\"")
        _ = s.say("sandbox asm")
        #expect(s.say(".var big 1TiB").contains("no room"))
        #expect(s.say("mem 0 0x1000000").contains("outside memory"))
    }

    @Test func loadingSomethingThatIsNotAFileAnswersAtOnce() throws {
        let book = try makeSession().book
        for path in ["/dev/zero", "/dev/null", "/dev/urandom"] {
            #expect(refusal(path, book) == "`\(path)` is not an ordinary file", "\(path)")
        }
        let big = tempFolder().appendingPathComponent("big.go")
        try Data(count: Session.maxLoadBytes + 1).write(to: big)
        #expect(refusal(big.path, book) == "`\(big.path)` is too large to load (more than 1 MiB)")
    }

    func refusal(_ path: String, _ book: Book) -> String? {
        do throws(SimulatorError) {
            _ = try Session.read(path, book: book)
            return nil
        } catch {
            return error.message
        }
    }
}
