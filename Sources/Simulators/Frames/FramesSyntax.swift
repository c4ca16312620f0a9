import TextKit

/// Reading the C-like forms `NAME = INT`, `P = &NAME`, `*P = INT` and `*P`.
enum FramesSyntax {
    /// Splits `LEFT = RIGHT` (spaces optional) or fails with the usage.
    static func assignment(_ command: Command, usage: String) throws(SimulatorError) -> (left: String, right: String) {
        let parts = command.rest.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw SimulatorError(L("usage: {0}", usage)) }
        let left = parts[0].trimmingCharacters(in: .whitespaces)
        let right = parts[1].trimmingCharacters(in: .whitespaces)
        guard !left.isEmpty, !right.isEmpty, !left.contains(" "), !right.contains(" ") else {
            throw SimulatorError(L("usage: {0}", usage))
        }
        return (left, right)
    }

    /// A number for a local or a memory word.
    static func integer(_ text: String) throws(SimulatorError) -> Int {
        guard let n = Arguments.integer(text) else {
            throw SimulatorError(L("`{0}` is not an integer", Sanitizer.line(text)),
                                 hint: L("This machine stores whole numbers such as 42, -1 or 0x10."))
        }
        return n
    }

    /// The pointer name in `*P`.
    static func dereference(_ text: String, usage: String) throws(SimulatorError) -> String {
        guard text.hasPrefix("*"), text.count > 1 else {
            throw SimulatorError(L("`{0}` is not a dereference: write `*P` for what pointer P points to", Sanitizer.line(text)),
                                 hint: L("usage: {0}", usage))
        }
        return try Arguments.name(String(text.dropFirst()), what: L("pointer name"))
    }

    /// The variable name in `&NAME`.
    static func addressOf(_ text: String, usage: String) throws(SimulatorError) -> String {
        guard text.hasPrefix("&"), text.count > 1 else {
            throw SimulatorError(L("`{0}` is not an address: write `&NAME` for the address of local NAME", Sanitizer.line(text)),
                                 hint: L("usage: {0}", usage))
        }
        return try Arguments.name(String(text.dropFirst()), what: L("variable name"))
    }
}
