/// What the checker learned about a file: the type and constant value of
/// every expression, what every name refers to, and one record per
/// function. Later phases (escape analysis, an interpreter) read the AST
/// together with this; they never re-derive types.

/// A compile-time constant. Untyped constants keep exact integers up to
/// 64 bits; floats are doubles.
public enum ConstValue: Sendable, Hashable, CustomStringConvertible {
    case int(Int)
    case float(Double)
    case string([UInt8])
    case bool(Bool)

    public var intValue: Int? {
        switch self {
        case .int(let n): n
        case .float(let d): d.rounded() == d && abs(d) < 9.2e18 ? Int(d) : nil
        default: nil
        }
    }

    public var doubleValue: Double? {
        switch self {
        case .int(let n): Double(n)
        case .float(let d): d
        default: nil
        }
    }

    public var stringValue: String? {
        if case .string(let b) = self { return String(decoding: b, as: UTF8.self) }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var description: String {
        switch self {
        case .int(let n): String(n)
        case .float(let d): String(d)
        case .string(let b): "\"" + String(decoding: b, as: UTF8.self) + "\""
        case .bool(let b): b ? "true" : "false"
        }
    }
}

public enum Builtin: String, Sendable, CaseIterable {
    case append, cap, close, copy, delete, len, make, new, panic, print, println, recover
}

public typealias ObjectID = Int

/// Something a name can denote.
public struct Object: Sendable {
    public enum Kind: Sendable, Equatable {
        case variable, constant, typeName, function, builtin, package, nilValue
    }

    /// Where a variable lives.
    public enum Storage: Sendable, Equatable {
        case global, local, param, result, receiver
    }

    public var kind: Kind
    public var name: String
    public var pos: Pos
    public var type: GoType
    public var storage: Storage = .local
    /// The function (index into `TypeInfo.functions`) that declares a local,
    /// parameter or result; for `.function` objects, the function itself.
    public var function: Int?
    public var constant: ConstValue?
    public var builtin: Builtin?
    /// For names from `fmt` and `testing`.
    public var external: ExternalFunc?
    /// For `.package`: the import path.
    public var package: String?

    public init(kind: Kind, name: String, pos: Pos, type: GoType) {
        self.kind = kind
        self.name = name
        self.pos = pos
        self.type = type
    }
}

/// How a value-producing expression may be used.
public enum ExprMode: Sendable, Equatable {
    case novalue, value, variable, mapIndex, commaOK, constant, typeExpr, builtin, package
}

/// What `x.f` selects.
public enum Selection: Sendable {
    /// A field: the indices of the embedded fields walked through, then the field's.
    case field(path: [Int])
    /// A method: `path` walks embedded fields to the receiver; `value` is
    /// true when the method is used as a value (`f := x.M`).
    case method(path: [Int], named: NamedType, method: MethodInfo, value: Bool)
    /// A method of an interface value.
    case interfaceMethod(name: String, value: Bool)
    /// A name from an imported package (`fmt.Println`).
    case qualified(ObjectID)
}

/// One function body: a declared function, a method or a function literal.
public struct FunctionInfo: Sendable {
    /// The name Go gives it: `main`, `(*point).move`, `point.area`, `main.func1`, `main.func1.1`.
    public var name: String
    public var pos: Pos
    public var signature: FuncSignature
    public var receiver: ObjectID?
    /// One per parameter; nil for unnamed ones (`func f([]byte)`).
    public var params: [ObjectID?]
    /// One per result; unnamed results are named `~r0`, `~r1`, …
    public var results: [ObjectID]
    /// For function literals: the enclosing function.
    public var parent: Int?
    /// For function literals: outer variables used inside, in order of first use.
    public var captures: [ObjectID]
    public var isLiteral: Bool
    /// The AST id of the declaration's name (declared functions) or the literal.
    public var nodeID: Int
}

public struct TypeInfo: Sendable {
    /// By expression id: the expression's type (for type expressions, the type denoted).
    public var types: [GoType?]
    public var modes: [ExprMode]
    /// By expression id: values of constant expressions.
    public var constants: [Int: ConstValue]
    /// By expression id: the object a name (or qualified name) refers to.
    public var uses: [Int: ObjectID]
    /// By `Ident` id: the object a declaration introduces.
    public var defs: [Int: ObjectID]
    public var selections: [Int: Selection]
    public var objects: [Object]
    public var functions: [FunctionInfo]
    /// By function-literal expression id: its function.
    public var literalFunctions: [Int: Int]
    /// By the `x.(type)` expression id of a type switch: the variable each clause declares.
    public var typeSwitchVars: [Int: [ObjectID]]
    /// Package-level variables in initialisation order.
    public var globals: [ObjectID]
    /// Named types declared in the file, in declaration order.
    public var namedTypes: [NamedType]

    init(nodeCount: Int) {
        types = Array(repeating: nil, count: nodeCount)
        modes = Array(repeating: .value, count: nodeCount)
        constants = [:]
        uses = [:]
        defs = [:]
        selections = [:]
        objects = []
        functions = []
        literalFunctions = [:]
        typeSwitchVars = [:]
        globals = []
        namedTypes = []
    }

    public func type(of e: Expr) -> GoType { types[e.id] ?? .invalid }
    public func constant(of e: Expr) -> ConstValue? { constants[e.id] }
    public func object(_ id: ObjectID) -> Object { objects[id] }
    public func use(_ e: Expr) -> Object? { uses[e.id].map { objects[$0] } }
}

/// A checked file: the syntax tree and what the checker learned about it.
public struct Program: Sendable {
    public var file: SourceFile
    public var info: TypeInfo
    /// The index in `info.functions` of each top-level `FuncDecl`, in `file.decls` order.
    public var declaredFunctions: [Int]

    /// Parses and checks a GoLite source file.
    public static func check(_ source: String) throws(GoLiteError) -> Program {
        let file = try Parser.parse(source)
        return try Checker.check(file)
    }
}
