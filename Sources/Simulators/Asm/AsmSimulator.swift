import Grader
import TextKit

/// Chapter 2's machine: 256 bytes of memory, four 8-bit registers, and the
/// `.var` directive that lets a name stand for an address — the step from
/// raw addresses to variables.
public struct AsmSimulator: Simulator {
    public static let memorySize = 256
    public static let registerNames = ["r0", "r1", "r2", "r3"]

    var memory = [UInt8](repeating: 0, count: memorySize)
    var registers = [UInt8](repeating: 0, count: 4)
    /// Variables in the order they were declared.
    var variables: [(name: String, address: Int, size: Int)] = []
    var steps = 0

    public init() {}

    public static var info: SimulatorInfo { SimulatorInfo(
        name: "asm",
        title: L("Memory before variables"),
        summary: L("256 bytes of memory (0x00–0xFF) and registers r0–r3; every value is one byte and arithmetic wraps at 256."),
        verbs: [
            Verb("mov", usage: "mov R, IMM|R", summary: L("put a number, or another register's value, in register R"),
                 arguments: [.oneOf(registerNames), .name]),
            Verb("load", usage: "load R, [ADDR|R]", summary: L("copy the byte at an address into register R"),
                 arguments: [.oneOf(registerNames), .name]),
            Verb("store", usage: "store [ADDR|R], R|IMM", summary: L("copy a register or a number into the byte at an address"),
                 arguments: [.name, .oneOf(registerNames)]),
            Verb("add", usage: "add R, IMM|R", summary: L("add to register R (wraps modulo 256)"),
                 arguments: [.oneOf(registerNames), .oneOf(registerNames)]),
            Verb("sub", usage: "sub R, IMM|R", summary: L("subtract from register R (wraps modulo 256)"),
                 arguments: [.oneOf(registerNames), .oneOf(registerNames)]),
            Verb(".var", usage: ".var NAME [SIZE]", summary: L("reserve SIZE bytes (default 1) at the lowest free address and name them")),
            Verb("mem", usage: "mem [FROM [TO]]", summary: L("show memory as a hex dump"), changesState: false),
            Verb("regs", usage: "regs", summary: L("show the registers"), changesState: false),
            Verb("vars", usage: "vars", summary: L("show the named variables and their addresses"), changesState: false),
        ],
        state: [
            StateField("mem[]", "int", L("the byte at an address, 0–255 (`mem[0x10]`, `mem[vars.age]`)")),
            StateField("reg.r0", "int", L("register r0, 0–255")),
            StateField("reg.r1", "int", L("register r1, 0–255")),
            StateField("reg.r2", "int", L("register r2, 0–255")),
            StateField("reg.r3", "int", L("register r3, 0–255")),
            StateField("vars.*", "int", L("the address of a variable declared with `.var`")),
            StateField("steps", "int", L("instructions executed (mov, load, store, add, sub)")),
        ],
        example: ExampleExercise(
            task: "The byte at address 0x20 holds 7. Make it hold 42.",
            setup: ["store [0x20], 7"],
            check: [#"mem[0x20] == 42 => "The byte at 0x20 holds {mem[0x20]}, not 42.""#],
            solution: ["mov r0, 42", "store [0x20], r0"],
            hints: ["Put 42 in a register with `mov`, then copy the register into memory with `store`.",
                    "`mov r0, 42`, then `store [0x20], r0`."])
    ) }

    public mutating func execute(_ command: Command, in context: SimulationContext) throws(SimulatorError) -> String {
        switch command.verb {
        case ".var": return try declare(command)
        case "mem": return try dump(command, width: context.width)
        case "regs": return registerTable()
        case "vars": return variableTable(width: context.width)
        default: return try instruction(command)
        }
    }

    public func render(in context: SimulationContext) -> String {
        registerTable() + "\n" + hexDump(from: 0, to: 0x3F, width: context.width)
    }

    public func knownNames() -> [String] { Self.registerNames + variables.map(\.name) }

    public func stateTree() -> Value {
        var vars = Record()
        for v in variables { vars[v.name] = .int(v.address) }
        var regs = Record()
        for (i, name) in Self.registerNames.enumerated() { regs[name] = .int(Int(registers[i])) }
        return [
            "mem": .ints(memory.map(Int.init)),
            "reg": .record(regs),
            "vars": .record(vars),
            "steps": .int(steps),
        ]
    }

    // MARK: - Instructions

    private mutating func instruction(_ command: Command) throws(SimulatorError) -> String {
        let usage = Self.info.verb(command.verb)!.usage
        let ops = AsmOperand.split(command.rest)
        guard ops.count == 2 else { throw SimulatorError(L("usage: {0}", usage)) }
        switch command.verb {
        case "mov":
            let r = try register(ops[0], usage)
            registers[r] = try value(ops[1], usage)
            steps += 1
            return "\(Self.registerNames[r]) = \(registers[r])"
        case "load":
            let r = try register(ops[0], usage)
            let addr = try address(ops[1], usage)
            registers[r] = memory[addr]
            steps += 1
            return "\(Self.registerNames[r]) = \(registers[r])   " + L("(from {0})", describe(addr))
        case "store":
            let addr = try address(ops[0], usage)
            memory[addr] = try value(ops[1], usage)
            steps += 1
            return "\(describe(addr)) = \(memory[addr])"
        default: // add, sub
            let r = try register(ops[0], usage)
            let v = try value(ops[1], usage)
            registers[r] = command.verb == "add" ? registers[r] &+ v : registers[r] &- v
            steps += 1
            return "\(Self.registerNames[r]) = \(registers[r])"
        }
    }

    private func register(_ text: String, _ usage: String) throws(SimulatorError) -> Int {
        if let r = Self.registerNames.firstIndex(of: text.lowercased()) { return r }
        throw SimulatorError(L("`{0}` is not a register: use r0, r1, r2 or r3", Sanitizer.line(text)),
                             hint: L("usage: {0}", usage))
    }

    /// An immediate (`5`, `0x10`, `-1`, a variable's address) or a register's value.
    private func value(_ text: String, _ usage: String) throws(SimulatorError) -> UInt8 {
        if let r = Self.registerNames.firstIndex(of: text.lowercased()) { return registers[r] }
        if text.hasPrefix("[") {
            throw SimulatorError(L("`{0}` reads memory, which only `load` does", Sanitizer.line(text)),
                                 hint: L("usage: {0}", usage))
        }
        let n = try AsmOperand.number(text, variables: variables)
        guard (-128...255).contains(n) else {
            throw SimulatorError(L("{0} does not fit in a byte (0–255)", n))
        }
        return UInt8(truncatingIfNeeded: n)
    }

    /// `[ADDR]`, `[NAME]`, `[NAME+N]` or `[R]`.
    private func address(_ text: String, _ usage: String) throws(SimulatorError) -> Int {
        guard text.hasPrefix("["), text.hasSuffix("]"), text.count > 2 else {
            throw SimulatorError(L("`{0}` is not an address: write it in brackets, like [0x10], [age] or [r1]", Sanitizer.line(text)),
                                 hint: L("usage: {0}", usage))
        }
        let inner = String(text.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        if let r = Self.registerNames.firstIndex(of: inner.lowercased()) { return Int(registers[r]) }
        let n = try AsmOperand.number(inner, variables: variables)
        guard (0..<Self.memorySize).contains(n) else {
            throw SimulatorError(L("address {0} is outside memory (0x00–0xFF)", n))
        }
        return n
    }

    private func describe(_ addr: Int) -> String {
        let hex = AsmOperand.hex(addr)
        if let v = variables.first(where: { addr >= $0.address && addr < $0.address + $0.size }) {
            let offset = addr - v.address
            return "[\(hex)] (\(v.name)\(offset == 0 ? "" : "+\(offset)"))"
        }
        return "[\(hex)]"
    }

    // MARK: - Variables

    private mutating func declare(_ command: Command) throws(SimulatorError) -> String {
        let usage = ".var NAME [SIZE]"
        try Arguments.expect(command, count: 1...2, usage: usage)
        let name = try Arguments.name(command.arguments[0], what: L("variable name"))
        if Self.registerNames.contains(name.lowercased()) {
            throw SimulatorError(L("`{0}` is a register name; choose another name", name))
        }
        if variables.contains(where: { $0.name == name }) {
            throw SimulatorError(L("`{0}` is already declared", name))
        }
        let size = command.words.count == 2 ? try Arguments.size(command.arguments[1]) : 1
        guard size >= 1 else { throw SimulatorError(L("a variable needs at least 1 byte")) }
        let address = variables.last.map { $0.address + $0.size } ?? 0
        guard address + size <= Self.memorySize else {
            throw SimulatorError(L("no room: {0} byte(s) needed, {1} left", size, Self.memorySize - address))
        }
        variables.append((name, address, size))
        return size == 1
            ? L("{0} is the byte at {1}", name, AsmOperand.hex(address))
            : L("{0} is the {1} bytes at {2}–{3}", name, size, AsmOperand.hex(address), AsmOperand.hex(address + size - 1))
    }
}
