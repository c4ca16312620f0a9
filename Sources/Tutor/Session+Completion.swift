import Simulators
import Terminal

extension Session {
    /// Tab: the first word completes tutor commands and simulator verbs;
    /// later words complete lesson ids (`goto`), simulator names
    /// (`sandbox`), help topics, or what the simulator's verb expects.
    public func complete(_ beforeCursor: String) -> Completion? {
        if pendingBlock != nil { return nil }
        let endsWithSpace = beforeCursor.last == " "
        var words = beforeCursor.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let partial = endsWithSpace ? "" : (words.popLast() ?? "")
        let info = simulator.map { type(of: $0).info }
        let candidates: [String]
        if words.isEmpty {
            let verbs = info?.verbs.map(\.name) ?? []
            candidates = partial.hasPrefix(":") ? TutorCommand.all.map { ":" + $0.name } : TutorCommand.all.map(\.name) + verbs
        } else {
            let verb = words[0].hasPrefix(":") ? String(words[0].dropFirst()) : words[0]
            let simVerb = words[0].hasPrefix(":") ? nil : info?.verb(verb)
            if let simVerb {
                let position = words.count - 1
                let kind = position < simVerb.arguments.count ? simVerb.arguments[position] : (simVerb.arguments.last ?? .free)
                switch kind {
                case .name: candidates = simulator?.knownNames() ?? []
                case .oneOf(let options): candidates = options
                case .free, .path: candidates = simulator?.knownNames() ?? []
                }
            } else {
                switch verb {
                case "goto":
                    candidates = book.lessons.map(\.id) + book.lessons.flatMap { l in l.exercises.map { "\(l.id)#\($0.id)" } }
                case "sandbox": candidates = SimulatorCatalog.names
                case "help": candidates = TutorCommand.all.map(\.name) + ["state"] + (info?.verbs.map(\.name) ?? [])
                case "solution": candidates = ["--force"]
                case "export": candidates = words.count == 1 ? ["dot", "svg"] : []
                case "state", "eval": candidates = info?.state.map { $0.path.components(separatedBy: "[")[0] } ?? []
                default: candidates = []
                }
            }
        }
        // Complete only the name at the end of the word: `[ag` completes `age`.
        let isNameCharacter: (Character) -> Bool = { $0.isLetter || $0.isNumber || "_.-#:".contains($0) }
        let stem = words.isEmpty ? partial : String(partial.reversed().prefix(while: isNameCharacter).reversed())
        let matches = Array(Set(candidates.filter { $0.hasPrefix(stem) })).sorted()
        guard !matches.isEmpty else { return nil }
        if matches.count == 1 {
            let closes = stem.count < partial.count && partial.hasPrefix(String(partial.dropLast(stem.count)))
            return Completion(insert: String(matches[0].dropFirst(stem.count)) + (closes ? "" : " "), candidates: [])
        }
        let common = matches.dropFirst().reduce(matches[0]) { $0.commonPrefix(with: $1) }
        let insert = String(common.dropFirst(stem.count))
        return Completion(insert: insert, candidates: insert.isEmpty ? matches : [])
    }
}
