import Foundation
import Testing

/// The Japanese edition (`Lessons/ja/`) driven through a pipe with
/// `--lang ja`: the learner reads Japanese, types the same commands, and
/// earns progress under the same ids as in English.
@Suite struct JapaneseTranscriptTests {
    /// A session in chapter 2: navigation, a failed check with its
    /// translated message, a hint, the exercise solved, a quiz answered.
    static let moves = """
    toc
    goto memory
    goto memory#store-age
    check
    hint
    mov r0, 24
    store [0x10], r0
    check
    goto memory#var-address
    answer 5
    quit
    """

    @Test func chapterTwoReadsInJapaneseAndIsSolvedWithTheSameCommands() throws {
        let home = MemlaneBinary.temporaryHome()
        let run = try MemlaneBinary.run(["--lang", "ja"], input: Self.moves, home: home)
        #expect(run.status == 0, "\(run.stderr)")
        let out = run.stdout
        // toc: the Japanese book title and lesson titles, with the English ids.
        #expect(out.contains("Memory Lane — 歴史でたどるGoのメモリ管理"))
        #expect(out.contains("変数以前のメモリ"))
        #expect(out.contains("変数、スタック、ヒープ"))
        // goto memory: the lesson's opening step, in Japanese.
        #expect(out.contains("変数が生まれる前、プログラマはメモリを直接扱っていました。"))
        // The exercise's task, its failed check message with the value
        // interpolated, and its first hint.
        #expect(out.contains("値をしまっておく"))
        #expect(out.contains("0x10 のバイトの値は 0 で、24 ではありません。"))
        #expect(out.contains("まず `mov` で24をレジスタに入れ"))
        // The quiz's question and explanation.
        #expect(out.contains("新しいシミュレータで `.var a`"))
        #expect(out.contains("`c` は0x05になります。"))
        // The English text of the same steps does not appear.
        #expect(!out.contains("Store the age 24 there."))
        #expect(!out.contains("\u{1B}"), "piped output must be plain")

        let progress = try Self.progress(home: home)
        #expect(progress.exercises["store-age"]?["status"] as? String == "passed")
        #expect(progress.quizzes["var-address"]?["correct"] as? Bool == true)
        #expect(progress.position == "memory")
    }

    /// The same moves in English and in Japanese leave progress under the
    /// same lesson, exercise and quiz ids, so either language can resume it.
    @Test func progressIsSharedBetweenLanguages() throws {
        let japanese = MemlaneBinary.temporaryHome()
        let english = MemlaneBinary.temporaryHome()
        #expect(try MemlaneBinary.run(["--lang", "ja"], input: Self.moves, home: japanese).status == 0)
        #expect(try MemlaneBinary.run(["--lang", "en"], input: Self.moves, home: english).status == 0)
        let ja = try Self.progress(home: japanese), en = try Self.progress(home: english)
        #expect(ja.lessons == en.lessons)
        #expect(ja.lessons == ["memory"])
        #expect(Set(ja.exercises.keys) == Set(en.exercises.keys))
        #expect(Set(ja.quizzes.keys) == Set(en.quizzes.keys))
        #expect(Set(ja.exercises.keys) == ["store-age"])
        #expect(Set(ja.quizzes.keys) == ["var-address"])

        // Japanese progress resumed in English: same lesson, same step, English text.
        let resumed = try MemlaneBinary.run(["--lang", "en"], input: "quit\n", home: japanese)
        #expect(resumed.stdout.contains("Names for addresses"))
        #expect(!resumed.stdout.contains("アドレスに名前を付ける"))
    }

    /// A Japanese locale selects the Japanese book without `--lang`.
    @Test func aJapaneseLocaleSelectsTheJapaneseBook() throws {
        let home = MemlaneBinary.temporaryHome()
        let run = try MemlaneBinary.run([], input: "goto memory\nquit\n", home: home, extra: ["LANG": "ja_JP.UTF-8"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("変数が生まれる前、プログラマはメモリを直接扱っていました。"))
    }

    /// At 40 columns Japanese prose wraps by display width, and no line
    /// starts with closing punctuation.
    @Test func japaneseProseWrapsAtFortyColumns() throws {
        let home = MemlaneBinary.temporaryHome()
        let run = try MemlaneBinary.run(["--lang", "ja"], input: "goto memory\ngoto memory#store-age\nhint\nhint\nquit\n",
                                        home: home, extra: ["COLUMNS": "40"])
        #expect(run.status == 0, "\(run.stderr)")
        let japanese = run.stdout.split(separator: "\n").map(String.init).filter { line in
            line.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) }
        }
        #expect(japanese.count > 10, "\(run.stdout)")
        for line in japanese {
            #expect(Self.width(line) <= 40, "too wide: \(line)")
            #expect(!["、", "。", "」", "）"].contains(line.trimmingCharacters(in: .whitespaces).first.map(String.init) ?? ""),
                    "starts with closing punctuation: \(line)")
        }
        // The opening paragraph is one source line; no soft-break space inside it.
        #expect(!run.stdout.contains("直接扱っていました。 "))
    }

    /// Chapter 4 in Japanese at 40 columns: a wrong road first, whose check
    /// message comes back translated with the heap interpolated, then the
    /// exercise solved with the same commands as in English.
    @Test func chapterFourExerciseIsSolvedInJapanese() throws {
        let home = MemlaneBinary.temporaryHome()
        let moves = """
        goto gc#unreachable
        gc
        check
        graph
        ptr cache.next = nil
        gc
        check
        quit
        """
        let run = try MemlaneBinary.run(["--lang", "ja"], input: moves, home: home, extra: ["COLUMNS": "40"])
        #expect(run.status == 0, "\(run.stderr)")
        let out = Self.squeezed(run.stdout)
        // The task, in Japanese.
        #expect(out.contains(Self.squeezed("ポインタを1つだけ変えて古いエントリをゴミにし、それからGCを実行してください。")))
        // The first check fails on the heap and says so in Japanese, with the
        // names the learner left on it.
        #expect(out.contains(Self.squeezed(
            "GCの後、ヒープには [\"session\", \"user\", \"cache\", \"old1\", \"old2\"] があります。"
                + "残るのは session、user、cache だけのはずです。`reset` でやり直せます。")))
        #expect(!out.contains(Self.squeezed("After the collection the heap holds")))
        // The same commands as in English solve it.
        #expect(run.says("cycle 2 done: freed old1, old2 (2 object(s)), 3 object(s) live"))
        #expect(run.says("Exercise `unreachable` passed!"))
        for line in run.stdout.split(separator: "\n").map(String.init) {
            #expect(Self.width(line) <= 40, "too wide: \(line)")
            #expect(!["、", "。", "」", "）"].contains(line.trimmingCharacters(in: .whitespaces).first.map(String.init) ?? ""),
                    "starts with closing punctuation: \(line)")
        }

        let progress = try Self.progress(home: home, lesson: "gc")
        #expect(progress.exercises["unreachable"]?["status"] as? String == "passed")
        #expect(progress.position == "gc")
    }

    // MARK: - Helpers

    struct Progress {
        var lessons: Set<String>
        var exercises: [String: [String: Any]]
        var quizzes: [String: [String: Any]]
        var position: String?
    }

    static func progress(home: URL, lesson id: String = "memory") throws -> Progress {
        let json = try MemlaneBinary.run(["progress", "--json"], home: home)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let lessons = object["lessons"] as? [String: Any] ?? [:]
        let lesson = lessons[id] as? [String: Any] ?? [:]
        return Progress(lessons: Set(lessons.keys),
                        exercises: lesson["exercises"] as? [String: [String: Any]] ?? [:],
                        quizzes: lesson["quizzes"] as? [String: [String: Any]] ?? [:],
                        position: (object["position"] as? [String: Any])?["lesson"] as? String)
    }

    /// The text without any whitespace, so that a Japanese sentence matches
    /// however the tutor wrapped and indented it (a Japanese line break
    /// leaves no space, an English one does).
    static func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) })
    }

    /// Columns a line takes in a terminal: two for CJK and full-width forms.
    static func width(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) { total, s in
            let v = s.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v)
            return total + (wide ? 2 : 1)
        }
    }
}
