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
        Self.report(problems, """
            \(problems.count) call(s) of `L` have a key the catalogue cannot match; \
            write the English text as one single-line literal with `{0}` holes:
            """)
    }

    @Test func everyKeyHasAJapaneseEntry() {
        let missing = Self.keys.values.filter { JapaneseMessages.table[$0.text] == nil }
        Self.report(missing.isEmpty ? [] : [Self.pasteable(missing)], """
            \(missing.count) key(s) have no Japanese entry. Translate them into the part of \
            `JapaneseMessages` named below (Sources/TextKit/JapaneseMessages+PART.swift):
            """)
    }

    @Test func noEntryIsStale() {
        let used = Set(Self.keys.keys)
        let stale = JapaneseMessages.table.keys.filter { !used.contains($0) }.sorted()
        Self.report(stale.map(Self.literal), """
            \(stale.count) Japanese entr(ies) translate a key no source uses any more; \
            remove them or update them to the new English text:
            """)
    }

    @Test func noKeyIsTranslatedTwice() {
        var seen: Set<String> = []
        let twice = JapaneseMessages.entries.map(\.key).filter { !seen.insert($0).inserted }
        Self.report(twice.map(Self.literal), "translated more than once:")
    }

    @Test func placeholdersMatch() {
        var wrong: [String] = []
        for (english, japanese) in JapaneseMessages.table {
            let expected = Self.placeholders(english), found = Self.placeholders(japanese)
            if expected != found {
                wrong.append("\(Self.literal(english)): has \(found.sorted()), needs \(expected.sorted())")
            }
        }
        Self.report(wrong.sorted(), "placeholders differ from the key's:")
    }

    /// An entry left in English by mistake (pasted and forgotten) fails;
    /// the few that must stay English are listed, with their reason, in
    /// `JapaneseMessages.keptInEnglish`.
    @Test func entriesAreTranslated() {
        let untranslated = JapaneseMessages.table.filter { english, japanese in
            japanese.isEmpty || (japanese == english && !JapaneseMessages.keptInEnglish.contains(english))
        }.keys.sorted()
        Self.report(untranslated.map(Self.literal), "not translated (add to `keptInEnglish`, with its reason, only if it must stay English):")
        let needless = JapaneseMessages.keptInEnglish.filter { JapaneseMessages.table[$0] != $0 }
        Self.report(needless.sorted().map(Self.literal), "listed in `keptInEnglish` but translated or absent:")
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
        Self.report(wrong.sorted(), "code spans missing from the translation:")
    }

    // MARK: - Helpers

    /// One issue listing every item, one a line, so the whole list can be
    /// read (and pasted) from the test output.
    static func report(_ items: [String], _ heading: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard !items.isEmpty else { return }
        Issue.record(Comment(rawValue: heading + "\n" + items.joined(separator: "\n")), sourceLocation: sourceLocation)
    }

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

    /// The part of the catalogue a source file's messages belong to: one per
    /// simulator folder, one per module, the session and command line together.
    static func part(of file: String) -> String {
        let parts = file.split(separator: "/").map(String.init)
        guard parts.count >= 3 else { return "JapaneseMessages.swift" }
        if parts[1] == "Simulators" && parts.count > 3 { return "JapaneseMessages+\(parts[2]).swift" }
        switch parts[1] {
        case "Terminal", "memlane", "Tutor": return "JapaneseMessages+Tutor.swift"
        case "TextKit": return "JapaneseMessages.swift"
        default: return "JapaneseMessages+\(parts[1]).swift"
        }
    }

    /// The missing keys grouped by catalogue part and by the file that first
    /// uses them, as dictionary entries whose translation is left to write.
    static func pasteable(_ keys: [MessageKeyExtractor.Key]) -> String {
        Dictionary(grouping: keys) { part(of: $0.file) }.sorted { $0.key < $1.key }.map { part, keys in
            "// ── \(part)\n" + Dictionary(grouping: keys, by: \.file).sorted { $0.key < $1.key }.map { file, keys in
                "// MARK: \(file)\n" + keys.sorted { $0.line < $1.line }
                    .map { "\(literal($0.text)): \"\"," }.joined(separator: "\n")
            }.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
