/// The data-flow graph of the escape analysis.
///
/// Every variable, and every expression that allocates (`new`, `make`,
/// literals, closures, conversions that copy…), is a *location*. Every
/// assignment in the program becomes an *edge* from the value's location
/// to the destination's, weighted by how many times the value was
/// dereferenced on the way: `p = &q` is −1, `p = q` is 0, `p = *q` is 1.
/// Statements are modelled without caring about order or about which
/// field or element is meant: `x.f = u[0]` is simply `x = *u`.

/// Why a value flowed where it did, kept for `explain`.
final class FlowNote {
    let node: IRNode
    let why: String
    let next: FlowNote?

    init(node: IRNode, why: String, next: FlowNote?) {
        self.node = node
        self.why = why
        self.next = next
    }
}

struct FlowEdge {
    let source: Location
    let derefs: Int
    let note: FlowNote?
}

/// One step of an explanation: `to = ***from` (or `&from`).
struct FlowStep {
    let from: Location
    let to: Location
    let derefs: Int
    let note: FlowNote?
}

final class Location {
    enum Kind { case heap, blank, variable, expression, temporary }

    let kind: Kind
    /// The allocating expression, for `.expression`.
    let node: IRNode?
    /// The variable, for `.variable`.
    let object: ObjectID?
    /// The function the location belongs to (-1 for package initialisation).
    let function: Int
    var storage: Object.Storage = .local
    var name = ""
    var type: GoType = .invalid
    var edges: [FlowEdge] = []
    var loopDepth: Int
    /// 1-based index for result parameters, 0 otherwise.
    var resultIndex = 0

    // Walk state (Bellman-Ford over the graph from one root).
    var derefs = 0
    var walkgen = 0
    var dst: Location?
    var dstEdge = 0
    var queued = false

    /// The value's address outlives it: it must live on the heap.
    var escapes = false
    /// The address does not outlive the statement that made it.
    var transient: Bool
    /// For parameters: where the value leaks to.
    var paramLeaks = Leaks()
    var captured = false
    var reassigned = false
    var addrTaken = false
    /// Filled in when the location is found to escape, or a parameter to leak.
    var why: [FlowStep]?
    var leakWhy: [FlowStep]?

    init(kind: Kind, node: IRNode?, object: ObjectID?, function: Int, loopDepth: Int, transient: Bool) {
        self.kind = kind
        self.node = node
        self.object = object
        self.function = function
        self.loopDepth = loopDepth
        self.transient = transient
    }

    var isParam: Bool { kind == .variable && (storage == .param || storage == .receiver) }
    var isResult: Bool { kind == .variable && storage == .result }
}

/// A context an expression's value flows into: "store it into `dst` after
/// `derefs` dereferences". Evaluating `p` in `x = **p` uses the hole (x, 2).
struct Hole {
    var dst: Location
    var derefs: Int
    var note: FlowNote?
    /// The context takes the expression's address.
    var addrTaken = false

    func shift(_ delta: Int) -> Hole {
        var k = self
        k.derefs += delta
        k.addrTaken = delta < 0
        return k
    }

    func note(_ n: IRNode, _ why: String) -> Hole {
        var k = self
        k.note = FlowNote(node: n, why: why, next: note)
        return k
    }

    func deref(_ n: IRNode, _ why: String) -> Hole { shift(1).note(n, why) }
    func addr(_ n: IRNode, _ why: String) -> Hole { shift(-1).note(n, why) }

    /// A type assertion to a non-pointer-shaped type copies out of the interface's box.
    func dotType(_ t: GoType, _ n: IRNode, _ why: String) -> Hole {
        var k = self
        if !t.isInterface && !t.isDirectInterface { k = k.shift(1) }
        return k.note(n, why)
    }
}

/// Where a parameter's value can go: the fewest dereferences on a path to
/// the heap, and to each of the first seven results (Go's "leaks").
struct Leaks: Equatable {
    static let resultSlots = 7
    var heap: Int? = nil
    var results: [Int?] = Array(repeating: nil, count: resultSlots)

    var isEmpty: Bool { heap == nil && results.allSatisfy { $0 == nil } }

    mutating func addHeap(_ derefs: Int) {
        if heap == nil || derefs < heap! { heap = derefs }
    }

    mutating func addResult(_ i: Int, _ derefs: Int) {
        if results[i] == nil || derefs < results[i]! { results[i] = derefs }
    }

    /// Paths to results no shorter than the shortest path to the heap add nothing.
    mutating func optimize() {
        guard let h = heap else { return }
        for i in 0..<Leaks.resultSlots where results[i].map({ $0 >= h }) == true { results[i] = nil }
    }

    /// In Go's export data a count is a byte (derefs + 1, at most 255).
    mutating func clamp() {
        if let h = heap, h > 254 { heap = 254 }
        for i in 0..<Leaks.resultSlots { if let r = results[i], r > 254 { results[i] = 254 } }
    }

    var asParamLeak: ParamLeak { ParamLeak(heap: heap, results: results) }

    init() {}
    init(_ p: ParamLeak) {
        heap = p.heap
        for (i, r) in p.results.enumerated() where i < Leaks.resultSlots { results[i] = r }
    }
}
