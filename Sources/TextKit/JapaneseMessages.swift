/// Japanese translations of the tutor's own messages, keyed by the English
/// text passed to `L`. `MessageCatalogueTests` checks that every `L("…")`
/// in the sources has exactly one entry here, that no entry is stale, and
/// that both sides have the same `{0}` holes and backquoted code.
///
/// The entries are split by the part of the program that says them (one
/// file per part, `JapaneseMessages+Part.swift`) so a change to one
/// simulator touches one file; a key used in several parts lives in the
/// first part that needs it.
enum JapaneseMessages {
    static let table: [String: String] = Dictionary(entries.map { ($0.key, $0.value) },
                                                    uniquingKeysWith: { first, _ in first })

    /// Every part, in one list (duplicates are reported by a test rather
    /// than trapping as a dictionary literal would).
    static var entries: [(key: String, value: String)] {
        [common].flatMap { $0 }
    }

    /// Keys whose Japanese entry is deliberately the English text: output
    /// that imitates Go's own tools, which a learner compares with what Go
    /// prints, and text made only of code.
    static let keptInEnglish: Set<String> = []

    /// Words shared by every part.
    static let common: KeyValuePairs<String, String> = [
        "(did you mean `{0}`?)": "（もしかして `{0}` ですか？）",
    ]
}
