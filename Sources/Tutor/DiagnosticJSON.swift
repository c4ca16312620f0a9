import Foundation
import TextKit

/// Diagnostics as JSON for editors and CI: an array of
/// `{"file", "line", "column", "severity", "message"}` objects, in the order
/// lint found them. The message carries the "did you mean" hint too.
public enum DiagnosticJSON {
    struct Entry: Encodable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var message: String
    }

    public static func encode(_ diagnostics: [Diagnostic]) -> String {
        let entries = diagnostics.map { d in
            var message = d.message
            if let hint = d.hint, !hint.isEmpty { message += " (\(hint))" }
            return Entry(file: d.location.file, line: d.location.line, column: d.location.column,
                         severity: d.severity.rawValue, message: message)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(entries) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
