import TextKit

/// A picture of a simulator's state for Graphviz (`export dot`, `export
/// svg`): tables joined by arrows, optionally grouped in boxes. Simulators
/// say *what* to draw; `dot()` writes the DOT text and escapes every
/// label, so nothing in a state (a learner's names included) can inject
/// DOT syntax, and every drawing has the same look.
public struct Diagram: Sendable, Equatable {
    public enum Direction: String, Sendable {
        case leftToRight = "LR"
        case topToBottom = "TB"
    }

    /// A small palette, so that meaning (tri-colour marking, freed, live)
    /// looks the same in every simulator's drawing.
    public enum Color: String, Sendable, CaseIterable {
        case white, grey, black, red, orange, yellow, green, blue, purple

        var fill: String {
            switch self {
            case .white: "#ffffff"
            case .grey: "#bdbdbd"
            case .black: "#212121"
            case .red: "#ef9a9a"
            case .orange: "#ffcc80"
            case .yellow: "#fff59d"
            case .green: "#a5d6a7"
            case .blue: "#90caf9"
            case .purple: "#ce93d8"
            }
        }

        /// Dark text on light fills, white text on black.
        var font: String { self == .black ? "#ffffff" : "#000000" }

        /// The colour for lines (edges, cluster borders): stronger than the fill.
        var line: String {
            switch self {
            case .white: "#9e9e9e"
            case .grey: "#757575"
            case .black: "#000000"
            case .red: "#c62828"
            case .orange: "#ef6c00"
            case .yellow: "#f9a825"
            case .green: "#2e7d32"
            case .blue: "#1565c0"
            case .purple: "#6a1b9a"
            }
        }
    }

    /// One cell of a table; `port` lets an edge start or end at it.
    public struct Cell: Sendable, Equatable {
        public var text: String
        public var port: String?
        public var fill: Color?
        public var bold: Bool

        public init(_ text: String, port: String? = nil, fill: Color? = nil, bold: Bool = false) {
            self.text = text
            self.port = port
            self.fill = fill
            self.bold = bold
        }
    }

    /// A table: an optional title row, then rows of cells.
    public struct Node: Sendable, Equatable {
        public var id: String
        public var title: String?
        public var rows: [[Cell]]
        /// The background of the whole table (cells may override it).
        public var fill: Color?

        public init(_ id: String, title: String? = nil, rows: [[Cell]] = [], fill: Color? = nil) {
            self.id = id
            self.title = title
            self.rows = rows
            self.fill = fill
        }
    }

    public struct Edge: Sendable, Equatable {
        public var from: String
        public var fromPort: String?
        public var to: String
        public var toPort: String?
        public var label: String?
        public var color: Color?
        public var dashed: Bool

        public init(from: String, port fromPort: String? = nil, to: String, port toPort: String? = nil,
                    label: String? = nil, color: Color? = nil, dashed: Bool = false) {
            self.from = from
            self.fromPort = fromPort
            self.to = to
            self.toPort = toPort
            self.label = label
            self.color = color
            self.dashed = dashed
        }
    }

    /// A labelled box around some nodes (a frame, an arena, a span class).
    public struct Cluster: Sendable, Equatable {
        public var id: String
        public var label: String
        public var nodes: [String]
        public var color: Color?
        public var dashed: Bool

        public init(_ id: String, label: String, nodes: [String], color: Color? = nil, dashed: Bool = false) {
            self.id = id
            self.label = label
            self.nodes = nodes
            self.color = color
            self.dashed = dashed
        }
    }

    /// Longest text drawn in one cell; longer text is cut with `…`.
    public static let maxText = 80

    public var title: String
    public var direction: Direction
    public var nodes: [Node]
    public var edges: [Edge]
    public var clusters: [Cluster]

    public init(title: String, direction: Direction = .leftToRight, nodes: [Node] = [], edges: [Edge] = [],
                clusters: [Cluster] = []) {
        self.title = title
        self.direction = direction
        self.nodes = nodes
        self.edges = edges
        self.clusters = clusters
    }

    // MARK: - DOT

    /// The diagram in Graphviz's DOT language.
    public func dot() -> String {
        var out = ["digraph memlane {",
                   "  graph [rankdir=\(direction.rawValue), fontname=\"Helvetica\", fontsize=14, labelloc=t, label=\(Self.quote(title))];",
                   "  node [shape=plaintext, fontname=\"Helvetica\", fontsize=11];",
                   "  edge [fontname=\"Helvetica\", fontsize=10];"]
        for (i, cluster) in clusters.enumerated() {
            var style = ["rounded"]
            if cluster.dashed { style.append("dashed") }
            out.append("  subgraph \(Self.quote("cluster_\(i)_" + cluster.id)) {")
            out.append("    label=\(Self.quote(cluster.label)); style=\(Self.quote(style.joined(separator: ",")));"
                       + " color=\(Self.quote(cluster.color?.line ?? "#9e9e9e"));")
            for id in cluster.nodes { out.append("    \(Self.quote(id));") }
            out.append("  }")
        }
        for node in nodes { out.append("  \(Self.quote(node.id)) [label=<\(table(node))>];") }
        for edge in edges {
            var attributes: [String] = []
            if let label = edge.label { attributes.append("label=\(Self.quote(Self.cut(label)))") }
            if let color = edge.color { attributes.append("color=\(Self.quote(color.line))") }
            if edge.dashed { attributes.append("style=dashed") }
            let tail = Self.quote(edge.from) + (edge.fromPort.map { ":" + Self.quote($0) } ?? "")
            let head = Self.quote(edge.to) + (edge.toPort.map { ":" + Self.quote($0) } ?? "")
            out.append("  \(tail) -> \(head)" + (attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]") + ";")
        }
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    /// An HTML-like table label; rows shorter than the widest are padded by
    /// widening their last cell.
    private func table(_ node: Node) -> String {
        let columns = max(1, node.rows.map(\.count).max() ?? 1)
        let background = node.fill.map { " BGCOLOR=\"\($0.fill)\"" } ?? ""
        var html = "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\"\(background)>"
        if let title = node.title {
            let font = node.fill?.font ?? "#000000"
            html += "<TR><TD COLSPAN=\"\(columns)\"><FONT COLOR=\"\(font)\"><B>\(Self.html(title))</B></FONT></TD></TR>"
        }
        for row in node.rows where !row.isEmpty {
            html += "<TR>"
            for (i, cell) in row.enumerated() {
                var attributes = ""
                if i == row.count - 1 && row.count < columns { attributes += " COLSPAN=\"\(columns - row.count + 1)\"" }
                if let port = cell.port { attributes += " PORT=\"\(Self.html(port))\"" }
                let fill = cell.fill ?? node.fill
                if let f = cell.fill { attributes += " BGCOLOR=\"\(f.fill)\"" }
                attributes += " ALIGN=\"LEFT\""
                var text = Self.html(cell.text)
                if text.isEmpty { text = " " }
                if cell.bold { text = "<B>\(text)</B>" }
                html += "<TD\(attributes)><FONT COLOR=\"\(fill?.font ?? "#000000")\">\(text)</FONT></TD>"
            }
            html += "</TR>"
        }
        if node.title == nil && node.rows.allSatisfy(\.isEmpty) { html += "<TR><TD> </TD></TR>" }
        return html + "</TABLE>"
    }

    /// Text cut to `maxText` characters, control characters made visible.
    static func cut(_ text: String) -> String {
        let line = Sanitizer.line(Ink.strip(text))
        return line.count > maxText ? String(line.prefix(maxText - 1)) + "…" : line
    }

    /// A DOT double-quoted string.
    static func quote(_ text: String) -> String {
        var out = "\""
        for c in Sanitizer.line(Ink.strip(text)) {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.append(c)
            }
        }
        return out + "\""
    }

    /// Text inside an HTML-like label.
    static func html(_ text: String) -> String {
        var out = ""
        for c in cut(text) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "[": out += "&#91;"
            case "]": out += "&#93;"
            default: out.append(c)
            }
        }
        return out
    }
}
