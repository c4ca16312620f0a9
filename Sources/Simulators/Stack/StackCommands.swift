import TextKit

/// The `stack` verbs that run the goroutine.
extension StackSimulator {
    /// Go's own words when a stack would pass its limit (runtime/stack.go `newstack`).
    func limitError(wanted: Int) -> SimulatorError {
        SimulatorError(L("runtime: goroutine stack exceeds {0}-byte limit", goroutine.limit) + "\n" + L("fatal error: stack overflow"),
                       hint: L("The stack would need {0} bytes reserved, over `max`. Nothing was changed.", wanted))
    }

    /// Where the stack stands after a command.
    var summaryLine: String {
        L("depth {0}, used {1} of {2} bytes", goroutine.depth, goroutine.used, goroutine.size)
    }

    mutating func call(_ command: Command, in context: SimulationContext) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 2, usage: "call NAME FRAME")
        let name = try Arguments.name(command.arguments[0], what: L("function name"))
        let frame = try Self.frameSize(command.arguments[1])
        return try push(name, count: 1, frame: frame, in: context)
    }

    mutating func recurse(_ command: Command, in context: SimulationContext) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 3, usage: "recurse NAME DEPTH FRAME")
        let name = try Arguments.name(command.arguments[0], what: L("function name"))
        let count = try Self.count(command.arguments[1], what: L("depth"), upTo: Self.largestDepth)
        let frame = try Self.frameSize(command.arguments[2])
        return try push(name, count: count, frame: frame, in: context)
    }

    /// Checks the whole request first — overflow, Go's limit, the simulator's
    /// depth — so a failing request changes nothing and ends at once.
    private mutating func push(_ name: String, count: Int, frame: Int, in context: SimulationContext) throws(SimulatorError) -> String {
        switch goroutine.plan(count: count, frame: frame) {
        case .overflow(let fitting):
            return recordOverflow(name: name, frame: frame, fitting: fitting)
        case .limit(let wanted):
            throw limitError(wanted: wanted)
        case .fits:
            break
        }
        guard goroutine.depth + count <= StackGoroutine.maxDepth else {
            throw SimulatorError(L("this simulator follows at most {0} frames at once: {1} more is too many",
                                   StackGoroutine.maxDepth, count),
                                 hint: L("Use fewer, bigger frames: the figures scale the same way."))
        }
        var events: [StackEvent] = []
        for i in 0..<count {
            if i % 4096 == 4095 && context.isInterrupted() {
                throw SimulatorError(L("interrupted: nothing was changed"))
            }
            events += goroutine.push(name, size: frame, counters: &counters)
        }
        let head = count == 1
            ? L("called {0} ({1} bytes): {2}", name, frame, summaryLine)
            : L("called {0} {1} times ({2} bytes each): {3}", name, count, frame, summaryLine)
        return ([head] + describe(events)).joined(separator: "\n")
    }

    /// A fixed stack has no way to grow: the program would crash, so the
    /// simulator keeps the stack as it was and raises the flag.
    private mutating func recordOverflow(name: String, frame: Int, fitting: Int) -> String {
        overflow = true
        let free = goroutine.segments[0].free
        let what = fitting == 0
            ? L("stack overflow: {0} needs {1} bytes; the fixed {2}-byte stack has {3} free", name, frame, goroutine.size, free)
            : L("stack overflow at depth {0}: the fixed {1}-byte stack has {2} bytes free,", goroutine.depth + fitting + 1,
                goroutine.size, free) + "\n" + L("room for only {0} more frame(s) of {1} bytes", fitting, frame)
        return Ink.paint(what, .red) + "\n" + L("Nothing was pushed: the stack is as it was, and `overflow` is now true.")
    }

    mutating func ret(_ command: Command) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 0, usage: "ret")
        guard let name = goroutine.frames.last?.name else {
            throw SimulatorError(L("the stack is empty: there is no frame to return from"))
        }
        let events = goroutine.pop()
        return ([L("returned from {0}: {1}", name, summaryLine)] + describe(events)).joined(separator: "\n")
    }

    mutating func unwind(_ command: Command) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 0, usage: "unwind")
        let depth = goroutine.depth
        var events: [StackEvent] = []
        while goroutine.depth > 0 { events += goroutine.pop() }
        return ([L("returned from {0} frame(s): {1}", depth, summaryLine)] + describe(events)).joined(separator: "\n")
    }

    /// Runs call/ret pairs until one leaves the goroutine exactly as it found
    /// it (the second pair at the latest: the first may grow the stack or
    /// fill the segment cache); from there every pair does the same, so the
    /// rest is counted, not run.
    mutating func hot(_ command: Command) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 3, usage: "hot N NAME FRAME")
        let n = try Self.count(command.arguments[0], what: L("number of calls"), upTo: Self.largestHot)
        let name = try Arguments.name(command.arguments[1], what: L("function name"))
        let frame = try Self.frameSize(command.arguments[2])
        switch goroutine.plan(count: 1, frame: frame) {
        case .overflow:
            return recordOverflow(name: name, frame: frame, fitting: 0)
        case .limit(let wanted):
            throw limitError(wanted: wanted)
        case .fits:
            break
        }
        guard goroutine.depth < StackGoroutine.maxDepth else {
            throw SimulatorError(L("this simulator follows at most {0} frames at once", StackGoroutine.maxDepth))
        }
        let first = counters
        var events: [StackEvent] = []
        var done = 0
        while done < n {
            let layout = goroutine
            let step = counters
            events += goroutine.push(name, size: frame, counters: &counters)
            events += goroutine.pop()
            done += 1
            if goroutine == layout {
                counters = counters.repeating(from: step, to: counters, times: n - done)
                break
            }
        }
        let splits = counters.splits - first.splits
        let copies = counters.copies - first.copies
        var lines = [L("{0} × (call {1} of {2} bytes, ret)", n, name, frame),
                     L("segments allocated and freed: {0} · stack copies: {1} · cost +{2}", splits, copies, counters.cost - first.cost)]
        lines += describe(events.filter { if case .moved = $0 { true } else { false } })
        if splits == n {
            lines.append(Ink.paint(L("hot split: every call crossed the segment boundary,"), .yellow))
            lines.append(Ink.paint(L("so each call allocated a segment and each return freed it"), .yellow))
        }
        return lines.joined(separator: "\n")
    }

    mutating func local(_ command: Command) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 1, usage: "local NAME")
        let name = try Arguments.name(command.arguments[0], what: L("variable name"))
        try declare(name, target: nil)
        return L("{0} at {1} in {2}", name, AsmOperand.hex(lastAddress), goroutine.frames.last!.name)
    }

    mutating func reference(_ command: Command) throws(SimulatorError) -> String {
        let usage = "ref P -> NAME"
        try Arguments.expect(command, count: 3, usage: usage)
        guard command.arguments[1] == "->" else { throw SimulatorError(L("usage: {0}", usage)) }
        let pointer = try Arguments.name(command.arguments[0], what: L("pointer name"))
        let name = try Arguments.name(command.arguments[2], what: L("variable name"))
        var found: StackSlot?
        for f in goroutine.frames.indices.reversed() {
            if let v = goroutine.frames[f].variables.firstIndex(where: { $0.name == name }) {
                found = StackSlot(frame: f, variable: v)
                break
            }
        }
        guard let target = found else {
            throw SimulatorError(L("no frame on the stack has a variable `{0}`", name)
                                 + Suggestion.hint(for: name, among: knownNames()),
                                 hint: L("Declare it with `local {0}`.", name))
        }
        try declare(pointer, target: target)
        return L("{0} at {1} → {2} ({3} in {4})", pointer, AsmOperand.hex(lastAddress), AsmOperand.hex(goroutine.address(of: target)),
                 name, goroutine.frames[target.frame].name)
    }

    /// The address of the variable declared last (in the top frame).
    private var lastAddress: Int {
        let f = goroutine.frames.count - 1
        return goroutine.address(of: StackSlot(frame: f, variable: goroutine.frames[f].variables.count - 1))
    }

    private mutating func declare(_ name: String, target: StackSlot?) throws(SimulatorError) {
        guard let frame = goroutine.frames.last else {
            throw SimulatorError(L("the stack is empty: call a function first"), hint: L("usage: {0}", "call NAME FRAME"))
        }
        guard !frame.variables.contains(where: { $0.name == name }) else {
            throw SimulatorError(L("`{0}` is already a variable of {1}", name, frame.name))
        }
        guard frame.variables.count < frame.capacity else {
            throw SimulatorError(L("{0}'s frame is {1} bytes: it holds {2} variable(s) of 8 bytes", frame.name, frame.size, frame.capacity),
                                 hint: L("Call a function with a bigger frame."))
        }
        goroutine.declare(name, target: target)
    }

    mutating func collect(_ command: Command) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 0, usage: "gc")
        switch goroutine.mode {
        case .fixed:
            return L("gc: a fixed stack never changes size")
        case .segmented:
            return L("gc: nothing to shrink — a segment is freed as soon as the frame that opened it returns")
        case .copying:
            guard goroutine.canShrink else {
                if goroutine.used >= goroutine.size / 4 {
                    return L("gc: no shrink — {0} bytes used is not less than a quarter of {1}", goroutine.used, goroutine.size)
                }
                return L("gc: no shrink — half of {0} would be below `start` ({1} bytes)", goroutine.size, goroutine.start)
            }
            let used = goroutine.used
            let event = goroutine.shrink(counters: &counters)
            return ([L("gc: {0} bytes used is less than a quarter of the stack, so it shrinks to half", used)]
                    + describe([event])).joined(separator: "\n")
        }
    }

    /// Lines for what the stack did: each move, then segments counted.
    func describe(_ events: [StackEvent]) -> [String] {
        var lines: [String] = []
        var moves = 0, splits = 0, splitBytes = 0, released = 0, releasedBytes = 0
        for event in events {
            switch event {
            case .moved(let from, let to, let copied, let pointers, let distance):
                moves += 1
                if moves <= 8 {
                    lines.append(L("copied {0} → {1}: {2} bytes, moved by {3}, {4} pointer(s) adjusted",
                                   StackSize.text(from), StackSize.text(to), copied, Self.signedHex(distance), pointers))
                }
            case .split(let size):
                splits += 1
                splitBytes += size
            case .released(let size):
                released += 1
                releasedBytes += size
            }
        }
        if moves > 8 { lines.append(L("… and {0} more copies", moves - 8)) }
        if splits > 0 { lines.append(L("{0} new segment(s) allocated, {1} bytes in all", splits, splitBytes)) }
        if released > 0 { lines.append(L("{0} segment(s) freed, {1} bytes in all", released, releasedBytes)) }
        return lines
    }

    static func signedHex(_ n: Int) -> String { (n < 0 ? "-" : "+") + AsmOperand.hex(abs(n)) }
}
