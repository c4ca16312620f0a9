import Foundation
import Testing
@testable import TextKit

/// The Japanese catalogue against the sources: every `L("…")` key has a
/// translation, every translation is still used, and both sides carry the
/// same `{0}` `{1}`… holes.
@Suite struct MessageCatalogueTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let sources: MessageKeyExtractor = {
        do {
            return try MessageKeyExtractor.scan(folder: repository.appendingPathComponent("Sources"), relativeTo: repository)
        } catch {
            Issue.record("cannot read the sources: \(error)")
            return MessageKeyExtractor()
        }
    }()

    /// Each key once, with the first place it is used.
    static var keys: [String: MessageKeyExtractor.Key] {
        var first: [String: MessageKeyExtractor.Key] = [:]
        for key in sources.keys where first[key.text] == nil { first[key.text] = key }
        return first
    }

    @Test func theSourcesAreFound() {
        // A wrong path would make every other test pass vacuously.
        #expect(Self.keys.count > 500)
        #expect(Self.keys["(did you mean `{0}`?)"] != nil)
    }

    @Test func keysAreWrittenLiterally() {
        let problems = Self.sources.problems.map(\.description)
        if !problems.isEmpty { Issue.record("""
            \(problems.count) call(s) of `L` have a key the catalogue cannot match; \
            write the English text as one single-line literal with `{0}` holes:
            \(problems.joined(separator: "\n"))
            """) }
    }

    @Test func everyKeyHasAJapaneseEntry() {
        let missing = Self.keys.values.filter { JapaneseMessages.table[$0.text] == nil }
        if !missing.isEmpty { Issue.record("""
            \(missing.count) key(s) have no Japanese entry. Translate them into a \
            part of `JapaneseMessages` (Sources/TextKit/JapaneseMessages*.swift):
            \(Self.pasteable(missing))
            """) }
    }

    @Test func noEntryIsStale() {
        let used = Set(Self.keys.keys)
        let stale = JapaneseMessages.table.keys.filter { !used.contains($0) }.sorted()
        #expect(stale.isEmpty, """
            \(stale.count) Japanese entr(ies) translate a key no source uses any more; \
            remove them or update them to the new English text:
            \(stale.map(Self.literal).joined(separator: "\n"))
            """)
    }

    @Test func noKeyIsTranslatedTwice() {
        var seen: Set<String> = []
        let twice = JapaneseMessages.entries.map(\.key).filter { !seen.insert($0).inserted }
        #expect(twice.isEmpty, "translated more than once:\n\(twice.map(Self.literal).joined(separator: "\n"))")
    }

    @Test func placeholdersMatch() {
        var wrong: [String] = []
        for (english, japanese) in JapaneseMessages.table {
            let expected = Self.placeholders(english), found = Self.placeholders(japanese)
            if expected != found {
                wrong.append("\(Self.literal(english)): has \(found.sorted()), needs \(expected.sorted())")
            }
        }
        #expect(wrong.isEmpty, "placeholders differ from the key's:\n\(wrong.sorted().joined(separator: "\n"))")
    }

    /// An entry left in English by mistake (pasted and forgotten) fails;
    /// the few that must stay English are listed, with their reason, in
    /// `JapaneseMessages.keptInEnglish`.
    @Test func entriesAreTranslated() {
        let untranslated = JapaneseMessages.table.filter { english, japanese in
            japanese.isEmpty || (japanese == english && !JapaneseMessages.keptInEnglish.contains(english))
        }.keys.sorted()
        #expect(untranslated.isEmpty, "not translated:\n\(untranslated.map(Self.literal).joined(separator: "\n"))")
        let needless = JapaneseMessages.keptInEnglish.filter { JapaneseMessages.table[$0] != $0 }
        #expect(needless.isEmpty, "listed as kept in English but translated or absent: \(needless.sorted())")
    }

    /// Backquoted code (commands, verbs, state paths) is typed by the
    /// learner in either language, so a translation keeps every code span
    /// of its key.
    @Test func codeSpansAreKept() {
        var wrong: [String] = []
        for (english, japanese) in JapaneseMessages.table {
            let lost = Self.codeSpans(english).subtracting(Self.codeSpans(japanese))
            if !lost.isEmpty { wrong.append("\(Self.literal(english)): lost \(lost.sorted())") }
        }
        #expect(wrong.isEmpty, "code spans missing from the translation:\n\(wrong.sorted().joined(separator: "\n"))")
    }

    // MARK: - Helpers

    static func placeholders(_ text: String) -> Set<String> {
        var found: Set<String> = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let n = Int(after[..<close]), n >= 0 {
                found.insert("{\(n)}")
                rest = after[after.index(after: close)...]
            } else {
                rest = after
            }
        }
        return found
    }

    static func codeSpans(_ text: String) -> Set<String> {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return [] }
        return Set(stride(from: 1, to: parts.count - 1, by: 2).map { String(parts[$0]) })
    }

    /// A key as Swift source, ready to paste.
    static func literal(_ text: String) -> String {
        text.contains("\"") || text.contains("\\") ? "#\"\(text)\"#" : "\"\(text)\""
    }

    /// The missing keys grouped by the file that first uses them, as
    /// dictionary entries whose translation is left to write.
    static func pasteable(_ keys: [MessageKeyExtractor.Key]) -> String {
        Dictionary(grouping: keys, by: \.file).sorted { $0.key < $1.key }.map { file, keys in
            "// \(file)\n" + keys.sorted { $0.line < $1.line }
                .map { "\(literal($0.text)): \"\"," }.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

/// The extractor itself, on small sources whose answer is known.
@Suite struct MessageKeyExtractorTests {
    func scan(_ source: String) -> MessageKeyExtractor {
        var extractor = MessageKeyExtractor()
        extractor.scan(source, file: "x.swift")
        return extractor
    }

    @Test func findsKeysAndSkipsCommentsAndOtherStrings() {
        let found = scan(#"""
            // L("in a comment")
            /* L("in /* a nested */ block") */
            let a = L("one {0}", x), b = foo.L("method"), c = NL("other")
            let d = "L(\"in a string\") \(L("inside interpolation"))"
            let e = L(#"raw "quoted" key"#)
            let f = """
                L("in a multi-line string")
                """
            let g = L(
                "next line")
            """#)
        #expect(found.keys.map(\.text) == ["one {0}", "inside interpolation", #"raw "quoted" key"#, "next line"])
        #expect(found.keys.map(\.line) == [3, 4, 5, 9])
        #expect(found.problems.isEmpty)
    }

    @Test func reportsKeysTheCatalogueCannotMatch() {
        let found = scan(#"""
            let a = L("count \(n)")
            let b = L("say \"hi\"")
            let c = L("one " + "two")
            let d = L(name)
            let e = L("""
                multi
                """)
            func L(_ english: String) -> String { english }
            let f = L("fine")
            """#)
        #expect(found.keys.map(\.text) == ["fine"])
        #expect(found.problems.map(\.line) == [1, 2, 3, 4, 5])
        #expect(found.problems[0].message.contains("interpolates"))
        #expect(found.problems[1].message.contains("escape"))
        #expect(found.problems[2].message.contains("`+`"))
        #expect(found.problems[3].message.contains("not a string literal"))
        #expect(found.problems[4].message.contains("multi-line"))
    }
}
