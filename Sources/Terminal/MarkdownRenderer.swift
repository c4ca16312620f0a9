import CCMark
import TextKit

/// CommonMark to styled terminal text through libcmark: headings,
/// paragraphs, emphasis, inline code, fenced code (Go highlighted), lists,
/// block quotes, links (text then URL) and rules, wrapped to `width`
/// display columns.
public struct MarkdownRenderer {
    public var width: Int
    /// With colour off, inline code keeps its backticks so it still stands out.
    public var color: Bool

    public init(width: Int, color: Bool) {
        self.width = max(width, 20)
        self.color = color
    }

    /// Inline code is kept on one line: its spaces become no-break spaces
    /// here and plain spaces again in `TerminalWriter`.
    static let noBreakSpace: Character = "\u{00A0}"

    /// Lists and quotes drawn inside each other before deeper ones are drawn
    /// as plain text at the last indent. cmark parses any depth without
    /// recursion, but drawing recurses and indents: a lesson of ten thousand
    /// `>` would otherwise overflow the stack and fill the screen with bars.
    public static let maxBlockNesting = 12
    /// The same for emphasis, links and images inside each other.
    public static let maxInlineNesting = 32

    public func render(_ markdown: String) -> String {
        withDocument(markdown) { doc in blocks(of: doc, first: "", rest: "", depth: 0).joined(separator: "\n") }
    }

    /// One paragraph's worth of inline Markdown, styled but not wrapped.
    public func renderInline(_ markdown: String) -> String {
        withDocument(markdown) { doc in
            var parts: [String] = []
            var child = cmark_node_first_child(doc)
            while let c = child {
                parts.append(inline(children: c, depth: 0))
                child = cmark_node_next(c)
            }
            return parts.joined(separator: " ")
        }
    }

    private func withDocument(_ markdown: String, _ body: (OpaquePointer) -> String) -> String {
        let bytes = Array(markdown.utf8)
        let doc = bytes.withUnsafeBufferPointer { buf -> OpaquePointer? in
            guard let base = buf.baseAddress else { return cmark_parse_document("", 0, CMARK_OPT_DEFAULT) }
            return base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                cmark_parse_document($0, buf.count, CMARK_OPT_DEFAULT)
            }
        }
        guard let doc else { return Sanitizer.clean(markdown) }
        defer { cmark_node_free(doc) }
        return body(doc)
    }

    // MARK: - Blocks

    /// The lines of a node's children, separated by blank lines unless the
    /// node is a tight list item.
    private func blocks(of node: OpaquePointer, first: String, rest: String, tight: Bool = false, depth: Int) -> [String] {
        var lines: [String] = []
        var child = cmark_node_first_child(node)
        var isFirst = true
        while let c = child {
            if !isFirst && !tight { lines.append(rest.trimmingTrailingSpaces) }
            lines += block(c, first: isFirst ? first : rest, rest: rest, depth: depth)
            isFirst = false
            child = cmark_node_next(c)
        }
        return lines
    }

    private func block(_ node: OpaquePointer, first: String, rest: String, depth: Int) -> [String] {
        let avail = width
        let type = cmark_node_get_type(node)
        if type == CMARK_NODE_LIST || type == CMARK_NODE_BLOCK_QUOTE,
           depth >= Self.maxBlockNesting || DisplayWidth.of(Ink.strip(rest)) > avail / 2 {
            return TextWrapper.wrap(Self.plainText(node), width: avail, firstIndent: first, indent: rest)
        }
        switch type {
        case CMARK_NODE_PARAGRAPH:
            return TextWrapper.wrap(inline(children: node, depth: 0), width: avail, firstIndent: first, indent: rest)
        case CMARK_NODE_HEADING:
            let level = Int(cmark_node_get_heading_level(node))
            let text = inline(children: node, depth: 0)
            let tones: [Tone] = level <= 2 ? [.bold, .cyan] : [.bold]
            var lines = TextWrapper.wrap(Ink.paint(text, tones), width: avail, firstIndent: first, indent: rest)
            if level <= 2 {
                let w = min(lines.map { DisplayWidth.of(Ink.strip($0)) }.max() ?? 0, avail) - DisplayWidth.of(Ink.strip(rest))
                lines.append(rest + Ink.paint(String(repeating: level == 1 ? "═" : "─", count: max(w, 3)), .cyan))
            }
            return lines
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            var code = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            if code.hasSuffix("\n") { code.removeLast() }
            return codeBlock(code, language: info.split(separator: " ").first.map(String.init) ?? "", first: first, rest: rest)
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let tight = cmark_node_get_list_tight(node) != 0
            var number = Int(cmark_node_get_list_start(node))
            var lines: [String] = []
            var item = cmark_node_first_child(node)
            var isFirst = true
            while let it = item {
                if !isFirst && !tight { lines.append(rest.trimmingTrailingSpaces) }
                let marker = ordered ? "\(number). " : "• "
                let pad = String(repeating: " ", count: DisplayWidth.of(marker))
                lines += blocks(of: it, first: (isFirst ? first : rest) + Ink.paint(marker, .dim),
                                rest: rest + pad, tight: tight, depth: depth + 1)
                number += 1
                isFirst = false
                item = cmark_node_next(it)
            }
            return lines
        case CMARK_NODE_BLOCK_QUOTE:
            let bar = Ink.paint("│ ", .grey)
            return blocks(of: node, first: first + bar, rest: rest + bar, depth: depth + 1)
        case CMARK_NODE_THEMATIC_BREAK:
            let w = max(avail - DisplayWidth.of(Ink.strip(rest)), 3)
            return [first + Ink.paint(String(repeating: "─", count: w), .grey)]
        case CMARK_NODE_HTML_BLOCK:
            let html = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            return html.split(separator: "\n").map { first + Ink.paint(Sanitizer.clean(String($0)), .grey) }
        default:
            return blocks(of: node, first: first, rest: rest, depth: depth)
        }
    }

    /// Code keeps its lines as written (never wrapped: that would change
    /// what it says), indented under the text by up to four columns, less
    /// when a wide block would not fit otherwise; Go is highlighted.
    public func codeBlock(_ code: String, language: String, first: String = "", rest: String = "") -> [String] {
        let clean = Sanitizer.clean(code).replacingOccurrences(of: "\t", with: "    ")
        let styled = language == "go" ? GoHighlighter.highlight(clean) : clean
        let lines = Ink.balancedLines(styled)
        let widest = lines.map { DisplayWidth.of($0) }.max() ?? 0
        let available = width - DisplayWidth.of(Ink.strip(rest))
        let pad = String(repeating: " ", count: max(0, min(4, available - widest)))
        guard widest > available else {
            return lines.enumerated().map { i, line in (i == 0 ? first : rest) + pad + line }
        }
        // Wrapping would break a drawing's alignment; cut lines instead, and say so.
        let cut = lines.map { line in
            DisplayWidth.of(line) <= available ? line : Ink.balancedLines(DisplayWidth.prefix(line, columns: available - 1)).joined() + "…"
        }
        let note = Ink.paint(L("(cut to fit: this block is {0} columns wide)", widest), .grey)
        return cut.enumerated().map { i, line in (i == 0 ? first : rest) + line }
            + TextWrapper.wrap(note, width: width, firstIndent: rest, indent: rest)
    }

    // MARK: - Inlines

    private func inline(children node: OpaquePointer, depth: Int) -> String {
        guard depth < Self.maxInlineNesting else { return Self.plainText(node) }
        var out = ""
        var child = cmark_node_first_child(node)
        while let c = child {
            out += inline(c, depth: depth + 1)
            child = cmark_node_next(c)
        }
        return out
    }

    /// The text of a node and everything inside it, without styles, read
    /// with cmark's iterator (no recursion): how nesting beyond the limits
    /// is shown.
    static func plainText(_ node: OpaquePointer) -> String {
        var out = ""
        guard let iter = cmark_iter_new(node) else { return out }
        defer { cmark_iter_free(iter) }
        while case let event = cmark_iter_next(iter), event != CMARK_EVENT_DONE {
            guard let n = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(n)
            if event == CMARK_EVENT_EXIT {
                if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM { out += " " }
                continue
            }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                if let literal = cmark_node_get_literal(n) {
                    let text = String(cString: literal).replacingOccurrences(of: "\n", with: " ")
                    out += Sanitizer.clean(text, keepLayout: false)
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                out += " "
            default:
                break
            }
        }
        return out.trimmingTrailingSpaces
    }

    private func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { Sanitizer.clean(String(cString: $0), keepLayout: false) } ?? ""
    }

    private func inline(_ node: OpaquePointer, depth: Int) -> String {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT:
            return literal(node)
        case CMARK_NODE_SOFTBREAK:
            return " "
        case CMARK_NODE_LINEBREAK:
            return "\n"
        case CMARK_NODE_CODE:
            let code = String(literal(node).map { $0 == " " ? Self.noBreakSpace : $0 })
            return color ? Ink.paint(code, .cyan) : "`" + code + "`"
        case CMARK_NODE_EMPH:
            return Ink.paint(inline(children: node, depth: depth), .italic)
        case CMARK_NODE_STRONG:
            return Ink.paint(inline(children: node, depth: depth), .bold)
        case CMARK_NODE_LINK:
            let text = inline(children: node, depth: depth)
            let url = cmark_node_get_url(node).map { Sanitizer.clean(String(cString: $0), keepLayout: false) } ?? ""
            if url.isEmpty || Ink.strip(text) == url { return Ink.paint(url.isEmpty ? text : url, .underline) }
            return Ink.paint(text, .underline) + " " + Ink.paint("(" + url + ")", .grey)
        case CMARK_NODE_IMAGE:
            let alt = inline(children: node, depth: depth)
            let url = cmark_node_get_url(node).map { Sanitizer.clean(String(cString: $0), keepLayout: false) } ?? ""
            return "[" + L("image") + ": " + alt + "] " + Ink.paint("(" + url + ")", .grey)
        case CMARK_NODE_HTML_INLINE:
            return Ink.paint(literal(node), .grey)
        default:
            return inline(children: node, depth: depth)
        }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
