import Grader
import TextKit

/// Chapter 8's references the collector knows about: weak pointers
/// (weak.Make, Go 1.24), canonical handles (unique.Make, Go 1.23),
/// cleanups (runtime.AddCleanup, Go 1.24) and finalizers
/// (runtime.SetFinalizer), on the `gc` simulator's heap and its
/// stop-the-world mark & sweep.
///
/// One cycle, in the runtime's order: roots are shaded, and so is
/// everything an object with a finalizer points to (never the object
/// itself, or it could never be collected); marking drains; weak pointers
/// to unmarked objects are cleared; an unmarked object with a finalizer is
/// resurrected for one cycle, its finalizer queued and run; the sweep frees
/// the rest and runs their cleanups.
public struct WeakSimulator: Simulator {
    public typealias ID = HeapGraph.ID

    static let maxCleanupsPerObject = 64
    static let maxTextLength = 200
    static let maxReferences = 4096

    struct WeakPointer: Sendable, Equatable {
        var name: String
        var target: ID
        /// Cleared by a cycle that found the target unmarked, even if a
        /// finalizer then resurrected it.
        var cleared = false

        func value(in heap: HeapGraph) -> ID? { !cleared && heap.isLive(target) ? target : nil }
    }

    struct Handle: Sendable, Equatable {
        var name: String
        /// Index into `canonical`: equal text, equal index.
        var value: Int
    }

    var heap = HeapGraph()
    var cycles = 0
    var freed: [ID] = []
    var weakPointers: [WeakPointer] = []
    var handles: [Handle] = []
    /// The canonical copies unique.Make keeps, in the order first made.
    var canonical: [String] = []
    /// Objects with a finalizer, in the order SetFinalizer was called.
    var finalizers: [ID] = []
    /// One entry per AddCleanup call, in call order.
    var cleanups: [ID] = []
    var cleanupsRan = 0
    var finalizersRan = 0
    /// Objects resurrected by their finalizer in the last cycle.
    var resurrected: [ID] = []

    public init() {}

    public static var info: SimulatorInfo { SimulatorInfo(
        name: "weak",
        title: L("Weak pointers, unique, cleanups and finalizers"),
        summary: L("The gc simulator's heap and stop-the-world collector, plus the references it treats specially: weak pointers, unique handles, cleanups and finalizers."),
        verbs: [
            HeapCommands.newVerb,
            HeapCommands.ptrVerb,
            HeapCommands.rootVerb,
            HeapCommands.unrootVerb,
            Verb("gc", usage: "gc",
                 summary: L("one stop-the-world cycle: mark from the roots and from what finalizer objects point to, clear weak pointers to unmarked objects, resurrect unmarked objects that have a finalizer (once), free the rest and run their cleanups")),
            Verb("weak", usage: "weak W = X",
                 summary: L("weak.Make: W points at X without keeping it alive; W's value becomes nil once X is reclaimed"),
                 arguments: [.free, .free, .name]),
            Verb("unique", usage: "unique H = \"text\"",
                 summary: L("unique.Make: H is the handle of the canonical copy of the text; equal text gives the same handle")),
            Verb("cleanup", usage: "cleanup X",
                 summary: L("runtime.AddCleanup: run a cleanup once X is freed; several per object, X is not resurrected"),
                 arguments: [.name]),
            Verb("finalizer", usage: "finalizer X",
                 summary: L("runtime.SetFinalizer: when X is found unreachable, resurrect it for one cycle and run the finalizer; one per object"),
                 arguments: [.name]),
            HeapCommands.heapVerb,
            HeapCommands.graphVerb,
            Verb("refs", usage: "refs", summary: L("list the weak pointers and unique handles"), changesState: false),
        ],
        state: [
            StateField("gc.cycles", "int", L("cycles completed")),
            StateField("heap.objects", "int", L("live objects")),
            StateField("heap.bytes", "int", L("bytes of live objects")),
            StateField("roots", "list of string", L("roots in the order they were added")),
            StateField("freed", "list of string", L("objects freed by the last cycle")),
            StateField("resurrected", "list of string", L("objects the last cycle kept alive only to run their finalizer")),
            StateField("handles", "int", L("distinct unique handles (distinct texts)")),
            StateField("unique.*", "string", L("a handle's identity (`#1`, `#2`…): equal for equal text")),
            StateField("weak.*", "string", L("a weak pointer's identity, the object it was made from (`X#3`): equal for weak pointers made from the same object, even after it is reclaimed")),
            StateField("cleanups.ran", "int", L("cleanups run so far")),
            StateField("cleanups.pending", "int", L("cleanups still waiting for their object to be freed")),
            StateField("finalizers.ran", "int", L("finalizers run so far")),
            StateField("finalizers.pending", "list of string", L("objects whose finalizer has not run yet")),
        ],
        functions: [
            StateFunction("value", signature: "value(W) -> string or nil", arity: 1,
                          summary: L("what weak pointer W's Value() returns: the object's name, or nil once it has been reclaimed")),
            StateFunction("alive", signature: "alive(X) -> bool", arity: 1,
                          summary: L("whether object X has not been freed")),
            StateFunction("color", signature: "color(NAME) -> string", arity: 1,
                          summary: L("\"white\", \"grey\", \"black\" or \"freed\"")),
        ],
        example: ExampleExercise(
            task: "W is a weak pointer to X, which a root keeps alive. Make `W.Value()` return nil.",
            setup: ["new X", "root X", "weak W = X"],
            check: [#"value("W") == nil => "W.Value() still finds its object: it must become unreachable and be collected.""#],
            solution: ["unroot X", "gc"],
            hints: ["A weak pointer does not keep its object alive, but the root does.",
                    "`unroot X`, then `gc`."])
    ) }

    /// The object graph, with the weak pointers as dashed arrows, for `export dot|svg`.
    public func diagram() -> Diagram {
        var picture = HeapDiagram.diagram(heap, title: Self.info.name + " — " + Self.info.title, annotate: annotation)
        guard !weakPointers.isEmpty else { return picture }
        var rows: [[Diagram.Cell]] = []
        for (i, w) in weakPointers.enumerated() {
            let target = w.value(in: heap)
            rows.append([Diagram.Cell(w.name + (target == nil ? " = nil" : ""), port: "w\(i)")])
            if let target, picture.nodes.contains(where: { $0.id == HeapDiagram.nodeID(target) }) {
                picture.edges.append(Diagram.Edge(from: "weak", port: "w\(i)", to: HeapDiagram.nodeID(target), dashed: true))
            }
        }
        picture.nodes.append(Diagram.Node("weak", title: L("weak pointers"), rows: rows, fill: .yellow))
        return picture
    }

    public mutating func execute(_ command: Command, in context: SimulationContext) throws(SimulatorError) -> String {
        switch command.verb {
        case "new": return try newObject(command)
        case "ptr":
            let (object, field, target) = try HeapCommands.parsePointer(command, in: heap)
            try heap.setField(object, field, to: target)
            return HeapCommands.describePointer(heap, object, field, target)
        case "root", "unroot":
            let id = try HeapCommands.parseRoot(command, in: heap)
            let changed = command.verb == "root" ? heap.addRoot(id) : heap.removeRoot(id)
            guard changed else {
                throw SimulatorError(command.verb == "root" ? L("`{0}` is already a root", heap.name(of: id))
                                     : L("`{0}` is not a root", heap.name(of: id)))
            }
            return HeapCommands.describeRoots(heap)
        case "gc":
            try Arguments.expect(command, count: 0, usage: "gc")
            return try collect(context)
        case "weak": return try makeWeak(command)
        case "unique": return try makeUnique(command)
        case "cleanup": return try addCleanup(command)
        case "finalizer": return try setFinalizer(command)
        default: break
        }
        try Arguments.expect(command, count: 0, usage: command.verb)
        switch command.verb {
        case "heap": return HeapViews.table(heap, width: context.width, annotate: annotation)
        case "graph": return HeapViews.graph(heap, width: context.width, annotate: annotation)
        default: return references(width: context.width)
        }
    }

    public func render(in context: SimulationContext) -> String {
        HeapViews.table(heap, width: context.width, annotate: annotation) + "\n" + references(width: context.width)
    }

    public func knownNames() -> [String] {
        (heap.objectCount > 4096 ? [] : heap.liveIDs.map { heap.name(of: $0) })
            + weakPointers.map(\.name) + handles.map(\.name)
    }

    // MARK: - Commands

    /// Objects, weak pointers and handles share one namespace.
    func requireUnused(_ name: String, except kind: String) throws(SimulatorError) {
        if kind != "object", let id = heap.id(of: name), heap.isLive(id) {
            throw SimulatorError(L("`{0}` is already an object", name))
        }
        if kind != "weak", weakPointers.contains(where: { $0.name == name }) {
            throw SimulatorError(L("`{0}` is already a weak pointer", name))
        }
        if kind != "unique", handles.contains(where: { $0.name == name }) {
            throw SimulatorError(L("`{0}` is already a unique handle", name))
        }
    }

    mutating func newObject(_ command: Command) throws(SimulatorError) -> String {
        let (name, size) = try HeapCommands.parseNew(command)
        try requireUnused(name, except: "object")
        let id = try heap.allocate(name, size: size)
        return HeapCommands.describeNew(heap, id)
    }

    /// `NAME = VALUE` after the verb.
    func assignment(_ command: Command) throws(SimulatorError) -> (name: String, value: String) {
        let usage = Self.info.verb(command.verb)!.usage
        guard command.words.count == 3, command.arguments[1] == "=" else { throw SimulatorError(L("usage: {0}", usage)) }
        return (command.arguments[0], command.arguments[2])
    }

    mutating func makeWeak(_ command: Command) throws(SimulatorError) -> String {
        let (text, targetName) = try assignment(command)
        let name = try Arguments.name(text, what: L("weak pointer name"))
        try requireUnused(name, except: "weak")
        let target = try heap.live(HeapCommands.objectName(targetName))
        if let i = weakPointers.firstIndex(where: { $0.name == name }) {
            weakPointers[i] = WeakPointer(name: name, target: target)
        } else {
            guard weakPointers.count < Self.maxReferences else {
                throw SimulatorError(L("the simulator keeps at most {0} weak pointers", Self.maxReferences))
            }
            weakPointers.append(WeakPointer(name: name, target: target))
        }
        return L("{0} = weak.Make({1}): {0}.Value() is {1} until {1} is reclaimed", name, heap.name(of: target))
    }

    mutating func makeUnique(_ command: Command) throws(SimulatorError) -> String {
        let (text, value) = try assignment(command)
        let name = try Arguments.name(text, what: L("handle name"))
        try requireUnused(name, except: "unique")
        guard value.count <= Self.maxTextLength else {
            throw SimulatorError(L("the text is longer than {0} characters", Self.maxTextLength))
        }
        var index = canonical.firstIndex(of: value)
        let fresh = index == nil
        if fresh {
            guard canonical.count < Self.maxReferences else {
                throw SimulatorError(L("the simulator keeps at most {0} unique values", Self.maxReferences))
            }
            canonical.append(value)
            index = canonical.count - 1
        }
        if let i = handles.firstIndex(where: { $0.name == name }) {
            handles[i].value = index!
        } else {
            guard handles.count < Self.maxReferences else {
                throw SimulatorError(L("the simulator keeps at most {0} unique handles", Self.maxReferences))
            }
            handles.append(Handle(name: name, value: index!))
        }
        let shown = "\"" + Sanitizer.line(value) + "\""
        return fresh ? L("{0} = unique.Make({1}): new canonical copy, handle #{2}", name, shown, index! + 1)
            : L("{0} = unique.Make({1}): the same handle #{2} as before, compared as one pointer", name, shown, index! + 1)
    }

    mutating func addCleanup(_ command: Command) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 1, usage: "cleanup X")
        let id = try heap.live(HeapCommands.objectName(command.arguments[0]))
        let count = cleanups.count { $0 == id }
        guard count < Self.maxCleanupsPerObject else {
            throw SimulatorError(L("`{0}` already has {1} cleanups, the simulator's limit", heap.name(of: id), Self.maxCleanupsPerObject))
        }
        cleanups.append(id)
        return L("runtime.AddCleanup({0}): {1} cleanup(s) will run once {0} is freed", heap.name(of: id), count + 1)
    }

    mutating func setFinalizer(_ command: Command) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 1, usage: "finalizer X")
        let id = try heap.live(HeapCommands.objectName(command.arguments[0]))
        guard !finalizers.contains(id) else {
            throw SimulatorError(L("runtime.SetFinalizer: finalizer already set"),
                                 hint: L("An object has at most one finalizer; cleanups can be added several times."))
        }
        finalizers.append(id)
        return L("runtime.SetFinalizer({0}): when {0} is found unreachable it is kept one more cycle and the finalizer runs", heap.name(of: id))
    }

    // MARK: - The cycle

    mutating func collect(_ context: SimulationContext) throws(SimulatorError) -> String {
        heap.beginMark()
        heap.shadeRoots()
        for f in finalizers { heap.shadeChildren(of: f) }
        heap.scan(isInterrupted: context.isInterrupted)
        if heap.hasGrey { throw SimulatorError(L("interrupted: the cycle was left as it was")) }
        var out: [String] = []
        var cleared: [String] = []
        for i in weakPointers.indices where weakPointers[i].value(in: heap).map({ heap.color(of: $0) == .white }) ?? false {
            weakPointers[i].cleared = true
            cleared.append(weakPointers[i].name)
        }
        if !cleared.isEmpty { out.append(L("weak pointers cleared: {0}", HeapCommands.list(cleared))) }
        resurrected = finalizers.filter { heap.color(of: $0) == .white }
        for r in resurrected { heap.blacken(r) }
        finalizers.removeAll { resurrected.contains($0) }
        finalizersRan += resurrected.count
        let result = heap.sweep(0..<heap.slotCount).result
        heap.rebuildLayout()
        freed = result.freed
        let ran = cleanups.count { !heap.isLive($0) }
        cleanups.removeAll { !heap.isLive($0) }
        cleanupsRan += ran
        cycles += 1
        if !resurrected.isEmpty {
            out.append(L("finalizers ran for {0}: resurrected for this cycle", HeapCommands.list(resurrected, in: heap)))
        }
        if ran > 0 { out.append(L("{0} cleanup(s) ran", ran)) }
        out.append(freed.isEmpty ? L("cycle {0} done: nothing freed", cycles)
                   : L("cycle {0} done: freed {1}", cycles, HeapCommands.list(freed, in: heap)))
        return out.joined(separator: "\n")
    }

    // MARK: - State

    public func stateTree() -> Value {
        var uniqueRecord = Record()
        for h in handles { uniqueRecord[h.name] = .string("#\(h.value + 1)") }
        var weakRecord = Record()
        for w in weakPointers { weakRecord[w.name] = .string(identity(of: w)) }
        return [
            "gc": ["cycles": .int(cycles)],
            "heap": ["objects": .int(heap.objectCount), "bytes": .int(heap.byteCount)],
            "roots": .strings(HeapCommands.names(heap.roots, in: heap)),
            "freed": .strings(HeapCommands.names(freed, in: heap)),
            "resurrected": .strings(HeapCommands.names(resurrected, in: heap)),
            "handles": .int(Set(handles.map(\.value)).count),
            "unique": .record(uniqueRecord),
            "weak": .record(weakRecord),
            "cleanups": ["ran": .int(cleanupsRan), "pending": .int(cleanups.count)],
            "finalizers": ["ran": .int(finalizersRan), "pending": .strings(HeapCommands.names(finalizers, in: heap))],
        ]
    }

    /// `X#3`: the object's name and creation number, stable after reclamation.
    func identity(of w: WeakPointer) -> String {
        heap.name(of: w.target) + "#" + String(Int(w.target) + 1)
    }

    public func callFunction(_ name: String, _ arguments: [Value]) throws(ExpressionError) -> Value? {
        guard let function = Self.info.functions.first(where: { $0.name == name }) else { return nil }
        if name == "value" {
            guard arguments.count == 1, case .string(let w) = arguments[0] else {
                throw ExpressionError(L("`{0}` needs a name in quotes, like {1}(\"A\")", function.signature, name), 0..<0)
            }
            guard let pointer = weakPointers.first(where: { $0.name == w }) else {
                throw ExpressionError(L("there is no weak pointer called `{0}`", Sanitizer.line(w))
                                      + Suggestion.hint(for: w, among: weakPointers.map(\.name)), 0..<0)
            }
            return .optional(pointer.value(in: heap).map { heap.name(of: $0) })
        }
        let object = try StateFunctions.object(function, arguments, in: heap)
        if name == "alive" { return .bool(object != nil) }
        return .string(object.map { heap.color(of: $0).word } ?? HeapColor.freed.word)
    }
}
