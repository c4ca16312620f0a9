import TextKit

/// How one assertion fared.
public struct AssertionOutcome: Sendable {
    public var assertion: Assertion
    public var passed: Bool
    /// What to tell the learner when it failed: the author's message with
    /// its holes filled, or a description of what the state holds instead.
    public var message: String?
}

/// The result of `check`: every assertion's outcome.
public struct CheckReport: Sendable {
    public var outcomes: [AssertionOutcome]
    public var passed: Bool { outcomes.allSatisfy(\.passed) }
    public var firstFailure: AssertionOutcome? { outcomes.first { !$0.passed } }
}

public enum Checker {
    /// Evaluates every assertion against one snapshot of the state.
    public static func run(_ assertions: [Assertion], on state: any StateProvider) -> CheckReport {
        let evaluator = Evaluator(state)
        return CheckReport(outcomes: assertions.map { outcome(of: $0, evaluator) })
    }

    static func outcome(of a: Assertion, _ evaluator: Evaluator) -> AssertionOutcome {
        do {
            let v = try evaluator.evaluate(a.expression)
            guard case .bool(let ok) = v else {
                return AssertionOutcome(assertion: a, passed: false,
                                        message: L("`{0}` is {1}, not true or false", a.source, v.literal))
            }
            if ok { return AssertionOutcome(assertion: a, passed: true, message: nil) }
            let text = a.message?.render(with: evaluator) ?? explanation(of: a, evaluator)
            return AssertionOutcome(assertion: a, passed: false, message: text)
        } catch {
            let text = a.message?.render(with: evaluator) ?? L("`{0}` cannot be evaluated: {1}", a.source, error.message)
            return AssertionOutcome(assertion: a, passed: false, message: text)
        }
    }

    /// "`heap.blocks == 0` does not hold: heap.blocks is 2."
    static func explanation(of a: Assertion, _ evaluator: Evaluator) -> String {
        var text = L("`{0}` does not hold", a.source)
        if case .binary(let op, let l, let r, _) = a.expression, op != .and, op != .or {
            var parts: [String] = []
            for side in [l, r] {
                if case .literal = side { continue }
                if let v = try? evaluator.evaluate(side) {
                    parts.append(L("{0} is {1}", Evaluator.text(side), v.literal))
                }
            }
            if !parts.isEmpty { text += ": " + parts.joined(separator: ", ") }
        }
        return text
    }
}
