import Grader
import TextKit

extension Diagram {
    /// Tables drawn at most; the rest of a large state is summed up in a note.
    static let maxNodes = 60
    /// Rows per table and items of a list written out before `…`.
    static let maxRows = 40
    static let maxListItems = 16

    /// The drawing every simulator gets until it draws its own: the state
    /// tree as linked tables. A record is a table of `key | value` rows; a
    /// nested record, or a list of records, is an arrow from its row to a
    /// table of its own. Long lists and large states are cut short, so the
    /// file stays small whatever the state holds.
    public static func stateTree(_ value: Value, title: String) -> Diagram {
        var builder = StateTreeBuilder()
        builder.add(value, id: "state", title: L("state"))
        var diagram = Diagram(title: title, nodes: builder.nodes, edges: builder.edges)
        if builder.omitted > 0 {
            diagram.nodes.append(Node("omitted", rows: [[Cell(L("… {0} more table(s) not drawn", builder.omitted))]], fill: .grey))
        }
        return diagram
    }

    /// A list of plain values written the way checks read them, cut after
    /// `maxListItems` items.
    static func listText(_ items: [Value]) -> String {
        let shown = items.prefix(maxListItems).map(\.literal).joined(separator: ", ")
        return items.count > maxListItems
            ? "[" + shown + ", … " + L("({0} items)", items.count) + "]"
            : "[" + shown + "]"
    }
}

/// Walks a state tree breadth first, making a table per record.
private struct StateTreeBuilder {
    var nodes: [Diagram.Node] = []
    var edges: [Diagram.Edge] = []
    var omitted = 0
    private var queue: [(value: Value, id: String, title: String)] = []

    mutating func add(_ root: Value, id: String, title: String) {
        queue = [(root, id, title)]
        var next = 0
        while next < queue.count {
            let (value, id, title) = queue[next]
            next += 1
            guard nodes.count < Diagram.maxNodes else { omitted += 1; continue }
            nodes.append(table(for: value, id: id, title: title))
        }
    }

    private mutating func table(for value: Value, id: String, title: String) -> Diagram.Node {
        var rows: [[Diagram.Cell]] = []
        // Tables are titled with the path a check would use to reach them.
        func path(_ key: String) -> String { id == "state" ? key : title + "." + key }
        switch value {
        case .record(let record):
            for (i, (key, v)) in record.pairs.enumerated() {
                guard i < Diagram.maxRows else {
                    rows.append([Diagram.Cell(L("… {0} more", record.count - Diagram.maxRows))])
                    break
                }
                let port = "k\(i)"
                switch v {
                case .record(let r):
                    rows.append([Diagram.Cell(key, bold: true), Diagram.Cell(r.count == 0 ? "{}" : "▸", port: port)])
                    if r.count > 0 {
                        queue.append((v, id + "." + port, path(key)))
                        edges.append(Diagram.Edge(from: id, port: port, to: id + "." + port))
                    }
                case .list(let items) where items.contains(where: { $0.recordValue != nil }):
                    rows.append([Diagram.Cell(key, bold: true), Diagram.Cell(L("{0} item(s)", items.count), port: port)])
                    for (n, item) in items.prefix(Diagram.maxListItems).enumerated() {
                        let itemPort = port + "i\(n)"
                        queue.append((item, id + "." + itemPort, path(key) + "[\(n)]"))
                        edges.append(Diagram.Edge(from: id, port: port, to: id + "." + itemPort, label: "[\(n)]"))
                    }
                case .list(let items):
                    rows.append([Diagram.Cell(key, bold: true), Diagram.Cell(Diagram.listText(items))])
                default:
                    rows.append([Diagram.Cell(key, bold: true), Diagram.Cell(v.literal)])
                }
            }
        case .list(let items):
            rows.append([Diagram.Cell(Diagram.listText(items))])
        default:
            rows.append([Diagram.Cell(value.literal)])
        }
        return Diagram.Node(id, title: title, rows: rows)
    }
}
