import Grader
import Simulators
import TextKit
import Tutor

/// A random `check` block: CheckParser, then every assertion evaluated by
/// Checker against simulators with something in them, and each value an
/// expression yields printed back as a literal that reads back the same.
enum AssertionTarget {
    static var target: FuzzTarget {
        FuzzTarget(name: "assertion", dictionary: [
            "==", "!=", "<=", ">=", "&&", "||", "!", " in ", "=>", "\"", "{", "}", "{{", "}}", "(", ")", "[", "]", ",", ".",
            "len(", "sorted(", "sum(", "min(", "max(", "abs(", "true", "false", "nil", "0x", "KiB", "MiB", "TiB",
            "reg.r0", "mem[0x10]", "vars.age", "steps", "arena.count", "objects.p.count", "heap.garbage", "mark.done",
            "layout.spans", "cost", "9223372036854775807", "\\n", "\\t", "\\u{1b}", "#",
        ], test: run)
    }

    /// Small states the assertions read, made once: simulators are values
    /// and evaluation only reads them.
    nonisolated(unsafe) static let states: [any StateProvider] = makeStates()

    static func makeStates() -> [any StateProvider] {
        var providers: [any StateProvider] = [EmptyState()]
        let setups = [
            "asm": [".var age", "store [age], 24", "mov r1, 3"],
            "arena": ["arena new a", "arena alloc a p 64 3", "new h 32 2", "drop h"],
            "greentea": ["layout dense 200", "mark greentea 5"],
        ]
        for name in SimulatorCatalog.names {
            guard var sim = SimulatorCatalog.make(name) else { continue }
            for line in setups[name] ?? [] { _ = try? sim.run(line) }
            providers.append(sim)
        }
        return providers
    }

    static func run(_ input: inout FuzzInput) {
        let body = input.rest()
        let (assertions, errors) = FuzzCheck.timed("parse") { CheckParser.parse(body) }
        for e in errors {
            FuzzCheck.require(e.line >= 1 && e.column >= 1, "error at \(e.line):\(e.column): \(e.message)")
            FuzzCheck.printable(e.message, "a check error")
        }
        for a in assertions {
            _ = a.expression.paths
            _ = a.expression.calls
        }
        for state in states {
            let report = FuzzCheck.timed("check") { Checker.run(assertions, on: state) }
            for outcome in report.outcomes {
                if let message = outcome.message { FuzzCheck.printable(message, "a check message") }
            }
            let evaluator = Evaluator(state)
            for a in assertions {
                guard let value = try? evaluator.evaluate(a.expression) else { continue }
                FuzzCheck.printable(value.literal, "a value")
                readsBack(value)
            }
        }
    }

    /// `eval` prints values as literals; what has a literal syntax must
    /// parse back to the same value.
    static func readsBack(_ value: Value) {
        guard hasLiteralSyntax(value) else { return }
        let literal = value.literal
        do {
            let again = try Evaluator(EmptyState()).evaluate(ExpressionParser.parse(literal))
            FuzzCheck.require(again == value, "\(literal) reads back as \(again.literal)")
        } catch {
            FuzzCheck.fail("the literal \(literal.debugDescription) does not read back: \(error.message)")
        }
    }

    static func hasLiteralSyntax(_ value: Value) -> Bool {
        switch value {
        case .record: false
        case .list(let items): items.count <= 1000 && items.allSatisfy(hasLiteralSyntax)
        default: true
        }
    }
}
