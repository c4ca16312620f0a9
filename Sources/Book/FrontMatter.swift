import TextKit
import Yams

/// The YAML block between `---` lines at the top of a file.
struct FrontMatter {
    var fields: [String: String] = [:]
    /// The 1-based line each key was written on.
    var keyLines: [String: Int] = [:]
    /// The body with the front matter replaced by blank lines, so line
    /// numbers in the body are line numbers in the file.
    var body: String
    var present: Bool

    /// Splits and decodes the front matter. Values must be scalars.
    static func split(_ text: String, file: String) -> (FrontMatter, [Diagnostic]) {
        var lines = text.splitLines()
        guard let first = lines.first, first.trimmingSpaces() == "---" else {
            return (FrontMatter(body: text, present: false), [])
        }
        guard let end = lines.indices.dropFirst().first(where: {
            let t = lines[$0].trimmingSpaces()
            return t == "---" || t == "..."
        }) else {
            return (FrontMatter(body: text, present: false),
                    [Diagnostic(SourceLocation(file: file, line: 1, column: 1), L("front matter starts with `---` but never ends: close it with a `---` line"))])
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        for i in 0...end { lines[i] = "" }
        var matter = FrontMatter(body: lines.joined(separator: "\n"), present: true)
        var diagnostics: [Diagnostic] = []
        do {
            // Values are read as text: the basic resolver skips the default
            // one's regular expressions (a tenth of `memlane toc`).
            // (`.utf8` given outright: the default reads the environment on every call.)
            guard let node = try Yams.compose(yaml: yaml, .basic, .default, .utf8) else { return (matter, []) }
            guard let mapping = node.mapping else {
                return (matter, [Diagnostic(SourceLocation(file: file, line: 2, column: 1), L("front matter must be `key: value` lines"))])
            }
            for (key, value) in mapping {
                let keyText = key.string ?? ""
                let line = (key.mark?.line ?? 1) + 1
                let column = key.mark?.column ?? 1
                matter.keyLines[keyText] = line
                guard let scalar = value.scalar else {
                    diagnostics.append(Diagnostic(SourceLocation(file: file, line: line, column: column),
                                                  L("`{0}` must be a single value", Sanitizer.line(keyText))))
                    continue
                }
                matter.fields[keyText] = scalar.string
            }
        } catch let error as YamlError {
            diagnostics.append(Self.diagnostic(error, file: file))
        } catch {
            diagnostics.append(Diagnostic(SourceLocation(file: file, line: 2, column: 1), L("invalid front matter: {0}", "\(error)")))
        }
        return (matter, diagnostics)
    }

    /// A YAML error at its place in the file (the YAML starts on line 2).
    static func diagnostic(_ error: YamlError, file: String) -> Diagnostic {
        var line = 2, column = 1
        var message = "\(error)"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            line = mark.line + 1
            column = mark.column
            message = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        case .composer(let context, let problem, let mark, _):
            line = mark.line + 1
            column = mark.column
            message = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        default:
            break
        }
        return Diagnostic(SourceLocation(file: file, line: line, column: max(column, 1)),
                          L("invalid front matter: {0}", message))
    }
}
