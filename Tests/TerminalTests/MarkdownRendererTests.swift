import Testing
import TextKit
@testable import Terminal

@Suite struct MarkdownRendererTests {
    func plain(_ md: String, width: Int = 40, color: Bool = false) -> String {
        Ink.strip(MarkdownRenderer(width: width, color: color).render(md))
    }

    @Test func headingsParagraphsAndEmphasis() {
        let out = plain("# Title\n\nSome *emphasis* and **strong** text.\n\n## Sub\n\nMore.")
        #expect(out == "Title\n═════\n\nSome emphasis and strong text.\n\nSub\n───\n\nMore.")
        let styled = MarkdownRenderer(width: 40, color: true).render("*a* **b**")
        #expect(Ink.ansi(styled).contains("\u{1B}[0m\u{1B}[3ma"))
        #expect(Ink.ansi(styled).contains("\u{1B}[0m\u{1B}[1mb"))
    }

    @Test func inlineCodeKeepsBackticksWithoutColourAndStaysOnOneLine() {
        #expect(plain("Type `malloc p 64` now") == "Type `malloc\u{00A0}p\u{00A0}64` now")
        #expect(plain("Type `malloc p 64` now", color: true) == "Type malloc\u{00A0}p\u{00A0}64 now")
        let lines = plain("aaaa bbbb cccc `malloc p 64` dddd", width: 20).split(separator: "\n")
        #expect(lines.contains { $0.contains("`malloc\u{00A0}p\u{00A0}64`") })
    }

    @Test func listsNestAndWrap() {
        let out = plain("- one\n- two is a longer item that wraps\n  1. inner\n", width: 20)
        #expect(out == "• one\n• two is a longer\n  item that wraps\n  1. inner")
    }

    @Test func blockQuotesLinksAndRules() {
        #expect(plain("> quoted\n> text") == "│ quoted text")
        #expect(plain("[Go](https://go.dev)") == "Go (https://go.dev)")
        #expect(plain("<https://go.dev>") == "https://go.dev")
        #expect(plain("---", width: 20) == String(repeating: "─", count: 20))
    }

    @Test func fencedGoIsHighlightedAndIndented() {
        let md = "```go\nfunc main() {\n\tx := \"hi\" // c\n}\n```"
        #expect(plain(md) == "    func main() {\n        x := \"hi\" // c\n    }")
        let styled = Ink.ansi(MarkdownRenderer(width: 40, color: true).render(md))
        #expect(styled.contains("\u{1B}[35mfunc"))
        #expect(styled.contains("\u{1B}[32m\"hi\""))
        #expect(styled.contains("\u{1B}[90m// c"))
    }

    @Test func wideDrawingsAreCutNotWrapped() {
        let md = "```text\n┌──────────────────────────────┐\n│ a drawing wider than twenty  │\n└──────────────────────────────┘\n```"
        let lines = plain(md, width: 20).split(separator: "\n")
        #expect(lines[0] == "┌──────────────────…")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 20 })
        #expect(lines[3...].joined(separator: " ").contains("cut to fit"))
    }

    @Test func everyRenderedLineFitsTheWidth() {
        let md = "# 見出し\n\nスタックは関数呼び出しの入れ子構造と変数のスコープをメモリ上でうまく表現できます。ヒープはそれ以外のデータを置く場所です。\n\n- 箇条書きの項目も折り返されます。とても長い項目です。"
        for width in [20, 40, 80] {
            let out = plain(md, width: width)
            for line in out.split(separator: "\n") {
                #expect(DisplayWidth.of(line) <= width, "\(width): \(line)")
            }
        }
    }

    @Test func controlCharactersInMarkdownAreNeutralised() {
        let out = MarkdownRenderer(width: 40, color: true).render("evil \u{1B}[2J text `\u{1B}]0;x\u{07}`")
        #expect(!Ink.strip(out).contains("\u{1B}"))
        #expect(!out.contains("\u{07}"))
    }
}
