import TextKit

/// A GoLite program compiled for the interpreter, together with what the
/// escape analysis decided about it (the same decisions `memlane escape`
/// prints: both come from one analysis of one IR).
public final class Executable: @unchecked Sendable {
    // Immutable after compilation, except for the type registry and method
    // caches, which only the single machine running the program touches.
    public let source: String
    public let diagnostics: [EscapeDiagnostic]
    let program: Program
    let functions: [CompiledFunction]
    let sites: [AllocSite]
    let registry: TypeRegistry
    let emptyString: MemBlock
    let globalTemplate: [GoValue]
    let globalBytes: Int
    let initFunction: Int
    let mainFunction: Int?
    let runtimeTypes: RuntimeErrorTypes
    /// A function with one instruction, where finished goroutines stand.
    let halt: CompiledFunction
    private let functionValues: [FuncValue]
    /// `TestXxx(t *testing.T)` and `BenchmarkXxx(b *testing.B)`, in file order.
    public let tests: [String]
    public let benchmarks: [String]
    let testFunctions: [Int]
    let benchmarkFunctions: [Int]

    init(source: String, diagnostics: [EscapeDiagnostic], program: Program, compiler pc: ProgramCompiler,
         functions: [CompiledFunction]) {
        self.source = source
        self.diagnostics = diagnostics
        self.program = program
        self.functions = functions
        registry = pc.registry
        emptyString = pc.emptyString
        globalTemplate = pc.globalTemplate
        globalBytes = pc.globalBytes
        initFunction = pc.initIndex
        runtimeTypes = RuntimeErrorTypes(pc.registry)
        sites = pc.sites
        functionValues = functions.indices.map { pc.functionValues[$0] ?? FuncValue(function: $0) }
        let h = CompiledFunction(index: -1, name: "halt")
        h.code = [.halt]
        h.lines = [0]
        h.seal()
        halt = h
        var main: Int? = nil
        var tests: [(String, Int)] = []
        var benchmarks: [(String, Int)] = []
        var k = 0
        for d in program.file.decls {
            guard case .funcDecl(let f) = d else { continue }
            let index = program.declaredFunctions[k]
            k += 1
            guard f.receiver == nil else { continue }
            let name = f.name.name
            let sig = program.info.functions[index].signature
            if name == "main" { main = index }
            if Executable.isTestName(name, prefix: "Test"), Executable.takesTesting(sig, "T") { tests.append((name, index)) }
            if Executable.isTestName(name, prefix: "Benchmark"), Executable.takesTesting(sig, "B") { benchmarks.append((name, index)) }
        }
        mainFunction = main
        self.tests = tests.map(\.0)
        testFunctions = tests.map(\.1)
        self.benchmarks = benchmarks.map(\.0)
        benchmarkFunctions = benchmarks.map(\.1)
    }

    func functionValue(_ index: Int) -> FuncValue { functionValues[index] }

    /// `go test`'s rule: the prefix, then nothing or a character that is not a lower-case letter.
    static func isTestName(_ name: String, prefix: String) -> Bool {
        guard name.hasPrefix(prefix) else { return false }
        guard let next = name.dropFirst(prefix.count).first else { return true }
        return !next.isLowercase
    }

    static func takesTesting(_ sig: FuncSignature, _ type: String) -> Bool {
        guard sig.params.count == 1, sig.results.isEmpty, case .pointer(let p) = sig.params[0],
              case .named(let n) = p, n.package == "testing", n.name == type else { return false }
        return true
    }

    /// Parses, checks, analyses and compiles a program (on a large stack, as
    /// the analysis does, so deeply nested programs are safe).
    public static func compile(_ source: String) throws(GoLiteError) -> Executable {
        let result = LargeStack.run { () -> Result<Executable, GoLiteError> in
            do throws(GoLiteError) {
                let program = try Program.check(source)
                let ir = Lowering.lower(program)
                let analyzer = EscapeAnalyzer(program: ir, info: program.info)
                let diagnostics = analyzer.run()
                let pc = ProgramCompiler(program: program, ir: ir, objects: analyzer.objects, verdicts: analyzer.verdicts)
                let functions = try pc.compile()
                return .success(Executable(source: source, diagnostics: diagnostics, program: program, compiler: pc, functions: functions))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
