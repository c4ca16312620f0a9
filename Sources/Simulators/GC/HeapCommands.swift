import TextKit

/// The heap verbs the `gc` and `weak` simulators share (`new`, `ptr`,
/// `root`, `unroot`): how they are documented and how their arguments are
/// read. Each simulator then applies the parsed command with its own rules
/// (barriers, stopped world, remembered set).
enum HeapCommands {
    static let defaultSize = 16

    static var newVerb: Verb {
        Verb("new", usage: "new NAME [SIZE]",
             summary: L("allocate an object of SIZE bytes (default 16) at the first hole it fits in, else at the top of the heap"),
             arguments: [.free, .free])
    }

    static var ptrVerb: Verb {
        Verb("ptr", usage: "ptr A.FIELD = B|nil",
             summary: L("store a pointer to B (or nil) in A's field; fields keep the order they were first assigned in"),
             arguments: [.name, .free, .name])
    }

    static var rootVerb: Verb {
        Verb("root", usage: "root NAME",
             summary: L("make an object a root (a stack slot or a global); a runtime structure such as `m` is a rooted object whose fields (`ptr m.morebuf = closure`) are the references it holds"),
             arguments: [.name])
    }

    static var unrootVerb: Verb {
        Verb("unroot", usage: "unroot NAME", summary: L("stop treating an object as a root"), arguments: [.name])
    }

    static var heapVerb: Verb {
        Verb("heap", usage: "heap", summary: L("list the objects in address order with sizes, colours, fields and the free holes between them"),
             changesState: false)
    }

    static var graphVerb: Verb {
        Verb("graph", usage: "graph", summary: L("draw the object graph as trees hanging from the roots, then the garbage"),
             changesState: false)
    }

    /// `new NAME [SIZE]`
    static func parseNew(_ command: Command) throws(SimulatorError) -> (name: String, size: Int) {
        try Arguments.expect(command, count: 1...2, usage: newVerb.usage)
        let name = try objectName(command.arguments[0])
        let size = command.words.count == 2 ? try Arguments.size(command.arguments[1]) : defaultSize
        return (name, size)
    }

    /// `ptr A.FIELD = B|nil`, also without spaces around `=`.
    static func parsePointer(_ command: Command, in heap: HeapGraph) throws(SimulatorError)
        -> (object: HeapGraph.ID, field: String, target: HeapGraph.ID?) {
        let usage = ptrVerb.usage
        let parts = command.rest.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw SimulatorError(L("usage: {0}", usage)) }
        let lhs = parts[0].trimmingCharacters(in: .whitespaces)
        let rhs = parts[1].trimmingCharacters(in: .whitespaces)
        let path = lhs.split(separator: ".", omittingEmptySubsequences: false)
        guard path.count == 2, !rhs.isEmpty, !rhs.contains(" ") else {
            throw SimulatorError(L("usage: {0}", usage), hint: L("For example: `ptr A.next = B` or `ptr A.next = nil`."))
        }
        let object = try heap.live(try objectName(String(path[0])))
        let field = try Arguments.name(String(path[1]), what: L("field name"))
        if rhs == "nil" { return (object, field, nil) }
        return (object, field, try heap.live(try objectName(rhs)))
    }

    /// `root NAME` / `unroot NAME`
    static func parseRoot(_ command: Command, in heap: HeapGraph) throws(SimulatorError) -> HeapGraph.ID {
        let usage = command.verb == "root" ? rootVerb.usage : unrootVerb.usage
        try Arguments.expect(command, count: 1, usage: usage)
        let text = command.arguments[0]
        if text.contains(".") {
            throw SimulatorError(L("a root is an object, not a field: `{0}`", Sanitizer.line(text)),
                                 hint: L("Make the structure a root and point its field: `new m`, `root m`, `ptr m.morebuf = closure`."))
        }
        return try heap.live(try objectName(text))
    }

    static func objectName(_ text: String) throws(SimulatorError) -> String {
        let name = try Arguments.name(text, what: L("object name"))
        if name == "nil" { throw SimulatorError(L("`nil` is not an object name: it means no object")) }
        return name
    }

    // MARK: - Echoes

    static func describeNew(_ heap: HeapGraph, _ id: HeapGraph.ID) -> String {
        let line = L("{0}: {1} at {2}", heap.name(of: id), Arguments.formatSize(heap.sizes[Int(id)]), hex(heap.address(of: id)))
        return heap.color(of: id) == .black ? line + "  " + L("(black: allocated while a cycle runs)") : line
    }

    static func describePointer(_ heap: HeapGraph, _ object: HeapGraph.ID, _ field: String, _ target: HeapGraph.ID?) -> String {
        heap.name(of: object) + "." + field + " -> " + (target.map { heap.name(of: $0) } ?? "nil")
    }

    static func describeRoots(_ heap: HeapGraph) -> String {
        heap.roots.isEmpty ? L("no roots") : L("roots: {0}", list(heap.roots, in: heap))
    }

    /// `0x0010`: at least four hex digits.
    static func hex(_ n: Int) -> String {
        let digits = String(n, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Names of ids, for state lists.
    static func names(_ ids: some Sequence<HeapGraph.ID>, in heap: HeapGraph) -> [String] {
        ids.map { heap.name(of: $0) }
    }

    /// `A, B, C …`: names for a message, at most `limit` of them.
    static func list(_ ids: some Collection<HeapGraph.ID>, in heap: HeapGraph, limit: Int = 20) -> String {
        list(ids.prefix(limit).map { heap.name(of: $0) } + (ids.count > limit ? ["…"] : []))
    }

    static func list(_ names: [String]) -> String { names.joined(separator: ", ") }
}
