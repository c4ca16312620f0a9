import TextKit

/// The `frames` verbs. Malformed commands throw; memory bugs are recorded.
extension FramesSimulator {
    /// Where a dereference lands, or the bug it would be.
    enum Place {
        case heap(FramesBlock)
        case stack(frame: Int, local: Int)
        case bug(FramesReport)
    }

    static let mallocLimit = 1 << 40

    var topFrameName: String { stack.frames.last?.name ?? "main" }

    /// "`free p` in main": the origin of an allocation or a free, for reports.
    func origin(_ command: Command) -> String {
        L("`{0}` in {1}", Sanitizer.line(command.line), topFrameName)
    }

    // MARK: - Stack

    mutating func call(_ command: Command) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 1, usage: "call NAME")
        let name = try Arguments.name(command.arguments[0], what: L("function name"))
        try stack.push(name)
        return L("called {0}: new frame on top, depth {1}", name, stack.depth)
    }

    mutating func ret(_ command: Command) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 0...1, usage: "ret [P]")
        guard stack.depth > 1 else {
            throw SimulatorError(L("`main` is the bottom frame: there is nothing to return to"),
                                 hint: L("Type `exit` to end the program."))
        }
        var returned: (name: String, value: FramesValue)?
        if let word = command.arguments.first {
            let name = try Arguments.name(word, what: L("variable name"))
            let i = try stack.requireTopLocal(name)
            returned = (name, stack.frames[stack.depth - 1].locals[i].value)
        }
        let popped = stack.frames.removeLast()
        var lines = [L("returned from {0}: its frame is popped, depth {1}", popped.name, stack.depth)]
        if let (name, value) = returned {
            if let i = stack.topLocal(name) {
                stack.frames[stack.depth - 1].locals[i].value = value
            } else {
                try stack.declare(name, value)
            }
            lines.append(L("{0}: {1} = {2}", topFrameName, name, describe(value)))
            if case .pointer(.stack(let serial, let frame, let variable, _)) = value, serial == popped.serial {
                lines.append(Ink.paint(L("warning: {0} returned the address of its local `{1}`: `{2}` now dangles",
                                         frame, variable, name), .yellow))
            }
        }
        return lines.joined(separator: "\n")
    }

    mutating func declare(_ command: Command) throws(SimulatorError) -> String {
        let usage = "local NAME = INT"
        let (left, right) = try FramesSyntax.assignment(command, usage: usage)
        let name = try Arguments.name(left, what: L("variable name"))
        guard stack.topLocal(name) == nil else {
            throw SimulatorError(L("`{0}` is already a local of {1}", name, topFrameName),
                                 hint: L("Assign it with `set {0} = INT`.", name))
        }
        let value = try FramesSyntax.integer(right)
        try stack.declare(name, .int(value))
        return L("{0} = {1} at {2} in {3}", name, value, AsmOperand.hex(stack.pointer), topFrameName)
    }

    mutating func assign(_ command: Command) throws(SimulatorError) -> String {
        let (left, right) = try FramesSyntax.assignment(command, usage: "set NAME = INT")
        let name = try Arguments.name(left, what: L("variable name"))
        let i = try stack.requireTopLocal(name)
        let value = try FramesSyntax.integer(right)
        stack.frames[stack.depth - 1].locals[i].value = .int(value)
        return L("{0} = {1}", name, value)
    }

    mutating func reference(_ command: Command) throws(SimulatorError) -> String {
        let usage = "ref P = &NAME"
        let (left, right) = try FramesSyntax.assignment(command, usage: usage)
        let pointer = try Arguments.name(left, what: L("pointer name"))
        let name = try FramesSyntax.addressOf(right, usage: usage)
        guard let (f, l) = stack.anyLocal(name) else {
            throw SimulatorError(L("no live frame has a local `{0}`", name) + Suggestion.hint(for: name, among: stack.allNames),
                                 hint: L("Declare it with `local {0} = 0`.", name))
        }
        let frame = stack.frames[f]
        let target = FramesValue.pointer(.stack(frame: frame.serial, frameName: frame.name,
                                                variable: name, address: frame.locals[l].address))
        try put(pointer, target)
        return L("{0} = {1}", pointer, describe(target))
    }

    /// Stores a value in a local of the top frame, declaring it if needed.
    private mutating func put(_ name: String, _ value: FramesValue) throws(SimulatorError) {
        if let i = stack.topLocal(name) {
            stack.frames[stack.depth - 1].locals[i].value = value
        } else {
            try stack.declare(name, value)
        }
    }

    // MARK: - Heap

    mutating func resizeHeap(_ command: Command) throws(SimulatorError) -> String {
        let usage = "heap [size SIZE]"
        try Arguments.expect(command, count: 2, usage: usage)
        guard command.arguments[0] == "size" else { throw SimulatorError(L("usage: {0}", usage)) }
        let bytes = try Arguments.size(command.arguments[1], what: L("heap size"))
        guard !heap.hasAllocated else {
            throw SimulatorError(L("the heap size can only be set before the first malloc"),
                                 hint: L("Type `reset` to start again with an empty heap."))
        }
        guard FramesHeap.sizeRange.contains(bytes), bytes % FramesHeap.alignment == 0 else {
            throw SimulatorError(L("the heap size must be a multiple of 8 between {0} and {1} bytes",
                                   FramesHeap.sizeRange.lowerBound, FramesHeap.sizeRange.upperBound))
        }
        heap.resize(to: bytes)
        return L("the heap is {0} bytes at [{1},{2})", bytes, AsmOperand.hex(FramesHeap.base), AsmOperand.hex(heap.end))
    }

    mutating func malloc(_ command: Command) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 2, usage: "malloc P SIZE")
        let pointer = try Arguments.name(command.arguments[0], what: L("pointer name"))
        let requested = try Arguments.size(command.arguments[1])
        guard requested >= 1 else {
            throw SimulatorError(L("malloc(0) gives nothing usable: ask for at least 1 byte"))
        }
        guard requested <= Self.mallocLimit else {
            throw SimulatorError(L("{0} bytes is far beyond this machine: its heap has {1} bytes", requested, heap.size))
        }
        guard let block = heap.allocate(requested, by: origin(command)) else {
            return record(.outOfMemory(requested: requested, pointer: pointer, heap: heap))
        }
        try put(pointer, .pointer(.heap(block: block.serial, address: block.address)))
        var line = L("{0} = {1}: a {2}-byte block at [{1},{3})", pointer, AsmOperand.hex(block.address),
                     block.size, AsmOperand.hex(block.end))
        if block.size != requested { line += "\n  " + L("{0} bytes asked, rounded up to a multiple of 8", requested) }
        return line
    }

    mutating func free(_ command: Command) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 1, usage: "free P")
        let name = try Arguments.name(command.arguments[0], what: L("pointer name"))
        let value = stack.frames[stack.depth - 1].locals[try stack.requireTopLocal(name)].value
        switch value {
        case .int(let n):
            throw SimulatorError(L("`{0}` holds the number {1}, not an address from malloc", name, n))
        case .pointer(.stack(_, let frame, let variable, _)):
            throw SimulatorError(L("`{0}` points to the stack (`{1}` of {2}), not to a block from malloc", name, variable, frame),
                                 hint: L("Stack memory is given back by `ret`, never by `free`."))
        case .pointer(.heap(let serial, _)):
            if let block = heap.liveBlock(serial) {
                heap.release(serial, by: origin(command))
                return L("freed the {0}-byte block at {1}; `{2}` still holds its address: do not use it",
                         block.size, AsmOperand.hex(block.address), name)
            }
            return record(.doubleFree(pointer: name, block: heap.block(serial)!))
        }
    }

    mutating func store(_ command: Command) throws(SimulatorError) -> String {
        let usage = "store *P = INT"
        let (left, right) = try FramesSyntax.assignment(command, usage: usage)
        let pointer = try FramesSyntax.dereference(left, usage: usage)
        let value = try FramesSyntax.integer(right)
        switch try place(pointer, .write) {
        case .bug(let report):
            return record(report)
        case .heap(let block):
            heap.store(value, at: block.address)
            return L("*{0} = {1} (at {2})", pointer, value, AsmOperand.hex(block.address))
        case .stack(let f, let l):
            stack.frames[f].locals[l].value = .int(value)
            let local = stack.frames[f].locals[l]
            return L("*{0} = {1} (`{2}` of {3} at {4})", pointer, value, local.name, stack.frames[f].name,
                     AsmOperand.hex(local.address))
        }
    }

    mutating func load(_ command: Command) throws(SimulatorError) -> String {
        let usage = "load *P"
        try Arguments.expect(command, count: 1, usage: usage)
        let pointer = try FramesSyntax.dereference(command.arguments[0], usage: usage)
        switch try place(pointer, .read) {
        case .bug(let report):
            return record(report)
        case .heap(let block):
            guard let value = heap.word(at: block.address) else {
                return L("*{0} = ? (never written: malloc does not clear memory)", pointer)
            }
            return L("*{0} = {1} (at {2})", pointer, value, AsmOperand.hex(block.address))
        case .stack(let f, let l):
            let local = stack.frames[f].locals[l]
            return L("*{0} = {1} (`{2}` of {3} at {4})", pointer, describe(local.value), local.name,
                     stack.frames[f].name, AsmOperand.hex(local.address))
        }
    }

    /// Follows pointer P of the top frame, or explains why the access is a bug.
    private func place(_ pointer: String, _ access: FramesAccess) throws(SimulatorError) -> Place {
        let value = stack.frames[stack.depth - 1].locals[try stack.requireTopLocal(pointer)].value
        switch value {
        case .int(let n):
            throw SimulatorError(L("`{0}` holds the number {1}, not an address", pointer, n),
                                 hint: L("Give it an address with `malloc {0} SIZE` or `ref {0} = &NAME`.", pointer))
        case .pointer(.heap(let serial, _)):
            if let block = heap.liveBlock(serial) { return .heap(block) }
            let block = heap.block(serial)!
            return .bug(.useAfterFree(access, pointer: pointer, block: block,
                                          reusedBy: heap.liveBlock(covering: block.address)))
        case .pointer(.stack(let serial, let frame, let variable, let address)):
            if let f = stack.frameIndex(serial: serial), let l = stack.frames[f].locals.firstIndex(where: { $0.name == variable }) {
                return .stack(frame: f, local: l)
            }
            let occupant = stack.occupant(of: address).map { (f, l) in
                L("`{0}` of {1}", stack.frames[f].locals[l].name, stack.frames[f].name)
            }
            return .bug(.dangling(access, pointer: pointer, frame: frame, variable: variable,
                                      address: address, occupant: occupant))
        }
    }

    // MARK: - Exit

    mutating func exit(_ command: Command) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 0, usage: "exit")
        stack.frames.removeAll()
        exited = true
        let blocks = heap.live
        leaked = blocks.count
        guard !blocks.isEmpty else { return L("the program exited: no leaks") }
        var lines = [L("the program exited"), Ink.paint(L("ERROR: LeakSanitizer: detected memory leaks"), .red)]
        for block in blocks { lines.append(record(.leak(block))) }
        lines.append(L("SUMMARY: AddressSanitizer: {0} byte(s) leaked in {1} allocation(s).",
                       blocks.reduce(0) { $0 + $1.requested }, blocks.count))
        return lines.joined(separator: "\n")
    }

    // MARK: - Describing values

    /// A value as the views print it: `42`, or an address with where it leads.
    func describe(_ value: FramesValue) -> String {
        switch value {
        case .int(let n): return String(n)
        case .pointer(let target): return AsmOperand.hex(target.address) + " " + destination(target)
        }
    }

    /// "→ `x` of main", "→ block [0x1000,0x1040)", or why it dangles.
    func destination(_ target: FramesTarget) -> String {
        switch target {
        case .stack(let serial, let frame, let variable, _):
            if stack.frameIndex(serial: serial) != nil { return L("→ `{0}` of {1}", variable, frame) }
            return Ink.paint(L("→ `{0}` of {1}, which returned: dangling", variable, frame), .red)
        case .heap(let serial, _):
            guard let block = heap.block(serial) else { return "" }
            if heap.liveBlock(serial) != nil {
                return L("→ block [{0},{1})", AsmOperand.hex(block.address), AsmOperand.hex(block.end))
            }
            return Ink.paint(L("→ freed block: dangling"), .red)
        }
    }
}
