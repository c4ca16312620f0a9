import TextKit

/// Explanations in plain words: each `-m` line told as the path its value
/// took, e.g. "z is moved to the heap: &z (line 12) flows to the result of
/// square, which outlives its frame".
extension EscapeReport {
    /// The lines about a variable, parameter or expression; failing an
    /// exact match, the allocation lines whose expression mentions the name.
    public func diagnostics(about name: String) -> [EscapeDiagnostic] {
        let exact = diagnostics.filter { $0.subject == name && !isNote($0) }
        if !exact.isEmpty { return exact }
        return diagnostics.filter { d in
            guard d.kind == .escapes || d.kind == .doesNotEscape else { return false }
            return EscapeReport.mentions(d.subject, name)
        }
    }

    /// The lines reported on a source line.
    public func diagnostics(onLine line: Int) -> [EscapeDiagnostic] {
        diagnostics.filter { $0.pos.line == line && !isNote($0) }.sorted { $0.pos < $1.pos }
    }

    private func isNote(_ d: EscapeDiagnostic) -> Bool {
        switch d.kind {
        case .devirtualized, .ignoredSelfAssignment: true
        default: false
        }
    }

    /// Whether `text` contains `name` as a whole identifier.
    static func mentions(_ text: String, _ name: String) -> Bool {
        var rest = Substring(text)
        while let r = rest.range(of: name) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            let isWord = { (c: Character?) in c.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false }
            if !isWord(before) && !isWord(after) { return true }
            rest = text[r.upperBound...]
        }
        return false
    }

    /// A variable the program declares (for "stays on the stack" answers).
    public func declaresVariable(_ name: String) -> Bool {
        program.info.objects.contains { $0.kind == .variable && $0.name == name && $0.pos.isKnown }
    }

    /// The explanation of one line, as a sentence.
    public func explanation(_ d: EscapeDiagnostic) -> String {
        switch d.kind {
        case .doesNotEscape:
            return L("{0} does not escape: nothing that outlives {1} keeps its address, so it can live in the stack frame", d.subject, d.function)
        case .paramDoesNotEscape:
            return L("{0} does not escape: {1} keeps neither {0} nor anything it points to, so callers may pass pointers to their stack", d.subject, d.function)
        case .devirtualized(let t):
            return L("{0} is called directly: the interface holds a {1} that the compiler can see, so the call needs no dynamic dispatch", d.subject, t)
        case .ignoredSelfAssignment(let stmt):
            return L("{0} stores nothing new: the value already belongs to the same object, so the compiler ignores it", stmt)
        default:
            break
        }
        let verdict: String
        switch d.kind {
        case .movedToHeap: verdict = L("{0} is moved to the heap", d.subject)
        case .escapes: verdict = L("{0} escapes to the heap", d.subject)
        case .leakingParam: verdict = L("parameter {0} leaks ({1} may keep it)", d.subject, d.function)
        case .leakingParamContent: verdict = L("what parameter {0} points to leaks ({1} may keep it)", d.subject, d.function)
        case .leakingToResult(let r, let level):
            verdict = level == 0
                ? L("parameter {0} leaks to result {1} of {2}", d.subject, r, d.function)
                : L("what parameter {0} points to ({1} dereference(s) away) leaks to result {2} of {3}", d.subject, level, r, d.function)
        default: verdict = d.message
        }
        guard let steps = d.why, !steps.isEmpty else { return verdict }
        return verdict + ": " + EscapeReport.path(steps)
    }

    /// "&x (line 13) flows to p, which flows to the result of f, which outlives its frame"
    static func path(_ steps: [FlowExplanationStep]) -> String {
        var parts: [String] = []
        for (i, s) in steps.enumerated() {
            let last = i == steps.count - 1
            // Made-up temporaries are passed over unless they are all there is.
            if !last {
                if case .temporary = s.sink { continue }
                if s.to.hasPrefix(".autotmp") { continue }
            }
            let next = last ? nil : steps[i + 1]
            // After "the goroutine started on line N", "which flows to the heap" says nothing new.
            if i > 0, case .heap = s.sink {
                switch steps[i - 1].sink {
                case .goroutine, .deferred: continue
                default: break
                }
            }
            if parts.isEmpty {
                let origin = steps[...i].lazy.flatMap(\.notes).first { !$0.text.isEmpty && $0.why != "call parameter" }
                let what = origin.map { L("{0} (line {1})", $0.text, $0.pos.line) } ?? s.from
                parts.append(L("{0} flows to {1}", what, place(s, next: next)))
            } else {
                parts.append(L("which flows to {0}", place(s, next: next)))
            }
        }
        return parts.joined(separator: ", ")
    }

    private static func place(_ s: FlowExplanationStep, next: FlowExplanationStep?) -> String {
        switch s.sink {
        case .heap:
            return L("the heap") + heapReason(s.notes)
        case .result(let f, let name):
            return name.hasPrefix("~")
                ? L("the result of {0}, which outlives its frame", f)
                : L("result {0} of {1}, which outlives its frame", name, f)
        case .variable(_, let name):
            return name
        case .loopOuterVariable(_, let name):
            return L("{0}, declared outside the loop, which outlives each iteration", name)
        case .enclosingVariable(let f, let name):
            return L("{0} of {1}, which outlives the function literal", name, f)
        case .allocation:
            let what = s.to.hasPrefix("{storage for ") ? String(s.to.dropFirst(13).dropLast()) : s.to
            if what == "... argument" {
                let call = (s.notes + (next?.notes ?? [])).last { $0.why == "call parameter" }?.text
                return call.map { L("the argument list of {0}", $0) } ?? L("the argument list of a call")
            }
            if what == "func literal" { return L("the function literal that captures it") }
            return L("the memory of {0}", what)
        case .goroutine(let line):
            return L("the goroutine started on line {0}, which may run after its starter returns", line)
        case .deferred(let line):
            return L("the call deferred on line {0}, which waits in a loop until the function returns", line)
        case .temporary:
            return L("a temporary")
        }
    }

    /// Why reaching the heap was the end of the road, from the notes on the last step.
    private static func heapReason(_ notes: [FlowNoteInfo]) -> String {
        let whys = notes.map(\.why)
        if whys.contains("non-constant size") { return L(", because its size is not known at build time") }
        if whys.contains("too large for stack") { return L(", because it is too large for a stack frame") }
        if whys.contains("send") { return L(", because a value sent on a channel may be received by any goroutine") }
        if whys.contains(where: { $0.hasPrefix("map literal") || $0 == "key of map put" || $0 == "map entry" }) {
            return L(", because map entries always live on the heap")
        }
        if whys.contains("appendee slice") || whys.contains("appended slice...") {
            return L(", because append may copy it into a new array on the heap")
        }
        if whys.contains("captured by a closure") { return L(", because a closure that outlives the function captures it") }
        if whys.contains("go statement") { return L(", because a goroutine runs it, maybe after its starter has returned") }
        if whys.contains("deferred in a loop") { return L(", because calls deferred in a loop are kept on the heap until the function returns") }
        if whys.contains("call parameter") {
            if let call = notes.last(where: { $0.why == "call parameter" }) {
                return L(", because {0} (called on line {1}) may keep what it is given", call.text, call.pos.line)
            }
            return L(", because the function it is passed to may keep it")
        }
        if whys.contains("package-level variable") {
            return L(", because it is stored in a package-level variable, which lives as long as the program")
        }
        if whys.contains("store through pointer") {
            return L(", because it is stored through a pointer, which may point anywhere")
        }
        if whys.contains("slice element") {
            return L(", because it is stored in a slice element, whose array may be anywhere")
        }
        return ""
    }
}
