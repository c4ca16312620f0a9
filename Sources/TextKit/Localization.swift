import Foundation

/// The languages the tutor speaks.
public enum Language: String, Sendable, CaseIterable {
    case en, ja

    /// `--lang` wins; then LC_ALL, LC_MESSAGES, LANG (the POSIX order);
    /// anything starting with `ja` means Japanese.
    public static func select(flag: String?, environment: [String: String]) -> Language {
        if let flag, let lang = Language(rawValue: flag.lowercased().prefix(2).description) { return lang }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("ja") ? .ja : .en
            }
        }
        return .en
    }
}

/// Which language `L` answers in. Set once at start-up by the executable.
public enum Localization {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var language: Language = .en

    public static var current: Language {
        get { lock.withLock { language } }
        set { lock.withLock { language = newValue } }
    }

    /// The translation of an English message, or the message itself.
    public static func translate(_ english: String, to language: Language) -> String {
        switch language {
        case .en: english
        case .ja: JapaneseMessages.table[english] ?? english
        }
    }

    /// Replaces `{0}`, `{1}`… with the arguments.
    public static func format(_ template: String, _ args: [String]) -> String {
        guard !args.isEmpty, template.contains("{") else { return template }
        var out = ""
        var i = template.startIndex
        while i < template.endIndex {
            let c = template[i]
            if c == "{", let close = template[i...].firstIndex(of: "}"),
               let n = Int(template[template.index(after: i)..<close]), n >= 0, n < args.count {
                out += args[n]
                i = template.index(after: close)
            } else {
                out.append(c)
                i = template.index(after: i)
            }
        }
        return out
    }
}

/// A message in the learner's language. The English text is the key: write
/// it literally (no interpolation) and pass values as arguments, referred to
/// as `{0}`, `{1}`… so a translation may reorder them.
public func L(_ english: String, _ args: Any...) -> String {
    Localization.format(Localization.translate(english, to: Localization.current),
                        args.map { String(describing: $0) })
}
