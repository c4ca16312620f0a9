/// Builds the IR from the checked syntax tree, making the same rewrites as
/// Go 1.19's front end (`noder` and its `transform*` functions) in the same
/// order, so that the nodes the escape analysis reports on sit where Go's do.
///
/// One quirk matters for positions: the compiler creates implicit
/// conversions (a value passed where an interface is expected) at a
/// "current position" that moves as it translates expressions — to each
/// expression it starts (except constants and types), and to each call
/// argument or literal element with a position of its own. `basePos` plays
/// that part here, so `x escapes to heap` lands on the column Go prints.
struct Lowering {
    let file: SourceFile
    let info: TypeInfo
    /// The checker's objects plus temporaries made here.
    var objects: [Object]
    var basePos = Pos(line: 1, column: 1)
    var functions: [IRFunction?]
    var definedBy: [ObjectID: Int] = [:]
    var nextStmtID = 0
    /// The function being lowered and the variables it declares so far.
    var current = 0
    var declared: [Int: [ObjectID]] = [:]
    var initStmts: [IRStmt] = []
    /// Statements a translated expression needs before it (see `flush`).
    var pendingInit: [IRStmt] = []

    init(_ program: Program) {
        file = program.file
        info = program.info
        objects = program.info.objects
        functions = Array(repeating: nil, count: program.info.functions.count)
    }

    static func lower(_ program: Program) -> IRProgram {
        var l = Lowering(program)
        var fk = 0
        var initIndex: Int? = nil
        for d in program.file.decls {
            switch d {
            case .funcDecl(let f):
                let index = program.declaredFunctions[fk]
                fk += 1
                l.function(f, index)
            case .varDecl(let spec):
                l.globalVarSpec(spec)
            default: break
            }
        }
        var fns = l.functions.compactMap { $0 }
        if !l.initStmts.isEmpty {
            // Package initialisation runs as a function of its own.
            initIndex = -1
            fns.append(IRFunction(index: -1, body: l.initStmts, declared: l.declared[-1] ?? []))
        }
        return IRProgram(functions: fns, initFunction: initIndex, definedBy: l.definedBy, devirtualized: [],
                         objects: l.objects)
    }

    mutating func newStmtID() -> Int {
        nextStmtID += 1
        return nextStmtID
    }

    func obj(_ id: ObjectID) -> Object { objects[id] }

    // MARK: - Functions

    mutating func function(_ f: FuncDecl, _ index: Int) {
        guard let body = f.body else { return }
        let fi = info.functions[index]
        let saved = current
        current = index
        var decl: [ObjectID] = []
        if let r = fi.receiver { decl.append(r) }
        decl += fi.params.compactMap { $0 }
        decl += fi.results
        declared[index] = decl
        let stmts = block(body.stmts)
        functions[index] = IRFunction(index: index, body: stmts, declared: declared[index] ?? [])
        current = saved
    }

    mutating func closure(_ e: Expr, _ lit: FuncLit) -> IRNode {
        let index = info.literalFunctions[e.id]!
        let fi = info.functions[index]
        let saved = current
        current = index
        declared[index] = fi.params.compactMap { $0 } + fi.results
        let stmts = block(lit.body.stmts)
        functions[index] = IRFunction(index: index, body: stmts, declared: declared[index] ?? [])
        current = saved
        let n = IRNode(.closure, e.pos, info.type(of: e))
        n.function = index
        return n
    }

    mutating func declareVar(_ id: ObjectID) {
        declared[current, default: []].append(id)
    }

    /// A package-level `var`: constant-like initialisers are laid out
    /// statically by the compiler and analysed no further; the rest runs in
    /// the package's init function, storing into globals.
    mutating func globalVarSpec(_ spec: VarSpec) {
        basePos = spec.pos
        let saved = current
        current = -1
        defer { current = saved }
        let values = spec.values.map { expr($0) }
        if values.isEmpty { return }
        let ids = spec.names.map { info.defs[$0.id] }
        if values.count == 1 && spec.names.count > 1 {
            let lhs = ids.map { id -> IRNode? in id.map { globalName($0) } }
            initStmts.append(.assignList(id: newStmtID(), pos: spec.pos, kind: assignListKind(values[0]), lhs: lhs, rhs: values))
            return
        }
        for (i, v) in values.enumerated() {
            guard let id = ids[i] else { continue }
            var value = v
            if !objects[id].type.isInvalid { value = assignConvert(v, to: objects[id].type) }
            if Lowering.isStatic(value) { continue }
            let dst = spec.names[i].isBlank ? nil : globalName(id)
            initStmts.append(.assign(id: newStmtID(), pos: spec.pos, dst: dst, src: value))
        }
    }

    func globalName(_ id: ObjectID) -> IRNode {
        let n = IRNode(.name, objects[id].pos, objects[id].type)
        n.object = id
        n.text = objects[id].name
        return n
    }

    /// Whether Go's static initialiser can lay this value out at compile
    /// time (constants, addresses of globals and of such literals, literals
    /// of those, function literals that capture nothing).
    static func isStatic(_ n: IRNode) -> Bool {
        switch n.op {
        case .literal, .nilValue, .typeNode: return true
        case .name: return true
        case .closure: return true
        case .pointerLit: return n.x.map(isStatic) ?? false
        case .addr: return n.x?.op == .name
        case .structLit, .arrayLit, .sliceLit: return n.list.allSatisfy(isStatic)
        case .structKey, .key: return n.y.map(isStatic) ?? true
        case .convIface, .convNop, .conv: return n.x.map(isStatic) ?? false
        default: return false
        }
    }
}
