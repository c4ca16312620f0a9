import Testing
import TextKit
@testable import Terminal

/// Hostile nesting in a lesson ends in readable text, not a stack overflow
/// or a screen of indentation: cmark parses any depth, the renderer draws
/// a bounded number of levels and flattens the rest.
@Suite struct MarkdownNestingTests {
    func lines(_ md: String, width: Int = 80) -> [String] {
        Ink.strip(MarkdownRenderer(width: width, color: true).render(md)).split(separator: "\n").map(String.init)
    }

    func expectBounded(_ out: [String], width: Int = 80, maxLines: Int = 50, containing text: String) {
        #expect(out.count < maxLines)
        #expect(out.allSatisfy { DisplayWidth.of($0) <= width }, "\(out)")
        #expect(out.joined(separator: " ").contains(text))
    }

    @Test func tenThousandQuotes() {
        let out = lines(String(repeating: ">", count: 10_000) + " deep")
        expectBounded(out, containing: "deep")
        #expect(out[0].hasPrefix(String(repeating: "│ ", count: MarkdownRenderer.maxBlockNesting)))
    }

    @Test func tenThousandListsAndQuotesMixed() {
        expectBounded(lines(String(repeating: "- ", count: 10_000) + "item"), containing: "item")
        expectBounded(lines(String(repeating: "1. > ", count: 5_000) + "mixed"), containing: "mixed")
        // One level per line, each indented a little more.
        let ladder = (0..<300).map { String(repeating: "  ", count: $0) + "- level \($0)" }.joined(separator: "\n")
        let out = lines(ladder, width: 40)
        #expect(out.allSatisfy { DisplayWidth.of($0) <= 40 })
        #expect(out.joined(separator: " ").contains("level 299"))
    }

    @Test func deepEmphasisAndLinks() {
        let stars = String(repeating: "*", count: 20_000)
        expectBounded(lines(stars + "a" + stars), containing: "a")
        // Links do not nest: all but the innermost brackets stay text.
        let links = String(repeating: "[", count: 5_000) + "text" + String(repeating: "](u)", count: 5_000)
        expectBounded(lines(links), maxLines: 400, containing: "text")
        let images = String(repeating: "![", count: 5_000) + "alt" + String(repeating: "](u)", count: 5_000)
        #expect(Ink.strip(MarkdownRenderer(width: 80, color: false).renderInline(images)).contains("alt"))
    }

    @Test func flattenedTextIsSanitised() {
        let out = lines(String(repeating: "> ", count: 100) + "a\u{1B}[2Jb `c\u{07}`")
        #expect(out.joined().contains("a^[[2Jb"))
        #expect(!out.joined().contains("\u{1B}"))
        #expect(!out.joined().contains("\u{07}"))
    }
}
