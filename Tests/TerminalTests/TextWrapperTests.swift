import Testing
import TextKit
@testable import Terminal

@Suite struct TextWrapperTests {
    @Test func wrapsAtSpacesWithinTheWidth() {
        let lines = TextWrapper.wrap("the quick brown fox jumps over the lazy dog", width: 15)
        #expect(lines == ["the quick brown", "fox jumps over", "the lazy dog"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 15 })
    }

    @Test func indentsFirstAndFollowingLines() {
        let lines = TextWrapper.wrap("aaa bbb ccc ddd", width: 9, firstIndent: "• ", indent: "  ")
        #expect(lines == ["• aaa bbb", "  ccc ddd"])
    }

    @Test func cutsWordsLongerThanALine() {
        let lines = TextWrapper.wrap("abcdefghij", width: 4)
        #expect(lines == ["abcd", "efgh", "ij"])
    }

    @Test func wideCharactersCountTwoColumnsAndAreNeverSplit() {
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("aé日") == 4)
        let text = "ガベージコレクションはヒープ上の不要なデータを自動的に解放します"
        for width in [10, 11, 40] {
            let lines = TextWrapper.wrap(text, width: width)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(width): \(lines)")
            #expect(lines.joined() == text)
        }
    }

    @Test func noLineStartsWithClosingPunctuation() {
        // At width 10 a naive break would put 。 first on the second line.
        let text = "あいうえおかきくけ。さしすせそ"
        let lines = TextWrapper.wrap(text, width: 18)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { !($0.first.map { TextWrapper.noLineStart.contains($0) } ?? false) }, "\(lines)")
        #expect(lines.joined() == text)
        let quoted = TextWrapper.wrap("これは「スタック」と「ヒープ」の話です。", width: 12)
        #expect(quoted.allSatisfy { !($0.first.map { TextWrapper.noLineStart.contains($0) } ?? false) }, "\(quoted)")
        #expect(quoted.allSatisfy { !($0.last.map { TextWrapper.noLineEnd.contains($0) } ?? false) }, "\(quoted)")
    }

    @Test func mixedJapaneseAndEnglishWraps() {
        let lines = TextWrapper.wrap("Goのescape analysisはビルド時に決まります", width: 16)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 16 }, "\(lines)")
        #expect(lines.joined(separator: " ").replacingOccurrences(of: " ", with: "") == "Goのescapeanalysisはビルド時に決まります")
    }

    @Test func stylesAreBalancedOnEveryLine() {
        let styled = "plain " + Ink.paint("very long styled words here", .bold) + " tail"
        let lines = TextWrapper.wrap(styled, width: 12)
        for line in lines {
            #expect(DisplayWidth.of(line) <= 12)
            let ansi = Ink.ansi(line)
            let opens = ansi.components(separatedBy: "\u{1B}[1m").count - 1
            if opens > 0 { #expect(ansi.hasSuffix("\u{1B}[0m"), "\(ansi.debugDescription)") }
        }
        #expect(Ink.strip(lines.joined(separator: " ")) == "plain very long styled words here tail")
    }
}

@Suite struct ColorAndSafetyTests {
    @Test func colourPolicy() {
        #expect(ColorPolicy.enabled(flagNoColor: false, environment: ["TERM": "xterm"], stdoutIsTTY: true))
        #expect(!ColorPolicy.enabled(flagNoColor: true, environment: ["TERM": "xterm"], stdoutIsTTY: true))
        #expect(!ColorPolicy.enabled(flagNoColor: false, environment: ["NO_COLOR": "1"], stdoutIsTTY: true))
        #expect(ColorPolicy.enabled(flagNoColor: false, environment: ["NO_COLOR": ""], stdoutIsTTY: true))
        #expect(!ColorPolicy.enabled(flagNoColor: false, environment: ["TERM": "dumb"], stdoutIsTTY: true))
        #expect(!ColorPolicy.enabled(flagNoColor: false, environment: [:], stdoutIsTTY: false))
    }

    @Test func writerNeverEmitsForeignEscapes() {
        let hostile = "a\u{1B}[2Jb\u{1B}]0;title\u{07}c\u{9B}31m" + Ink.paint("ok", .red)
        let coloured = TerminalWriter.format(hostile, color: true)
        let plain = TerminalWriter.format(hostile, color: false)
        #expect(!plain.contains("\u{1B}"))
        #expect(!plain.contains("\u{07}"))
        #expect(!plain.contains("\u{9B}"))
        #expect(plain.contains("^[[2J"))
        // The only escapes left are our own SGR sequences.
        let escapes = coloured.components(separatedBy: "\u{1B}").dropFirst()
        #expect(escapes.allSatisfy { $0.hasPrefix("[0m") || $0.hasPrefix("[31m") }, "\(coloured.debugDescription)")
    }

    @Test func noBreakSpacesBecomeSpaces() {
        #expect(TerminalWriter.format("malloc\u{00A0}p\u{00A0}64", color: false) == "malloc p 64")
    }
}
