import TextKit

/// Reading the operands of an `asm` instruction.
enum AsmOperand {
    /// `r0, [age]` → ["r0", "[age]"]; commas are optional.
    static func split(_ rest: String) -> [String] {
        let parts = rest.contains(",") ? rest.split(separator: ",") : rest.split(separator: " ")
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A number (`16`, `0x10`, `-1`), a variable (its address) or `NAME+N`.
    static func number(_ text: String, variables: [(name: String, address: Int, size: Int)]) throws(SimulatorError) -> Int {
        let t = text.replacingOccurrences(of: " ", with: "")
        if let plus = t.firstIndex(of: "+"), plus != t.startIndex {
            let base = try number(String(t[..<plus]), variables: variables)
            let offset = try number(String(t[t.index(after: plus)...]), variables: variables)
            return base + offset
        }
        if let v = variables.first(where: { $0.name == t }) { return v.address }
        if let n = Arguments.integer(t), !t.contains(where: { $0.isLetter && !"xXabcdefABCDEF".contains($0) }) { return n }
        if t.first?.isLetter == true {
            throw SimulatorError(L("`{0}` is not a declared variable", Sanitizer.line(t))
                + Suggestion.hint(for: t, among: variables.map(\.name)),
                hint: L("Declare it first with `.var {0}`.", Sanitizer.line(t)))
        }
        throw SimulatorError(L("`{0}` is not a number", Sanitizer.line(t)))
    }

    static func hex(_ n: Int) -> String {
        "0x" + (n < 16 ? "0" : "") + String(n, radix: 16, uppercase: true)
    }
}
