import Foundation
import Testing
@testable import TextKit

/// The plain-Swift trimming and line splitting agree with Foundation's.
@Suite struct LinesAndSpacesTests {
    static let samples = ["", " ", "\t", "  a b  ", "\ta\t", "\u{3000}全角\u{3000}", "\u{00A0}nbsp\u{00A0}", "\n\na\n ",
                          "x\u{2028}", "\u{85}y\u{0B}", "\u{200B}zero-width\u{200B}", "é\u{301} ", " 👩‍👩‍👧 ", "\r\n", "a\r"]

    @Test func trimmingMatchesFoundation() {
        for s in Self.samples {
            #expect(s.trimmingSpaces() == s.trimmingCharacters(in: .whitespaces), "\(s.debugDescription)")
            #expect(s.trimmingWhitespace() == s.trimmingCharacters(in: .whitespacesAndNewlines), "\(s.debugDescription)")
            let sub = ("<" + s + ">").dropFirst().dropLast()
            #expect(sub.trimmingSpaces() == s.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func linesSplitOnNewlines() {
        #expect("".splitLines() == [""])
        #expect("a\nb\n".splitLines() == ["a", "b", ""])
        #expect("\n\n".splitLines() == ["", "", ""])
        #expect("日本\n語".splitLines() == ["日本", "語"])
        #expect("a\n\u{301}b".splitLines() == ["a", "\u{301}b"])
        let text = "x\ny\nz"
        #expect(text.splitLines() == text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    @Test func characterArraysMatchTheSlowWay() {
        for s in Self.samples + ["plain ascii", "x == 1 && y", "a\r\nb", "é", "日本"] {
            #expect(s.characterArray == Array(s), "\(s.debugDescription)")
            #expect(s.characterStarts == Array(s.indices), "\(s.debugDescription)")
        }
    }
}
