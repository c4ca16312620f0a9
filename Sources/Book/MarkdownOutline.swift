import CCMark
import TextKit

/// The top-level blocks of a Markdown document with their line ranges, as
/// cmark sees them. The loader cuts steps and directives out of this.
struct MarkdownOutline {
    enum Kind: Equatable {
        case heading(level: Int, text: String)
        /// A fenced code block: its info string, its body, and whether a
        /// closing fence was found.
        case fence(info: String, body: String, closed: Bool)
        case other
    }

    struct Node {
        var kind: Kind
        var startLine: Int
        var endLine: Int
        var startColumn: Int
    }

    var nodes: [Node] = []

    init(_ text: String) {
        let lines = text.splitLines()
        let bytes = Array(text.utf8)
        guard let doc = bytes.withUnsafeBufferPointer({ buf in
            buf.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    cmark_parse_document($0, buf.count, CMARK_OPT_DEFAULT)
                }
            } ?? cmark_parse_document("", 0, CMARK_OPT_DEFAULT)
        }) else { return }
        defer { cmark_node_free(doc) }
        var node = cmark_node_first_child(doc)
        while let n = node {
            let start = Int(cmark_node_get_start_line(n))
            var end = Int(cmark_node_get_end_line(n))
            if end < start { end = start }
            let column = Int(cmark_node_get_start_column(n))
            let kind: Kind
            switch cmark_node_get_type(n) {
            case CMARK_NODE_HEADING:
                kind = .heading(level: Int(cmark_node_get_heading_level(n)), text: Self.plainText(n))
            case CMARK_NODE_CODE_BLOCK:
                let info = cmark_node_get_fence_info(n).map { String(cString: $0) } ?? ""
                let body = cmark_node_get_literal(n).map { String(cString: $0) } ?? ""
                let first = start - 1 < lines.count ? lines[start - 1].trimmingSpaces() : ""
                let isFenced = first.hasPrefix("```") || first.hasPrefix("~~~")
                if isFenced {
                    let fenceChar: Character = first.first!
                    let last = end - 1 < lines.count ? lines[end - 1].trimmingSpaces() : ""
                    let closed = end > start && last.hasPrefix(String(repeating: fenceChar, count: 3))
                        && last.allSatisfy { $0 == fenceChar }
                    kind = .fence(info: info.trimmingSpaces(), body: body, closed: closed)
                } else {
                    kind = .other
                }
            default:
                kind = .other
            }
            nodes.append(Node(kind: kind, startLine: start, endLine: end, startColumn: max(column, 1)))
            node = cmark_node_next(n)
        }
    }

    /// The text of a heading without its markup.
    static func plainText(_ node: OpaquePointer) -> String {
        var out = ""
        guard let iter = cmark_iter_new(node) else { return out }
        defer { cmark_iter_free(iter) }
        while cmark_iter_next(iter) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iter) == CMARK_EVENT_ENTER, let n = cmark_iter_get_node(iter) else { continue }
            switch cmark_node_get_type(n) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let lit = cmark_node_get_literal(n) { out += String(cString: lit) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                out += " "
            default:
                break
            }
        }
        return out
    }
}
