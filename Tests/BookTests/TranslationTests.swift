import Foundation
import Testing
import TextKit
@testable import Book

let englishLesson = """
---
id: one
title: One
sim: asm
---
Text.

```exercise id=ex
mov r0, 1
```

```check id=ex
reg.r0 == 2 => "r0 is {reg.r0}"
```

```hint id=ex
Use mov.
```

```solution id=ex
mov r0, 2
```

```quiz id=q
? Which?
( ) a
(x) b
```
"""

@Suite struct TranslationTests {
    func book(ja: String, extraEnglish: Bool = false) throws -> TempBook {
        var files = [
            "SUMMARY.md": "- [One](one.md)\n" + (extraEnglish ? "- [Two](two.md)\n" : ""),
            "one.md": englishLesson,
            "ja/SUMMARY.md": "---\ntitle: 日本語版\n---\n- [一](one.md)\n",
            "ja/one.md": ja,
        ]
        if extraEnglish { files["two.md"] = "---\nid: two\ntitle: Two\n---\nMore.\n" }
        return try TempBook(files)
    }

    var faithful: String {
        englishLesson.replacingOccurrences(of: "title: One", with: "title: 一")
            .replacingOccurrences(of: "Text.", with: "本文。")
            .replacingOccurrences(of: "r0 is {reg.r0}", with: "r0 は {reg.r0} です")
            .replacingOccurrences(of: "Use mov.", with: "mov を使います。")
            .replacingOccurrences(of: "Which?", with: "どれ？")
    }

    @Test func aFaithfulTranslationComparesClean() throws {
        let b = try book(ja: faithful)
        let (original, _) = BookLoader.load(b.folder)
        let (translated, d) = BookLoader.load(b.folder.appendingPathComponent("ja"), original: b.folder)
        #expect(d.isEmpty, "\(d)")
        #expect(Translation.compare(translated!, with: original!, shownAs: "ja/").isEmpty)
    }

    @Test func changesBeyondWordsAreReported() throws {
        let broken = faithful
            .replacingOccurrences(of: "mov r0, 2\n```", with: "mov r0, 3\n```")
            .replacingOccurrences(of: "reg.r0 == 2", with: "reg.r0 == 3")
            .replacingOccurrences(of: "( ) a\n(x) b", with: "(x) a\n( ) b")
        let b = try book(ja: broken)
        let (original, _) = BookLoader.load(b.folder)
        let (translated, _) = BookLoader.load(b.folder.appendingPathComponent("ja"), original: b.folder)
        let messages = Translation.compare(translated!, with: original!, shownAs: "ja/").map(\.description)
        #expect(messages.contains { $0.hasPrefix("ja/one.md:") && $0.contains("the checks of `ex`") }, "\(messages)")
        #expect(messages.contains { $0.contains("the solution of `ex`") }, "\(messages)")
        #expect(messages.contains { $0.contains("quiz `q` must keep") }, "\(messages)")
    }

    @Test func missingLessonsFallBackToTheOriginal() throws {
        let b = try book(ja: faithful, extraEnglish: true)
        let (book, _) = Translation.load(b.folder, language: .ja)
        #expect(book?.title == "日本語版")
        #expect(book?.lessons.map(\.title) == ["一", "Two"])
        #expect(book?.lessons.map(\.isFallback) == [false, true])
        #expect(book?.contentFolders.first == b.folder.appendingPathComponent("Content"))
        let (english, _) = Translation.load(b.folder, language: .en)
        #expect(english?.lessons.map(\.title) == ["One", "Two"])
    }
}
