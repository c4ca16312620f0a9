import Testing
@testable import TextKit

@Suite struct InkTests {
    @Test func paintStripAndANSI() {
        let s = "a " + Ink.paint("b", .bold, .red) + " c"
        #expect(Ink.strip(s) == "a b c")
        #expect(Ink.ansi(s) == "a \u{1B}[0m\u{1B}[1m\u{1B}[0m\u{1B}[1;31mb\u{1B}[0m\u{1B}[1m\u{1B}[0m c")
        #expect(DisplayWidth.of(s) == 5)
    }

    @Test func balancedLinesCarryOpenStyles() {
        let lines = Ink.balancedLines(Ink.paint("one\ntwo", .green))
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { Ink.strip($0) == "one" || Ink.strip($0) == "two" })
        #expect(Ink.ansi(lines[1]).hasPrefix("\u{1B}[0m\u{1B}[32mtwo"))
    }
}

@Suite struct SanitizerTests {
    @Test func controlsBecomeCaretNotation() {
        #expect(Sanitizer.clean("a\u{1B}[2Jb") == "a^[[2Jb")
        #expect(Sanitizer.clean("bell\u{07}") == "bell^G")
        #expect(Sanitizer.clean("c1\u{9B}x") == "c1\u{FFFD}x")
        #expect(Sanitizer.clean("rtl\u{202E}x") == "rtl\u{FFFD}x")
        #expect(Sanitizer.clean("tab\tand\nnewline") == "tab\tand\nnewline")
        #expect(Sanitizer.line("two\nlines") == "two^Jlines")
        #expect(Sanitizer.clean("crlf\r\n") == "crlf\n")
    }

    /// The copy-the-runs rewrite keeps everything around what it replaces.
    @Test func runsAroundControlsAreKept() {
        #expect(Sanitizer.clean("\u{1B}日本\u{1B}語\t\u{1B}") == "^[日本^[語\t^[")
        #expect(Sanitizer.clean("\r\r") == "")
        #expect(Sanitizer.line("a\tb\r") == "a^Ib^M")
        #expect(Sanitizer.clean("only\ttabs\nand lines") == "only\ttabs\nand lines")
    }

    @Test func inkMarkersInUntrustedTextAreNeutralised() {
        let spoof = Ink.paint("x", .red)
        #expect(Ink.strip(Sanitizer.clean(spoof)) == "\u{FFFD}x\u{FFFD}")
        #expect(Sanitizer.clean(spoof, keepStyles: true) == spoof)
    }
}

@Suite struct SuggestionTests {
    @Test func closestWithinEditDistance() {
        #expect(Suggestion.closest(to: "chekc", among: ["check", "hint", "next"]) == "check")
        #expect(Suggestion.closest(to: "nxet", among: ["check", "hint", "next"]) == "next")
        #expect(Suggestion.closest(to: "zzzzzz", among: ["check", "hint"]) == nil)
        #expect(Suggestion.closest(to: "sand", among: ["sandbox", "show"]) == "sandbox")
        #expect(Suggestion.hint(for: "hnit", among: ["hint"]) == " (did you mean `hint`?)")
        #expect(Suggestion.hint(for: "q", among: []) == "")
    }
}

@Suite struct DisplayWidthTests {
    @Test func widthsOfScripts() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("ヒープ") == 6)
        #expect(DisplayWidth.of("é") == 1)           // precomposed
        #expect(DisplayWidth.of("e\u{301}") == 1)    // combining accent
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.prefix("日本語", columns: 5) == "日本")
        #expect("日本".padded(to: 6) == "日本  ")
        #expect("7".leftPadded(to: 3) == "  7")
    }
}

@Suite(.serialized) struct LocalizationTests {
    @Test func selectsLanguageFromFlagThenEnvironment() {
        #expect(Language.select(flag: "ja", environment: [:]) == .ja)
        #expect(Language.select(flag: "en", environment: ["LANG": "ja_JP.UTF-8"]) == .en)
        #expect(Language.select(flag: nil, environment: ["LANG": "ja_JP.UTF-8"]) == .ja)
        #expect(Language.select(flag: nil, environment: ["LC_ALL": "en_US.UTF-8", "LANG": "ja_JP.UTF-8"]) == .en)
        #expect(Language.select(flag: nil, environment: ["LC_MESSAGES": "ja_JP"]) == .ja)
        #expect(Language.select(flag: nil, environment: [:]) == .en)
    }

    @Test func formatsPositionalArguments() {
        #expect(Localization.format("{1} before {0}", ["a", "b"]) == "b before a")
        #expect(Localization.format("literal {x} and {5}", ["a"]) == "literal {x} and {5}")
        #expect(L("plain {0}", 7) == "plain 7")
    }
}
