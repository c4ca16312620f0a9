import TextKit

/// The info string of a directive block: ```` ```exercise id=free-all sim=frames ````.
struct DirectiveInfo {
    enum Name: String, CaseIterable {
        case exercise, check, hint, solution, quiz, sim, go

        /// Attributes each directive takes; `id` is required where listed first.
        var attributes: [String] {
            switch self {
            case .exercise: ["id", "sim", "file"]
            case .check, .hint, .solution, .quiz: ["id"]
            case .sim: ["sim"]
            case .go: ["file"]
            }
        }

        var requiresID: Bool { attributes.first == "id" }
    }

    struct Attribute {
        var key: String
        var value: String
        /// 0-based offset of the attribute in the info string.
        var offset: Int
    }

    /// A fence that is a directive: well written, or with positioned errors.
    enum Parsed {
        case valid(DirectiveInfo)
        case invalid([(offset: Int, message: String)])
    }

    var name: Name
    var attributes: [Attribute]

    func value(_ key: String) -> String? { attributes.first { $0.key == key }?.value }

    /// Reads an info string. Returns nil for an ordinary code block (`text`,
    /// `c`, …); throws positioned errors for a directive written wrongly,
    /// including a misspelt directive name that carries attributes.
    static func parse(_ info: String) -> Parsed? {
        let words = split(info)
        guard let first = words.first else { return nil }
        let hasAttributes = words.dropFirst().contains { $0.text.contains("=") }
        guard let name = Name(rawValue: first.text) else {
            let names = Name.allCases.map(\.rawValue)
            if hasAttributes || first.text.contains("=") {
                return .invalid([(first.offset, L("unknown directive `{0}`", Sanitizer.line(first.text))
                    + Suggestion.hint(for: first.text, among: names))])
            }
            return nil
        }
        var errors: [(Int, String)] = []
        var attributes: [Attribute] = []
        for word in words.dropFirst() {
            guard let eq = word.text.firstIndex(of: "=") else {
                // `go` followed by other words is an ordinary code block label.
                if name == .go && attributes.isEmpty && !hasAttributes { return nil }
                errors.append((word.offset, L("`{0}` is not an attribute: write key=value", Sanitizer.line(word.text))))
                continue
            }
            let key = String(word.text[..<eq])
            var value = String(word.text[word.text.index(after: eq)...])
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            guard name.attributes.contains(key) else {
                errors.append((word.offset, L("`{0}` does not take `{1}`", name.rawValue, Sanitizer.line(key))
                    + Suggestion.hint(for: key, among: name.attributes)))
                continue
            }
            if attributes.contains(where: { $0.key == key }) {
                errors.append((word.offset, L("`{0}` is given twice", key)))
                continue
            }
            if value.isEmpty {
                errors.append((word.offset, L("`{0}=` needs a value", key)))
                continue
            }
            if key == "id", !isValidID(value) {
                errors.append((word.offset, L("`{0}` is not a valid id: use lowercase letters, digits and `-`", Sanitizer.line(value))))
                continue
            }
            attributes.append(Attribute(key: key, value: value, offset: word.offset))
        }
        if name.requiresID && !attributes.contains(where: { $0.key == "id" }) && errors.isEmpty {
            errors.append((0, L("`{0}` needs an id: ```{0} id=NAME", name.rawValue)))
        }
        if !errors.isEmpty { return .invalid(errors.map { (offset: $0.0, message: $0.1) }) }
        return .valid(DirectiveInfo(name: name, attributes: attributes))
    }

    /// Ids are stable slugs: progress is keyed by them.
    /// A lowercase ASCII letter, then lowercase letters, digits, `-` and
    /// `_`, at most 64 (checked on the bytes: every lesson's ids pass here).
    static func isValidID(_ id: String) -> Bool {
        let bytes = id.utf8
        guard let first = bytes.first, bytes.count <= 64, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else {
            return false
        }
        return bytes.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
        }
    }

    private static func split(_ info: String) -> [(text: String, offset: Int)] {
        var out: [(String, Int)] = []
        var current = ""
        var start = 0
        var quoted = false
        for (i, c) in info.enumerated() {
            if c == "\"" { quoted.toggle() }
            if (c == " " || c == "\t") && !quoted {
                if !current.isEmpty { out.append((current, start)) }
                current = ""
            } else {
                if current.isEmpty { start = i }
                current.append(c)
            }
        }
        if !current.isEmpty { out.append((current, start)) }
        return out.map { (text: $0.0, offset: $0.1) }
    }
}
