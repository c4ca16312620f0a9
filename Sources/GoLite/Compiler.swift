import TextKit

/// Compiles an analysed program for the interpreter. It reads the IR the
/// escape analysis ran on — the very same nodes — so every allocation site
/// carries the analysis's verdict; names are resolved to registers, global
/// slots and function indices before anything runs.
final class ProgramCompiler {
    let program: Program
    let ir: IRProgram
    /// The checker's objects plus the temporaries lowering and the analysis added.
    let objects: [Object]
    let verdicts: EscapeVerdicts
    let registry = TypeRegistry()
    let emptyString = MemBlock(bytes: 0)
    var sites: [AllocSite] = []
    var functions: [CompiledFunction?]
    var irByIndex: [Int: IRFunction] = [:]
    /// Local variables that live in blocks: their address is taken, a
    /// closure shares them, they moved to the heap, or they hold arrays.
    var boxed: Set<ObjectID> = []
    var globalSlot: [ObjectID: Int] = [:]
    var globalTemplate: [GoValue] = []
    var globalBytes = 0
    var stringBlocks: [[UInt8]: MemBlock] = [:]
    var failure: GoLiteError?
    var functionValues: [Int: FuncValue] = [:]
    /// True while compiling package-level initialisers the Go compiler lays out statically.
    var staticData = false

    var info: TypeInfo { program.info }

    init(program: Program, ir: IRProgram, objects: [Object], verdicts: EscapeVerdicts) {
        self.program = program
        self.ir = ir
        self.objects = objects
        self.verdicts = verdicts
        functions = Array(repeating: nil, count: program.info.functions.count + 1)
        for f in ir.functions { irByIndex[f.index] = f }
    }

    /// The index of the synthetic function that initialises the package.
    var initIndex: Int { info.functions.count }

    func fail(_ pos: Pos, _ feature: String) {
        if failure == nil { failure = .unsupported(pos, feature) }
    }

    // MARK: - Driver

    func compile() throws(GoLiteError) -> [CompiledFunction] {
        layoutGlobals()
        findBoxedVariables()
        for f in ir.functions where f.index >= 0 {
            let fc = FunctionCompiler(self, index: f.index)
            functions[f.index] = fc.compileFunction(f)
        }
        functions[initIndex] = compileInit()
        if let failure { throw failure }
        var out: [CompiledFunction] = []
        for (i, f) in functions.enumerated() {
            if let f { out.append(f) } else {
                // A function without a body (rejected by the checker) or never lowered.
                let empty = CompiledFunction(index: i, name: i < info.functions.count ? info.functions[i].name : "init")
                empty.code = [.unreachable]
                empty.lines = [0]
                empty.frameSize = 1
                empty.seal()
                out.append(empty)
            }
        }
        return out
    }

    private func layoutGlobals() {
        var seen: Set<ObjectID> = []
        var ids = info.globals
        for (i, o) in info.objects.enumerated() where o.kind == .variable && o.storage == .global && !info.globals.contains(i) {
            ids.append(i)
        }
        for id in ids where !seen.contains(id) {
            seen.insert(id)
            let t = objects[id].type
            globalSlot[id] = globalTemplate.count
            globalTemplate += Layout.zero(t, emptyString: emptyString)
            globalBytes += (t.size + 7) / 8 * 8
        }
    }

    private func findBoxedVariables() {
        func root(_ n: IRNode?) -> ObjectID? {
            var cur = n
            while let c = cur {
                switch c.op {
                case .dot, .convNop: cur = c.x
                case .index where c.x?.type.isArray == true: cur = c.x
                case .name:
                    guard let id = c.object, objects[id].kind == .variable, objects[id].storage != .global else { return nil }
                    return id
                default: return nil
                }
            }
            return nil
        }
        func scan(_ n: IRNode) {
            if n.op == .addr, let id = root(n.x) { boxed.insert(id) }
        }
        for f in ir.functions { IRWalk.nodes(in: f.body, scan) }
        for v in verdicts.wrappedArguments.values { IRWalk.node(v, scan) }
        for fi in info.functions where fi.isLiteral { boxed.formUnion(fi.captures) }
        boxed.formUnion(verdicts.heapVariables)
        for (id, o) in objects.enumerated() where o.kind == .variable && o.storage != .global {
            if ProgramCompiler.containsArray(o.type) || Layout.slots(o.type) > 16 { boxed.insert(id) }
        }
    }

    static func containsArray(_ t: GoType) -> Bool {
        switch t.underlying {
        case .array: return true
        case .structure(let fields): return fields.contains { containsArray($0.type) }
        default: return false
        }
    }

    // MARK: - Sites and constants

    func addSite(_ site: AllocSite) -> Int32 {
        if staticData { site.kind = .staticData; site.escapes = false }
        sites.append(site)
        return Int32(sites.count - 1)
    }

    /// A site for an IR node, with the analysis's verdict. Nodes the analysis
    /// never saw (made by the compiler after it) use the heap, as Go's do.
    func site(_ kind: AllocSite.Kind, _ node: IRNode?, type: GoType, pos: Pos) -> Int32 {
        var escapes = true
        if let n = node, verdicts.analysedNodes.contains(ObjectIdentifier(n)) { escapes = verdicts.escapes(n) }
        let text = node.map { IRPrinter.string($0) } ?? ""
        let s = AllocSite(kind: kind, escapes: escapes, type: type, zero: Layout.zero(type, emptyString: emptyString), pos: pos, text: text)
        s.byteElements = Layout.isByteElement(type) && (kind == .makeSlice || kind == .sliceLiteral || kind == .append || kind == .stringToBytes)
            || kind == .object && AllocSite.isByteArray(type)
        return addSite(s)
    }

    func stringBlock(_ bytes: [UInt8]) -> MemBlock {
        if bytes.isEmpty { return emptyString }
        if let b = stringBlocks[bytes] { return b }
        let b = MemBlock(bytes: bytes)
        stringBlocks[bytes] = b
        return b
    }

    func constantValue(_ c: ConstValue, _ t: GoType) -> GoValue {
        let k = t.underlying.basicKind ?? .int
        switch c {
        case .bool(let b): return .bool(b)
        case .string(let bytes):
            return .string(stringBlock(bytes), 0, Int32(bytes.count))
        case .int(let v):
            if k.isFloat { return .float(k == .float32 ? Double(Float(Double(v))) : Double(v)) }
            return .int((IntKind(k) ?? .int64).wrap(v))
        case .float(let d):
            if k.isFloat { return .float(k == .float32 ? Double(Float(d)) : d) }
            if let i = c.intValue { return .int((IntKind(k) ?? .int64).wrap(i)) }
            return .float(d)
        }
    }

    /// The receiver's type of a method (also when the receiver is unnamed).
    func receiverType(_ index: Int) -> GoType? {
        if let r = info.functions[index].receiver { return objects[r].type }
        for n in info.namedTypes {
            if let m = n.methods.first(where: { $0.function == index }) {
                return m.pointerReceiver ? .pointer(.named(n)) : .named(n)
            }
        }
        return nil
    }

    // MARK: - Package initialisation

    /// Package-level variables in declaration order — static initialisers
    /// (constants, literals of them) first compiled as data that costs no
    /// allocation, the rest from the analysed init code — then each `init`.
    private func compileInit() -> CompiledFunction {
        let fc = FunctionCompiler(self, index: initIndex)
        fc.beginInit(irByIndex[-1])
        var lowering = Lowering(program)
        // Static data is laid out before any initialisation code runs.
        for d in program.file.decls {
            guard case .varDecl(let spec) = d, !spec.values.isEmpty, !(spec.values.count == 1 && spec.names.count > 1) else { continue }
            lowering.basePos = spec.pos
            for (i, v) in spec.values.enumerated() where i < spec.names.count {
                guard let id = info.defs[spec.names[i].id], !spec.names[i].isBlank else { continue }
                var node = lowering.expr(v)
                if !objects[id].type.isInvalid { node = lowering.assignConvert(node, to: objects[id].type) }
                if Lowering.isStatic(node) {
                    staticData = true
                    fc.staticGlobal(id, node)
                    staticData = false
                }
            }
        }
        let dynamic = irByIndex[-1]?.body ?? []
        for s in dynamic { fc.stmt(s) }
        var k = 0
        for d in program.file.decls {
            guard case .funcDecl(let f) = d else { continue }
            let index = program.declaredFunctions[k]
            k += 1
            if f.receiver == nil && f.name.name == "init" { fc.callInit(index, pos: f.name.pos) }
        }
        return fc.finishInit()
    }
}
