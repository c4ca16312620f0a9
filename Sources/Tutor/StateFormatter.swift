import Grader
import Terminal
import TextKit

/// Prints a state tree as an indented outline: records open a level, other
/// values are written as the assertion language reads them, long lists
/// wrapped.
public enum StateFormatter {
    public static func tree(_ value: Value, width: Int) -> String {
        var lines: [String] = []
        emit(value, name: nil, indent: "", width: width, into: &lines)
        return lines.joined(separator: "\n")
    }

    static func emit(_ value: Value, name: String?, indent: String, width: Int, into lines: inout [String]) {
        if case .record(let r) = value {
            var childIndent = indent
            if let name {
                lines.append(indent + Ink.paint(name, .bold))
                childIndent += "  "
            }
            if r.count == 0 { lines.append(childIndent + Ink.paint("{}", .grey)) }
            for (k, v) in r.pairs { emit(v, name: k, indent: childIndent, width: width, into: &lines) }
            return
        }
        let label = name.map { Ink.paint($0, .bold) + " = " } ?? ""
        let hang = indent + String(repeating: " ", count: (name?.count ?? 0) + 3)
        lines += TextWrapper.wrap(Sanitizer.line(value.literal), width: width, firstIndent: indent + label, indent: hang)
    }
}
