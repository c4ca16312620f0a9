/// What kind of word a verb's argument is, so Tab can complete it.
public enum ArgumentKind: Sendable, Equatable {
    /// Anything; no completion.
    case free
    /// A name the simulator already knows (`knownNames()`).
    case name
    /// One of a fixed set of words.
    case oneOf([String])
    /// A file path.
    case path
}

/// A command a simulator understands.
public struct Verb: Sendable {
    public var name: String
    /// `malloc P SIZE` — how the verb is typed.
    public var usage: String
    /// One line for `help`.
    public var summary: String
    /// Argument kinds by position, for completion.
    public var arguments: [ArgumentKind]
    /// False for views (`mem`, `heap`): they are not recorded for `undo`.
    public var changesState: Bool
    /// True when the verb reads the following lines, up to a line holding
    /// only `.`, as its body (e.g. `code`).
    public var takesBlock: Bool

    public init(_ name: String, usage: String, summary: String, arguments: [ArgumentKind] = [],
                changesState: Bool = true, takesBlock: Bool = false) {
        self.name = name
        self.usage = usage
        self.summary = summary
        self.arguments = arguments
        self.changesState = changesState
        self.takesBlock = takesBlock
    }
}

/// A documented state path. Patterns use `*` for a name the learner picks
/// and `[]` for an index: `vars.*`, `mem[]`, `bench.*.allocs_per_op`.
public struct StateField: Sendable {
    public var path: String
    /// `int`, `string`, `bool`, `list of string`, `record`, …
    public var type: String
    public var summary: String

    public init(_ path: String, _ type: String, _ summary: String) {
        self.path = path
        self.type = type
        self.summary = summary
    }

    /// The pattern split into segments: `mem[]` is `["mem", "[]"]`.
    public var segments: [String] {
        var out: [String] = []
        for part in path.split(separator: ".") {
            var p = String(part)
            var trailing = 0
            while p.hasSuffix("[]") { p.removeLast(2); trailing += 1 }
            out.append(p)
            out += Array(repeating: "[]", count: trailing)
        }
        return out
    }
}

/// A documented function of the state, such as `color(NAME)`.
public struct StateFunction: Sendable {
    public var name: String
    /// `color(NAME) -> string`
    public var signature: String
    public var arity: Int
    public var summary: String

    public init(_ name: String, signature: String, arity: Int, summary: String) {
        self.name = name
        self.signature = signature
        self.arity = arity
        self.summary = summary
    }
}

/// Everything a simulator tells the tutor, `help`, lint and the generated
/// authoring reference about itself.
public struct SimulatorInfo: Sendable {
    public var name: String
    public var title: String
    public var summary: String
    public var verbs: [Verb]
    public var state: [StateField]
    public var functions: [StateFunction]
    /// A starter exercise for `memlane new lesson --sim NAME`. Every
    /// simulator in the catalogue should give one; a test insists.
    public var example: ExampleExercise?

    public init(name: String, title: String, summary: String, verbs: [Verb],
                state: [StateField], functions: [StateFunction] = [], example: ExampleExercise? = nil) {
        self.name = name
        self.title = title
        self.summary = summary
        self.verbs = verbs
        self.state = state
        self.functions = functions
        self.example = example
    }

    public func verb(_ name: String) -> Verb? { verbs.first { $0.name == name } }

    /// Whether a path read by an assertion is documented: it matches a
    /// pattern, or is a prefix of one (a whole record), or indexes into one.
    public func documents(path segments: [String]) -> Bool {
        for field in state {
            let pattern = field.segments
            var ok = true
            for (i, seg) in segments.enumerated() {
                if i >= pattern.count {
                    // Beyond the documented path only indexes may follow (items of a list).
                    if seg != "[]" { ok = false }
                    continue
                }
                let p = pattern[i]
                if p == "*" { continue }
                if p == "[]" { if seg != "[]" { ok = false }; continue }
                if p != seg { ok = false }
            }
            if ok { return true }
        }
        return false
    }
}
