import Grader
import Simulators

/// Reads a state path or expression the way a lesson's `check` does.
func stateValue(_ provider: some StateProvider, _ expression: String) throws -> Value {
    try Evaluator(provider).evaluate(ExpressionParser.parse(expression))
}

/// Every path from the root of a state tree to a leaf (a value that is not
/// a record, or an empty record), so tests can ask whether each is documented.
func leafPaths(of value: Value, under prefix: [String] = []) -> [[String]] {
    guard case .record(let r) = value, !r.keys.isEmpty else { return [prefix] }
    return r.pairs.flatMap { key, child in leafPaths(of: child, under: prefix + [key]) }
}
