/// The escape analysis's decisions, kept for the interpreter so that the
/// chapter on escape analysis and the chapter that runs programs can never
/// disagree: an allocation site lives on the heap when, and only when, the
/// analysis printed `escapes to heap` / `moved to heap` for it.
struct EscapeVerdicts {
    /// Allocation sites (IR nodes, by identity) whose storage escapes.
    var heapNodes: Set<ObjectIdentifier> = []
    /// Allocation sites the analysis looked at, escaping or not.
    var analysedNodes: Set<ObjectIdentifier> = []
    /// Variables moved to the heap.
    var heapVariables: Set<ObjectID> = []
    /// `go`/`defer` arguments are evaluated into temporaries at the
    /// statement; the analysis rewrites the call to read the temporary and
    /// remembers here which value each temporary was given.
    var wrappedArguments: [ObjectID: IRNode] = [:]

    mutating func record(_ locations: [Location]) {
        for loc in locations {
            switch loc.kind {
            case .variable:
                if loc.escapes, let id = loc.object { heapVariables.insert(id) }
            case .expression:
                guard let n = loc.node else { continue }
                analysedNodes.insert(ObjectIdentifier(n))
                if loc.escapes { heapNodes.insert(ObjectIdentifier(n)) }
            default:
                break
            }
        }
    }

    func escapes(_ node: IRNode) -> Bool { heapNodes.contains(ObjectIdentifier(node)) }
    func escapes(variable id: ObjectID) -> Bool { heapVariables.contains(id) }
}
