import Foundation
import Testing

/// A Japanese learner at a real (pseudo-)terminal, 40 and 80 columns wide:
/// the tutor's own words — navigation, check results, quiz verdicts,
/// errors with their "did you mean" — come in Japanese, and every line
/// fits the terminal with no line opening on closing punctuation.
@Suite(.serialized) struct JapaneseTerminalTests {
    /// How the learner asks for Japanese: the flag, or only the locale.
    enum Selection: String, CaseIterable, CustomTestStringConvertible {
        case flag, locale
        var testDescription: String { self == .flag ? "--lang ja" : "LANG=ja_JP.UTF-8" }
    }

    @Test(arguments: [(40, Selection.flag), (80, Selection.locale)])
    func aSessionInJapanese(columns: Int, selection: Selection) throws {
        let home = MemlaneBinary.temporaryHome()
        var extra = ["COLUMNS": String(columns)]
        if selection == .locale { extra["LANG"] = "ja_JP.UTF-8" }
        let term = try PseudoTerminal(selection == .flag ? ["--lang", "ja"] : [],
                                      environment: MemlaneBinary.environment(home: home, extra: extra),
                                      columns: columns)

        // Navigation: the first step, `next`, then `goto` an exercise.
        try term.expect("memlane [welcome 1/5]>")
        try term.expectWrapped("この本では、Goがメモリをどう管理しているのかを")
        term.send("next\r")
        try term.expectWrapped("移動のしかた")
        try term.expect("memlane [welcome 2/5]>")
        term.send("goto memory#store-age\r")
        try term.expectWrapped("そこに年齢24を書き込んでください。")
        try term.expectWrapped("▶ 演習 store-age")
        try term.expect("memlane [memory 4/")

        // Errors: a simulator verb and a tutor command mistyped, each with
        // its Japanese "did you mean".
        term.send("regz\r")
        try term.expectWrapped("`regz` は asm シミュレータのコマンドではありません （もしかして `regs` ですか？）")
        try term.expectWrapped("`help` でコマンドの一覧を表示できます。")
        term.send(":chek\r")
        try term.expectWrapped("`:chek` はチューターのコマンドではありません （もしかして `check` ですか？）")
        term.send("mov r9, 1\r")
        try term.expectWrapped("`r9` はレジスタではありません。r0、r1、r2、r3 のどれかを使ってください")
        try term.expectWrapped("使い方: mov R, IMM|R")

        // The exercise: a failed check (the lesson's message and the
        // tutor's nudge), then solved with the same commands as in English.
        term.send("check\r")
        try term.expectWrapped("0x10 のバイトの値は 0 で、24 ではありません。")
        try term.expectWrapped("行き詰まったら `hint` でヒントを表示できます。")
        term.send("mov r0, 24\r")
        try term.expect("r0 = 24")
        term.send("store [0x10], r0\r")
        term.send("check\r")
        try term.expectWrapped("演習 `store-age` に合格しました！")
        try term.expectWrapped("`next` で先に進みます。")

        // A quiz: a wrong answer, then the right one.
        term.send("goto memory#var-address\r")
        try term.expectWrapped("? 問題 var-address")
        try term.expectWrapped("`answer` に続けて答えを入力してください。")
        term.send("answer 4\r")
        try term.expectWrapped("✘ 不正解です。")
        try term.expectWrapped("`answer` でもう一度答えてください。")
        term.send("answer 5\r")
        try term.expectWrapped("✔ 正解です！")
        try term.expectWrapped("c は0x05になります。")  // the lesson's explanation; Markdown drops the backquotes

        // `progress` and `help` read in Japanese too.
        term.send("progress\r")
        try term.expectWrapped("合計: 演習")
        try term.expectWrapped("問中 1 問に合格、問題")
        try term.expectWrapped("問中 1 問に正解。")
        term.send("help\r")
        try term.expectWrapped("チューターのコマンド")
        try term.expectWrapped("next 次のステップへ進みます")
        term.send("quit\r")
        try term.expectWrapped("進み具合を保存しました。またどうぞ！")
        #expect(term.waitForExit() == 0)

        // Nothing English from the tutor itself.
        let out = term.clean
        for english in ["passed!", "Right!", "Not quite.", "is not a command", "did you mean", "Tutor commands",
                        "Progress saved"] {
            #expect(!out.contains(english), "English left: \(english)")
        }
        // Every line of the tutor's fits the terminal; none opens on closing
        // punctuation. (A prompt with the learner's typing is wrapped by the
        // terminal itself, so it is not a line of the tutor's.)
        let lines = out.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        #expect(lines.count > 100)
        for line in lines where !line.hasPrefix("memlane [") {
            #expect(JapaneseTranscriptTests.width(line) <= columns, "wider than \(columns): \(line)")
            let first = line.trimmingCharacters(in: .whitespaces).first.map(String.init) ?? ""
            #expect(!["、", "。", "」", "）", "！", "？"].contains(first), "starts with closing punctuation: \(line)")
        }
    }
}
