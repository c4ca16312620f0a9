import CCMark
import TextKit

/// SUMMARY.md: the book's order, as Markdown links (the mdBook convention),
/// with optional front matter naming the book (`id`, `title`, `version`).
struct SummaryParser {
    struct Entry {
        var title: String
        var path: String
        var location: SourceLocation
    }

    static let keys = ["id", "title", "version"]

    var entries: [Entry] = []
    var fields: [String: String] = [:]
    /// The line each front matter key is on.
    var keyLines: [String: Int] = [:]
    var diagnostics: [Diagnostic] = []

    init(_ rawText: String, file: String) {
        let text = Sanitizer.clean(rawText)
        let (matter, errors) = FrontMatter.split(text, file: file)
        diagnostics += errors
        fields = matter.fields
        keyLines = matter.keyLines
        for key in fields.keys.sorted() where !Self.keys.contains(key) {
            diagnostics.append(Diagnostic(SourceLocation(file: file, line: matter.keyLines[key] ?? 2, column: 1),
                                          L("unknown SUMMARY.md key `{0}`", Sanitizer.line(key)) + Suggestion.hint(for: key, among: Self.keys)))
        }
        let lines = matter.body.splitLines()
        let bytes = Array(matter.body.utf8)
        guard let doc = bytes.withUnsafeBufferPointer({ buf in
            buf.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buf.count) { cmark_parse_document($0, buf.count, CMARK_OPT_DEFAULT) }
            } ?? cmark_parse_document("", 0, CMARK_OPT_DEFAULT)
        }), let iter = cmark_iter_new(doc) else { return }
        defer { cmark_iter_free(iter); cmark_node_free(doc) }
        var searchFrom: [Int: Int] = [:]
        while cmark_iter_next(iter) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iter) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter),
                  cmark_node_get_type(node) == CMARK_NODE_LINK else { continue }
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            if url.isEmpty { continue } // an mdBook draft chapter
            var block: OpaquePointer? = node
            while let b = block, cmark_node_get_start_line(b) == 0 { block = cmark_node_parent(b) }
            let line = block.map { Int(cmark_node_get_start_line($0)) } ?? 1
            var column = 1
            if line >= 1 && line <= lines.count {
                let chars = Array(lines[line - 1])
                let target = Array("](" + url)
                var i = searchFrom[line] ?? 0
                while i + target.count <= chars.count {
                    if Array(chars[i..<(i + target.count)]) == target { column = i + 3; searchFrom[line] = i + 1; break }
                    i += 1
                }
            }
            entries.append(Entry(title: MarkdownOutline.plainText(node), path: url,
                                 location: SourceLocation(file: file, line: line, column: column)))
        }
    }
}
