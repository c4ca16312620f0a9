import Testing
@testable import TextKit

/// Diagnostics go to the terminal as they are, so they are one safe line
/// whatever the book put in a file name or a message.
@Suite struct DiagnosticTextTests {
    @Test func controlCharactersAreNeutralised() {
        let d = Diagnostic(SourceLocation(file: "book/\u{1B}[2J.md", line: 3, column: 1), "bad \u{1B}]0;title\u{07} here\nnext",
                           hint: "\u{9B}31m")
        #expect(d.description == "book/^[[2J.md:3:1: bad ^[]0;title^G here^Jnext (\u{FFFD}31m)")
        #expect(Diagnostic(SourceLocation(file: "a.md", line: 1, column: 2), "plain").description == "a.md:1:2: plain")
    }
}
