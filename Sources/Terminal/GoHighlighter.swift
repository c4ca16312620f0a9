import TextKit

/// Colours Go source for display: keywords, built-ins and types, strings,
/// numbers and comments. A display aid only; it never rejects input.
public enum GoHighlighter {
    static let keywords: Set<String> = ["break", "case", "chan", "const", "continue", "default", "defer", "else",
        "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
        "return", "select", "struct", "switch", "type", "var"]
    static let builtins: Set<String> = ["append", "cap", "close", "copy", "delete", "len", "make", "new", "panic",
        "print", "println", "recover", "nil", "true", "false", "iota"]
    static let types: Set<String> = ["int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32",
        "uint64", "uintptr", "float32", "float64", "string", "bool", "byte", "rune", "any", "error"]

    public static func highlight(_ source: String) -> String {
        var out = ""
        let chars = Array(source)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "/" && i + 1 < chars.count && chars[i + 1] == "/" {
                var j = i
                while j < chars.count && chars[j] != "\n" { j += 1 }
                out += Ink.paint(String(chars[i..<j]), .grey)
                i = j
            } else if c == "/" && i + 1 < chars.count && chars[i + 1] == "*" {
                var j = i + 2
                while j + 1 < chars.count && !(chars[j] == "*" && chars[j + 1] == "/") { j += 1 }
                j = min(j + 2, chars.count)
                out += String(chars[i..<j]).split(separator: "\n", omittingEmptySubsequences: false)
                    .map { Ink.paint(String($0), .grey) }.joined(separator: "\n")
                i = j
            } else if c == "\"" || c == "'" || c == "`" {
                var j = i + 1
                while j < chars.count && chars[j] != c && (c == "`" || chars[j] != "\n") {
                    if chars[j] == "\\" && c != "`" { j += 1 }
                    j += 1
                }
                j = min(j + 1, chars.count)
                out += String(chars[i..<j]).split(separator: "\n", omittingEmptySubsequences: false)
                    .map { Ink.paint(String($0), .green) }.joined(separator: "\n")
                i = j
            } else if c.isLetter || c == "_" {
                var j = i
                while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "_") { j += 1 }
                let word = String(chars[i..<j])
                if keywords.contains(word) { out += Ink.paint(word, .magenta) }
                else if builtins.contains(word) { out += Ink.paint(word, .blue) }
                else if types.contains(word) { out += Ink.paint(word, .cyan) }
                else { out += word }
                i = j
            } else if c.isNumber {
                var j = i
                while j < chars.count && (chars[j].isHexDigit || chars[j] == "x" || chars[j] == "." || chars[j] == "_") { j += 1 }
                out += Ink.paint(String(chars[i..<j]), .yellow)
                i = j
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }
}
