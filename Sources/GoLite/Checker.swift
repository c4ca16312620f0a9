import TextKit

/// The GoLite type checker: resolves every name, gives every expression a
/// type (untyped constants get the type their context asks for), folds
/// constants and records what it found in `TypeInfo`. It reports errors in
/// the wording of Go 1.19's type checker; when there are several it throws
/// the one that comes first in the file, as `go build` lists them.
///
/// Package-level declarations may appear in any order, so they are resolved
/// on demand: using a name checks its declaration first.
struct Checker {
    var file: SourceFile
    var info: TypeInfo
    var errors: [GoLiteError] = []
    /// Errors Go reports only when there are no others.
    var softErrors: [GoLiteError] = []

    // Scopes: the universe, the package, then one per block.
    var universe: [String: ObjectID] = [:]
    var packageScope: [String: ObjectID] = [:]
    var scopes: [[String: ObjectID]] = []

    var errorType: GoType = .invalid
    /// Imported package name → (object, used).
    var imports: [String: (object: ObjectID, used: Bool, pos: Pos, path: String)] = [:]

    // Package-level resolution state.
    enum GlobalState { case unresolved, inProgress, done }
    var globalState: [ObjectID: GlobalState] = [:]
    /// Where each package-level const/var is declared: decl index and name index.
    var globalDecl: [ObjectID: (decl: Int, name: Int)] = [:]
    var typeDeclOf: [ObjectID: TypeSpec] = [:]
    var namedOf: [ObjectID: NamedType] = [:]

    // Function context.
    struct FuncContext {
        var function: Int
        var results: [GoType]
        var scopeDepth: Int
        var namedResults: Bool
    }
    var funcStack: [FuncContext] = []
    /// Local variables declared so far, to report the unused ones.
    var usedVars: Set<ObjectID> = []
    var localVars: [ObjectID] = []
    /// Loop / switch nesting for break and continue.
    var breakable: [Bool] = []   // true for loops
    var iotaValue: Int? = nil
    var closureCounter: [Int: Int] = [:]

    init(file: SourceFile) {
        self.file = file
        self.info = TypeInfo(nodeCount: file.nodeCount)
    }

    static func check(_ file: SourceFile) throws(GoLiteError) -> Program {
        var c = Checker(file: file)
        let declared = c.run()
        // Like Go, unused variables and imports and a missing main are only
        // reported when nothing else is wrong.
        let hard = c.errors.filter { !c.softErrors.contains($0) }
        if let first = (hard.isEmpty ? c.errors : hard).min(by: { $0.pos < $1.pos }) { throw first }
        return Program(file: c.file, info: c.info, declaredFunctions: declared)
    }

    // MARK: - Errors

    mutating func error(_ pos: Pos, _ message: String) {
        errors.append(.type(pos, message))
    }

    mutating func softError(_ pos: Pos, _ message: String) {
        let e = GoLiteError.type(pos, message)
        errors.append(e)
        softErrors.append(e)
    }

    mutating func unsupported(_ pos: Pos, _ feature: String) {
        errors.append(.unsupported(pos, feature))
    }

    // MARK: - Objects and scopes

    mutating func newObject(_ o: Object) -> ObjectID {
        info.objects.append(o)
        return info.objects.count - 1
    }

    mutating func declare(_ ident: Ident, _ o: Object) -> ObjectID {
        let id = newObject(o)
        info.defs[ident.id] = id
        if ident.isBlank { return id }
        if scopes.isEmpty {
            if let old = packageScope[ident.name] {
                error(ident.pos, ident.name + " redeclared in this block")
                _ = old
            } else {
                packageScope[ident.name] = id
            }
        } else {
            if scopes[scopes.count - 1][ident.name] != nil {
                error(ident.pos, ident.name + " redeclared in this block")
            }
            scopes[scopes.count - 1][ident.name] = id
        }
        return id
    }

    func lookup(_ name: String) -> ObjectID? {
        for s in scopes.reversed() { if let id = s[name] { return id } }
        if let id = packageScope[name] { return id }
        return universe[name]
    }

    mutating func pushScope() { scopes.append([:]) }
    mutating func popScope() { scopes.removeLast() }

    var currentFunction: Int? { funcStack.last?.function }

    // MARK: - Universe

    mutating func makeUniverse() {
        let basics: [BasicKind] = [.bool, .int, .int8, .int16, .int32, .int64, .uint, .uint8, .uint16, .uint32,
                                   .uint64, .uintptr, .float32, .float64, .string, .byte, .rune]
        for k in basics {
            universe[k.rawValue] = newObject(Object(kind: .typeName, name: k.rawValue, pos: .none, type: .basic(k)))
        }
        let err = NamedType(name: "error", package: nil, pos: .none)
        err.underlying = .interface([InterfaceMethod(name: "Error", signature: FuncSignature(params: [], results: [.string]))])
        errorType = .named(err)
        universe["error"] = newObject(Object(kind: .typeName, name: "error", pos: .none, type: errorType))
        universe["any"] = newObject(Object(kind: .typeName, name: "any", pos: .none, type: .any))
        var t = Object(kind: .constant, name: "true", pos: .none, type: .basic(.untypedBool))
        t.constant = .bool(true)
        universe["true"] = newObject(t)
        var f = Object(kind: .constant, name: "false", pos: .none, type: .basic(.untypedBool))
        f.constant = .bool(false)
        universe["false"] = newObject(f)
        universe["iota"] = newObject(Object(kind: .constant, name: "iota", pos: .none, type: .basic(.untypedInt)))
        universe["nil"] = newObject(Object(kind: .nilValue, name: "nil", pos: .none, type: .basic(.untypedNil)))
        for b in Builtin.allCases {
            var o = Object(kind: .builtin, name: b.rawValue, pos: .none, type: .invalid)
            o.builtin = b
            universe[b.rawValue] = newObject(o)
        }
        for name in ["complex", "real", "imag", "complex64", "complex128", "unsafe"] {
            universe[name] = newObject(Object(kind: .builtin, name: name, pos: .none, type: .invalid))
        }
    }

    // MARK: - The file

    mutating func run() -> [Int] {
        makeUniverse()
        for imp in file.imports { importPackage(imp) }
        collectPackageDecls()
        // Types first (their underlying types), then methods, then signatures.
        for (i, d) in file.decls.enumerated() {
            if case .typeDecl(let t) = d, let id = info.defs[t.name.id] {
                resolveType(id)
                _ = i
            }
        }
        checkRecursiveTypes()
        var declared: [Int] = []
        for d in file.decls {
            if case .funcDecl(let f) = d { declared.append(declareFunction(f)) }
        }
        // Constants and variables, in source order (dependencies pull others forward).
        for d in file.decls {
            switch d {
            case .constDecl(let s):
                for n in s.names { if let id = info.defs[n.id] { resolveGlobal(id) } }
            case .varDecl(let s):
                for n in s.names { if let id = info.defs[n.id] { resolveGlobal(id) } }
            default: break
            }
        }
        var k = 0
        for d in file.decls {
            if case .funcDecl(let f) = d {
                checkFunctionBody(f, function: declared[k])
                k += 1
            }
        }
        for (_, imp) in imports.sorted(by: { $0.value.pos < $1.value.pos }) where !imp.used {
            softError(imp.pos, "\"" + imp.path + "\" imported and not used")
        }
        if file.packageName.name == "main" && packageScope["main"] == nil {
            softError(Pos(line: 1, column: 1), "function main is undeclared in the main package")
        }
        return declared
    }

    mutating func importPackage(_ imp: ImportDecl) {
        if imp.name != nil {
            unsupported(imp.pos, L("renamed imports"))
            return
        }
        guard let contents = Packages.make(imp.path, error: errorType) else {
            unsupported(imp.pathPos, L("the package \"{0}\" (GoLite offers fmt and testing)", imp.path))
            return
        }
        var o = Object(kind: .package, name: imp.path, pos: imp.pathPos, type: .invalid)
        o.package = imp.path
        let id = newObject(o)
        if imports[imp.path] != nil {
            error(imp.pathPos, imp.path + " redeclared in this block")
        }
        imports[imp.path] = (id, false, imp.pathPos, imp.path)
        packageScope[imp.path] = id
        packageContents[imp.path] = contents
    }

    var packageContents: [String: Packages.Contents] = [:]

    /// Creates objects for every package-level name so uses can find them
    /// before their declarations are checked.
    mutating func collectPackageDecls() {
        for (di, d) in file.decls.enumerated() {
            switch d {
            case .typeDecl(let t):
                if t.isAlias { unsupported(t.pos, L("type aliases")) }
                let named = NamedType(name: t.name.name, package: nil, pos: t.name.pos)
                let id = declare(t.name, Object(kind: .typeName, name: t.name.name, pos: t.name.pos, type: .named(named)))
                typeDeclOf[id] = t
                namedOf[id] = named
                globalState[id] = .unresolved
                info.namedTypes.append(named)
            case .constDecl(let s):
                for (ni, n) in s.names.enumerated() {
                    var o = Object(kind: .constant, name: n.name, pos: n.pos, type: .invalid)
                    o.storage = .global
                    let id = declare(n, o)
                    globalState[id] = .unresolved
                    globalDecl[id] = (di, ni)
                }
            case .varDecl(let s):
                for (ni, n) in s.names.enumerated() {
                    var o = Object(kind: .variable, name: n.name, pos: n.pos, type: .invalid)
                    o.storage = .global
                    let id = declare(n, o)
                    globalState[id] = .unresolved
                    globalDecl[id] = (di, ni)
                }
            case .funcDecl(let f):
                if f.receiver == nil {
                    if f.name.name == "init" {
                        info.defs[f.name.id] = newObject(Object(kind: .function, name: "init", pos: f.name.pos, type: .invalid))
                    } else {
                        _ = declare(f.name, Object(kind: .function, name: f.name.name, pos: f.name.pos, type: .invalid))
                    }
                }
            }
        }
    }

    // MARK: - Named types

    mutating func resolveType(_ id: ObjectID) {
        guard globalState[id] == .unresolved, let spec = typeDeclOf[id], let named = namedOf[id] else { return }
        globalState[id] = .inProgress
        named.underlying = typeExpr(spec.type).underlying
        globalState[id] = .done
    }

    /// A struct or array that contains itself by value has no size.
    mutating func checkRecursiveTypes() {
        var reported: Set<NamedType> = []
        func contains(_ t: GoType, _ target: NamedType, _ seen: inout Set<NamedType>) -> Bool {
            switch t {
            case .named(let n):
                if n === target { return true }
                if seen.contains(n) { return false }
                seen.insert(n)
                return contains(n.underlying, target, &seen)
            case .array(_, let e): return contains(e, target, &seen)
            case .structure(let fields): return fields.contains { contains($0.type, target, &seen) }
            default: return false
            }
        }
        for named in info.namedTypes where !reported.contains(named) {
            var seen: Set<NamedType> = []
            if contains(named.underlying, named, &seen) {
                reported.insert(named)
                error(named.pos, "invalid recursive type " + named.name)
                named.underlying = .invalid
            }
        }
    }

    // MARK: - Functions

    /// Go's name for a function: `f`, `T.m`, `(*T).m`.
    func functionName(_ f: FuncDecl, receiverType: GoType?) -> String {
        guard let r = receiverType else { return f.name.name }
        if case .pointer(let base) = r { return "(*" + base.description + ")." + f.name.name }
        return r.description + "." + f.name.name
    }

    /// Checks a function's signature and records it (the body comes later).
    mutating func declareFunction(_ f: FuncDecl) -> Int {
        var receiverType: GoType? = nil
        var receiverNamed: NamedType? = nil
        if let r = f.receiver {
            let t = typeExpr(r.type)
            receiverType = t
            var base = t
            if case .pointer(let b) = t { base = b }
            if case .named(let n) = base, n.package == nil, !n.underlying.isPointer, !n.underlying.isInterface, !base.isInvalid {
                receiverNamed = n
            } else if !t.isInvalid {
                error(r.type.pos, "invalid receiver type " + t.checkerDescription)
            }
        }
        let sig = signature(f.signature)
        let index = info.functions.count
        info.functions.append(FunctionInfo(name: functionName(f, receiverType: receiverType), pos: f.name.pos,
                                           signature: sig, receiver: nil, params: [], results: [], parent: nil,
                                           captures: [], isLiteral: false, nodeID: f.name.id))
        if let id = info.defs[f.name.id] {
            info.objects[id].type = .function(sig)
            info.objects[id].function = index
        }
        if f.name.name == "main" && f.receiver == nil && (!sig.params.isEmpty || !sig.results.isEmpty) {
            error(f.name.pos, "func main must have no arguments and no return values")
        }
        if f.name.name == "init" && f.receiver == nil && (!sig.params.isEmpty || !sig.results.isEmpty) {
            error(f.name.pos, "func init must have no arguments and no return values")
        }
        if f.body == nil { error(f.name.pos, "missing function body") }
        if let n = receiverNamed, let rt = receiverType {
            if n.method(f.name.name) != nil {
                error(f.name.pos, "method " + n.name + "." + f.name.name + " already declared")
            } else if let fields = n.underlying.structFields, fields.contains(where: { $0.name == f.name.name }) {
                error(f.name.pos, "field and method with the same name " + f.name.name)
            } else {
                n.methods.append(MethodInfo(name: f.name.name, signature: sig, pointerReceiver: rt.isPointer,
                                            function: index, external: nil))
            }
            let methodObject = newObject(Object(kind: .function, name: f.name.name, pos: f.name.pos, type: .function(sig)))
            info.objects[methodObject].function = index
            info.defs[f.name.id] = methodObject
        }
        return index
    }

    /// A function type from its syntax.
    mutating func signature(_ s: Signature) -> FuncSignature {
        var params: [GoType] = []
        var variadic = false
        for (i, p) in s.params.enumerated() {
            var t = typeExpr(p.type)
            if p.variadic {
                if i != s.params.count - 1 {
                    error(p.pos, "can only use ... with final parameter in list")
                }
                variadic = true
                t = .slice(t)
            }
            params.append(t)
        }
        let results = s.results.map { r -> GoType in
            if r.variadic { error(r.pos, "can only use ... with final parameter in list") }
            return typeExpr(r.type)
        }
        return FuncSignature(params: params, results: results, variadic: variadic)
    }

    /// Declares parameters and results in the current scope.
    mutating func declareParams(_ s: Signature, _ sig: FuncSignature, function: Int) -> ([ObjectID?], [ObjectID]) {
        var params: [ObjectID?] = []
        for (i, p) in s.params.enumerated() {
            if let n = p.name {
                var o = Object(kind: .variable, name: n.name, pos: n.pos, type: sig.params[i])
                o.storage = .param
                o.function = function
                let id = declare(n, o)
                params.append(n.isBlank ? nil : id)
            } else {
                params.append(nil)
            }
        }
        var results: [ObjectID] = []
        for (i, r) in s.results.enumerated() {
            if let n = r.name {
                var o = Object(kind: .variable, name: n.name, pos: n.pos, type: sig.results[i])
                o.storage = .result
                o.function = function
                results.append(declare(n, o))
            } else {
                var o = Object(kind: .variable, name: "~r\(i)", pos: r.pos, type: sig.results[i])
                o.storage = .result
                o.function = function
                results.append(newObject(o))
            }
        }
        return (params, results)
    }

    mutating func checkFunctionBody(_ f: FuncDecl, function: Int) {
        guard let body = f.body else { return }
        pushScope()
        if let r = f.receiver, let n = r.name {
            var o = Object(kind: .variable, name: n.name, pos: n.pos, type: typeOf(r.type))
            o.storage = .receiver
            o.function = function
            let id = declare(n, o)
            if !n.isBlank { info.functions[function].receiver = id }
        }
        let sig = info.functions[function].signature
        let (params, results) = declareParams(f.signature, sig, function: function)
        info.functions[function].params = params
        info.functions[function].results = results
        let named = f.signature.results.contains { $0.name != nil }
        funcStack.append(FuncContext(function: function, results: sig.results, scopeDepth: scopes.count, namedResults: named))
        let savedLocals = localVars
        localVars = []
        blockStmts(body.stmts)
        if !sig.results.isEmpty && !isTerminatingList(body.stmts) {
            error(body.rbrace, "missing return")
        }
        reportUnused()
        localVars = savedLocals
        funcStack.removeLast()
        popScope()
    }

    /// The type recorded for a type expression already checked.
    func typeOf(_ e: Expr) -> GoType { info.types[e.id] ?? .invalid }

    mutating func reportUnused() {
        for id in localVars where !usedVars.contains(id) {
            let o = info.objects[id]
            softError(o.pos, o.name + " declared but not used")
        }
    }

    // MARK: - Package-level constants and variables

    mutating func resolveGlobal(_ id: ObjectID) {
        guard let state = globalState[id] else { return }
        switch state {
        case .done: return
        case .inProgress:
            let o = info.objects[id]
            if o.kind == .typeName { return }
            error(o.pos, "initialization loop for " + o.name)
            globalState[id] = .done
            return
        case .unresolved: break
        }
        if info.objects[id].kind == .typeName { resolveType(id); return }
        guard let (di, ni) = globalDecl[id] else { return }
        globalState[id] = .inProgress
        // Package-level initialisers are checked outside any function.
        let savedScopes = scopes
        let savedFuncs = funcStack
        scopes = []
        funcStack = []
        switch file.decls[di] {
        case .constDecl(let spec):
            checkConstSpec(spec, only: ni)
        case .varDecl(let spec):
            checkGlobalVarSpec(spec, declIndex: di)
        default: break
        }
        scopes = savedScopes
        funcStack = savedFuncs
        globalState[id] = .done
    }

    /// A var spec at package level: all its names are resolved together.
    mutating func checkGlobalVarSpec(_ spec: VarSpec, declIndex: Int) {
        let ids = spec.names.compactMap { info.defs[$0.id] }
        for id in ids { globalState[id] = .inProgress }
        let types = varSpecTypes(spec)
        for (i, id) in ids.enumerated() {
            info.objects[id].type = types[i]
            globalState[id] = .done
            info.globals.append(id)
        }
    }

    /// Checks a var spec's values against its type and returns each name's type.
    mutating func varSpecTypes(_ spec: VarSpec) -> [GoType] {
        let declared: GoType? = spec.type.map { typeExpr($0) }
        var out = Array(repeating: declared ?? .invalid, count: spec.names.count)
        if spec.values.isEmpty {
            if declared == nil { error(spec.pos, "missing type or init expr") }
            return out
        }
        if spec.values.count == 1 && spec.names.count > 1 {
            let op = rawExpr(spec.values[0])
            let ts = tupleTypes(op, want: spec.names.count, at: spec.names[0].pos, rhs: spec.values[0], context: "assignment")
            for i in 0..<spec.names.count {
                if let d = declared {
                    if let t = ts?[i], !t.isInvalid, !assignable(t, to: d) {
                        error(spec.values[0].pos, "cannot use " + describe(spec.values[0], t) + " as " + d.checkerDescription + " value in assignment")
                    }
                } else {
                    out[i] = ts?[i] ?? .invalid
                }
            }
            return out
        }
        if spec.values.count != spec.names.count {
            let plural = spec.names.count == 1 ? "variable" : "variables"
            error(spec.values[0].startPos, "assignment mismatch: \(spec.names.count) \(plural) but \(spec.values.count) value" + (spec.values.count == 1 ? "" : "s"))
            for v in spec.values { _ = expr(v) }
            return out
        }
        for (i, v) in spec.values.enumerated() {
            var op = spec.values.count == 1 ? singleValue(v, hint: declared) : expr(v, hint: declared)
            if let d = declared {
                assign(&op, to: d, context: "variable declaration")
            } else {
                defaultType(&op, context: "assignment")
                if op.mode == .novalue { error(v.pos, Printer.expr(v) + " (no value) used as value") }
                if case .basic(.untypedNil) = op.type {
                    error(v.pos, "use of untyped nil in variable declaration")
                    op.type = .invalid
                }
                out[i] = op.type
            }
        }
        return out
    }
}
