/// One line of `go build -gcflags='-m -l'` output, with what is needed to
/// explain it.
public struct EscapeDiagnostic: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `moved to heap: x` — a variable whose address outlives its frame.
        case movedToHeap
        /// `EXPR escapes to heap` — an allocation that must be on the heap.
        case escapes
        /// `EXPR does not escape` — an allocation that can stay on the stack.
        case doesNotEscape
        /// `p does not escape` — nothing reachable from parameter p outlives the call.
        case paramDoesNotEscape
        /// `leaking param: p` — the callee may keep p itself.
        case leakingParam
        /// `leaking param content: p` — the callee may keep what p points to.
        case leakingParamContent
        /// `leaking param: p to result r level=N` — p (dereferenced N times) may be returned.
        case leakingToResult(result: String, level: Int)
        /// `devirtualizing i.M to T`
        case devirtualized(String)
        /// `f ignoring self-assignment in x.a = x.b` — a store that adds nothing new.
        case ignoredSelfAssignment(statement: String)
    }

    public var pos: Pos
    public var kind: Kind
    /// The variable, parameter or expression the line is about, as printed.
    public var subject: String
    /// The function (Go's name for it) the line belongs to.
    public var function: String
    /// How the value got where it did, for `explain` (nil when it stays put).
    public var why: [FlowExplanationStep]?

    /// The message as Go prints it, without the position.
    public var message: String {
        switch kind {
        case .movedToHeap: "moved to heap: " + subject
        case .escapes: subject + " escapes to heap"
        case .doesNotEscape, .paramDoesNotEscape: subject + " does not escape"
        case .leakingParam: "leaking param: " + subject
        case .leakingParamContent: "leaking param content: " + subject
        case .leakingToResult(let r, let level): "leaking param: " + subject + " to result " + r + " level=\(level)"
        case .devirtualized(let to): "devirtualizing " + subject + " to " + to
        case .ignoredSelfAssignment(let stmt): function + " ignoring self-assignment in " + stmt
        }
    }

    /// `LINE:COL: message`
    public var line: String { "\(pos): " + message }

    /// Whether this line reports a heap allocation (for `heap_sites`).
    public var isHeapAllocation: Bool {
        switch kind {
        case .movedToHeap, .escapes: true
        default: false
        }
    }
}

/// One assignment on the path by which a value reached where it escaped:
/// "`to` = `from`" with a number of dereferences (−1 for an address).
public struct FlowExplanationStep: Sendable, Hashable {
    /// How the destination is described: a variable name, `{heap}`, or `{storage for EXPR}`.
    public var to: String
    public var from: String
    public var derefs: Int
    /// The expressions responsible, innermost first: (line, column, text, reason).
    public var notes: [FlowNoteInfo]
    /// What kind of place the destination is.
    public var sink: Sink

    public enum Sink: Sendable, Hashable {
        case heap
        /// A result of the named function.
        case result(function: String, name: String)
        /// A variable of the named function.
        case variable(function: String, name: String)
        /// A variable declared outside the loop the value was made in.
        case loopOuterVariable(function: String, name: String)
        /// A variable of a function that encloses the function literal the value was made in.
        case enclosingVariable(function: String, name: String)
        /// Something allocated by an expression.
        case allocation
        /// The record a `go` statement keeps for its goroutine.
        case goroutine(line: Int)
        /// The record a `defer` statement keeps until the function returns.
        case deferred(line: Int)
        /// An intermediate value the analysis made up.
        case temporary
    }
}

public struct FlowNoteInfo: Sendable, Hashable {
    public var pos: Pos
    public var text: String
    public var why: String
}
