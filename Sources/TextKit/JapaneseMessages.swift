/// Japanese translations of the tutor's own messages, keyed by the English
/// text passed to `L`. A test checks that every `L("…")` in the sources has
/// an entry here.
enum JapaneseMessages {
    static let table: [String: String] = [
        "(did you mean `{0}`?)": "（もしかして `{0}` ですか？）",
    ]
}
