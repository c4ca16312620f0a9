/// How a parameter of a function compiled elsewhere leaks, as recorded in
/// the export data Go writes for each package (its "escape tag"): the
/// fewest dereferences on any path to the heap and to each result, or nil
/// when there is no such path.
public struct ParamLeak: Sendable, Hashable {
    public var heap: Int?
    public var results: [Int?]

    public init(heap: Int? = nil, results: [Int?] = []) {
        self.heap = heap
        self.results = results
    }

    /// The parameter itself may be kept by the callee ("leaking param: p").
    public static let leaks = ParamLeak(heap: 0)
    /// What the parameter points to may be kept ("leaking param content: p").
    public static let contentLeaks = ParamLeak(heap: 1)
    /// Nothing reachable from the parameter outlives the call.
    public static let none = ParamLeak()
}

/// A function or method of `fmt` or `testing`: its type and the escape
/// tags that Go 1.19's own compilation of that package recorded.
public struct ExternalFunc: Sendable {
    public var package: String
    public var name: String
    public var signature: FuncSignature
    /// One entry per parameter, the receiver first for methods.
    public var leaks: [ParamLeak]
}

/// The two packages GoLite programs may import, reduced to what lessons
/// use. The tags come from compiling those packages with Go 1.19
/// (`go build -gcflags=fmt=-m fmt`); they are facts about the library, not
/// about the programs analysed.
enum Packages {
    static let supported = ["fmt", "testing"]

    struct Contents {
        var funcs: [String: ExternalFunc] = [:]
        var types: [String: NamedType] = [:]
    }

    static func make(_ path: String, error errorType: GoType) -> Contents? {
        switch path {
        case "fmt": return fmt(errorType)
        case "testing": return testing()
        default: return nil
        }
    }

    private static let anySlice = GoType.slice(.any)

    private static func fmt(_ errorType: GoType) -> Contents {
        var c = Contents()
        let printResults: [GoType] = [.int, errorType]
        func add(_ name: String, _ params: [GoType], _ results: [GoType], _ leaks: [ParamLeak]) {
            c.funcs[name] = ExternalFunc(package: "fmt", name: name,
                                         signature: FuncSignature(params: params, results: results, variadic: true),
                                         leaks: leaks)
        }
        add("Print", [anySlice], printResults, [.contentLeaks])
        add("Println", [anySlice], printResults, [.contentLeaks])
        add("Printf", [.string, anySlice], printResults, [.none, .contentLeaks])
        add("Sprint", [anySlice], [.string], [.contentLeaks])
        add("Sprintln", [anySlice], [.string], [.contentLeaks])
        add("Sprintf", [.string, anySlice], [.string], [.none, .contentLeaks])
        add("Errorf", [.string, anySlice], [errorType], [.none, .contentLeaks])
        return c
    }

    private static func testing() -> Contents {
        var c = Contents()
        // testing.common holds what tests and benchmarks share; B and T embed it.
        let common = NamedType(name: "common", package: "testing", pos: .none)
        common.underlying = .structure([StructField(name: "output", type: .slice(.byte)),
                                        StructField(name: "failed", type: .bool)])
        let commonPtr = GoType.pointer(.named(common))
        func method(_ name: String, _ params: [GoType], _ results: [GoType], variadic: Bool = false,
                    _ leaks: [ParamLeak], on recv: GoType) -> MethodInfo {
            var sig = FuncSignature(params: params, results: results, variadic: variadic)
            let ext = ExternalFunc(package: "testing", name: name,
                                   signature: FuncSignature(params: [recv] + sig.params, results: sig.results, variadic: variadic),
                                   leaks: leaks)
            sig.variadic = variadic
            return MethodInfo(name: name, signature: sig, pointerReceiver: true, function: nil, external: ext)
        }
        let leak = ParamLeak.leaks
        common.methods = [
            method("Cleanup", [.function(FuncSignature(params: [], results: []))], [], [leak, leak], on: commonPtr),
            method("Error", [anySlice], [], variadic: true, [leak, .contentLeaks], on: commonPtr),
            method("Errorf", [.string, anySlice], [], variadic: true, [leak, .none, .contentLeaks], on: commonPtr),
            method("Fail", [], [], [leak], on: commonPtr),
            method("FailNow", [], [], [leak], on: commonPtr),
            method("Failed", [], [.bool], [leak], on: commonPtr),
            method("Fatal", [anySlice], [], variadic: true, [leak, .contentLeaks], on: commonPtr),
            method("Fatalf", [.string, anySlice], [], variadic: true, [leak, .none, .contentLeaks], on: commonPtr),
            method("Helper", [], [], [leak], on: commonPtr),
            method("Log", [anySlice], [], variadic: true, [leak, .contentLeaks], on: commonPtr),
            method("Logf", [.string, anySlice], [], variadic: true, [leak, .none, .contentLeaks], on: commonPtr),
            method("Name", [], [.string], [ParamLeak(heap: nil, results: [1])], on: commonPtr),
            method("Skip", [anySlice], [], variadic: true, [leak, .contentLeaks], on: commonPtr),
            method("SkipNow", [], [], [leak], on: commonPtr),
            method("Skipf", [.string, anySlice], [], variadic: true, [leak, .none, .contentLeaks], on: commonPtr),
            method("Skipped", [], [.bool], [leak], on: commonPtr),
        ]
        let b = NamedType(name: "B", package: "testing", pos: .none)
        b.underlying = .structure([StructField(name: "common", type: .named(common), embedded: true),
                                   StructField(name: "N", type: .int)])
        let bPtr = GoType.pointer(.named(b))
        b.methods = [
            method("ReportAllocs", [], [], [.none], on: bPtr),
            method("ReportMetric", [.basic(.float64), .string], [], [.none, .none, leak], on: bPtr),
            method("ResetTimer", [], [], [.none], on: bPtr),
            method("Run", [.string, .function(FuncSignature(params: [bPtr], results: []))], [.bool], [leak, leak, leak], on: bPtr),
            method("SetBytes", [.basic(.int64)], [], [.none, .none], on: bPtr),
            method("StartTimer", [], [], [.none], on: bPtr),
            method("StopTimer", [], [], [.none], on: bPtr),
        ]
        let t = NamedType(name: "T", package: "testing", pos: .none)
        t.underlying = .structure([StructField(name: "common", type: .named(common), embedded: true),
                                   StructField(name: "isParallel", type: .bool)])
        let tPtr = GoType.pointer(.named(t))
        t.methods = [
            method("Parallel", [], [], [leak], on: tPtr),
            method("Run", [.string, .function(FuncSignature(params: [tPtr], results: []))], [.bool], [leak, leak, leak], on: tPtr),
        ]
        c.types = ["B": b, "T": t]
        return c
    }
}
