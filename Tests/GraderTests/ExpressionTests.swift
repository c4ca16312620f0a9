import Testing
@testable import Grader

struct FakeState: StateProvider {
    var tree: Value
    func stateTree() -> Value { tree }
    func callFunction(_ name: String, _ arguments: [Value]) throws(ExpressionError) -> Value? {
        guard name == "color" else { return nil }
        guard arguments.count == 1, case .string(let n) = arguments[0] else {
            throw ExpressionError("color takes a name", 0..<1)
        }
        return .string(n == "A" ? "black" : "white")
    }
    var functionNames: [String] { ["color"] }
}

let sample = FakeState(tree: [
    "heap": ["blocks": 2, "used": 32, "names": .strings(["A", "B"])],
    "mem": .ints([0, 1, 2, 3]),
    "gc": ["phase": "off"],
    "lost": .list([]),
])

func eval(_ text: String) throws -> Value {
    try Evaluator(sample).evaluate(ExpressionParser.parse(text))
}

@Suite struct ExpressionTests {
    @Test func literals() throws {
        #expect(try eval("0x10") == 16)
        #expect(try eval("4KiB") == 4096)
        #expect(try eval("2MiB") == .int(2 << 20))
        #expect(try eval("1_000") == 1000)
        #expect(try eval("\"a\\\"b\"") == "a\"b")
        #expect(try eval("[1, \"x\", true, nil]") == [1, "x", true, nil])
    }

    @Test func pathsIndexingAndCalls() throws {
        #expect(try eval("heap.blocks") == 2)
        #expect(try eval("mem[3]") == 3)
        #expect(try eval("heap.names[1]") == "B")
        #expect(try eval("heap[\"used\"]") == 32)
        #expect(try eval("color(\"A\")") == "black")
        #expect(try eval("len(heap.names)") == 2)
        #expect(try eval("sorted([3, 1, 2])") == [1, 2, 3])
    }

    @Test func operatorsAndPrecedence() throws {
        #expect(try eval("1 + 2 * 3") == 7)
        #expect(try eval("(1 + 2) * 3") == 9)
        #expect(try eval("heap.blocks == 2 && gc.phase == \"off\"") == true)
        #expect(try eval("heap.blocks > 5 || !(lost == [])") == false)
        #expect(try eval("\"A\" in heap.names") == true)
        #expect(try eval("\"used\" in heap") == true)
        #expect(try eval("-heap.blocks + 3") == 1)
        #expect(try eval("7 % 4") == 3)
        #expect(try eval("lost == []") == true)
    }

    @Test func errorsHaveColumnsAndSuggestions() {
        func error(_ text: String) -> ExpressionError? {
            do { _ = try eval(text); return nil } catch let e as ExpressionError { return e } catch { return nil }
        }
        #expect(error("heap.blocs")?.message.contains("`blocks`") == true)
        #expect(error("heap.blocs")?.span == 0..<10)
        #expect(error("colour(\"A\")")?.message.contains("`color`") == true)
        #expect(error("1 = 1")?.span == 2..<3)
        #expect(error("1 < 2 < 3")?.message.contains("chain") == true)
        #expect(error("1 / 0")?.message.contains("division") == true)
        #expect(error("mem[9]")?.message.contains("out of range") == true)
        #expect(error("\"open") != nil)
        #expect(error("heap.blocks +") != nil)
        #expect(error("5 && true") != nil)
    }

    @Test func deepNestingIsRefusedNotCrashed() {
        let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(throws: ExpressionError.self) { try ExpressionParser.parse(deep) }
        let bangs = String(repeating: "!", count: 10_000) + "true"
        #expect(throws: ExpressionError.self) { try ExpressionParser.parse(bangs) }
    }

    @Test func literalSyntaxRoundTrips() throws {
        let v: Value = ["a", 1, true, nil, ["x": 2]]
        #expect(v.literal == "[\"a\", 1, true, nil, {x: 2}]")
        #expect(try eval("[\"a\", 1, true, nil]") == Value.list(["a", 1, true, nil]))
    }

    /// Found by the `assertion` fuzz target: `eval` printed `"\u{0}"`, which read back as `"u{0}"`.
    @Test func everyLiteralReadsBack() throws {
        let values: [Value] = ["\u{0}", "a\u{1B}[2Jb", "\u{7F}", "tab\tnew\nline", "quote\" back\\", "日本",
                               .int(Int.min), .int(Int.max), ["\u{1}", .int(Int.min)]]
        for v in values {
            #expect(try eval(v.literal) == v, "\(v.literal)")
        }
        #expect(throws: ExpressionError.self) { try ExpressionParser.parse("\"\\u{110000}\"") }
        #expect(throws: ExpressionError.self) { try ExpressionParser.parse("\"\\u{}\"") }
        #expect(try eval("\"\\u\"") == "u")
    }

    @Test func pathsAndCallsAreCollectedForLint() throws {
        let e = try ExpressionParser.parse("mem[vars.age] == 3 && color(\"A\") in heap.names && len(lost) == 0")
        #expect(Set(e.paths.map(\.text)) == ["mem[]", "vars.age", "heap.names", "lost"])
        #expect(Set(e.calls.map(\.name)) == ["color", "len"])
    }
}
