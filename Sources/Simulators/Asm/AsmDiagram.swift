import TextKit

extension AsmSimulator {
    /// Colours given to variables in declaration order, so neighbours differ.
    static let variableColors: [Diagram.Color] = [.blue, .green, .orange, .purple, .yellow, .red]

    /// Memory as the hex dump draws it (rows of 16 bytes, only the rows that
    /// hold a variable or a non-zero byte), each variable's bytes in its own
    /// colour with an arrow from its name; the registers beside it.
    public func diagram() -> Diagram {
        var nodes: [Diagram.Node] = []
        var edges: [Diagram.Edge] = []
        let registerRows = Self.registerNames.enumerated().map { i, name in
            [Diagram.Cell(name, bold: true), Diagram.Cell("\(registers[i]) (\(AsmOperand.hex(Int(registers[i]))))")]
        }
        nodes.append(Diagram.Node("registers", title: L("registers"), rows: registerRows))

        func owner(_ addr: Int) -> Int? {
            variables.firstIndex { addr >= $0.address && addr < $0.address + $0.size }
        }
        var memoryRows: [[Diagram.Cell]] = [[Diagram.Cell("")] + (0..<16).map { Diagram.Cell("+" + String($0, radix: 16, uppercase: true), bold: true) }]
        for row in stride(from: 0, to: Self.memorySize, by: 16) {
            let used = (row..<(row + 16)).contains { memory[$0] != 0 || owner($0) != nil }
            guard used || (row == 0 && variables.isEmpty && memory.allSatisfy { $0 == 0 }) else { continue }
            var cells = [Diagram.Cell(AsmOperand.hex(row), bold: true)]
            for addr in row..<(row + 16) {
                let v = owner(addr)
                cells.append(Diagram.Cell(String(memory[addr]), port: "a\(addr)",
                                          fill: v.map { Self.variableColors[$0 % Self.variableColors.count] }))
            }
            memoryRows.append(cells)
        }
        nodes.append(Diagram.Node("memory", title: L("memory: {0} bytes, rows of 16 (only rows in use)", Self.memorySize),
                                  rows: memoryRows))

        if !variables.isEmpty {
            var rows: [[Diagram.Cell]] = []
            for (i, v) in variables.enumerated() {
                let color = Self.variableColors[i % Self.variableColors.count]
                let size = v.size == 1 ? L("1 byte") : L("{0} bytes", v.size)
                rows.append([Diagram.Cell(v.name, port: "v\(i)", fill: color, bold: true),
                             Diagram.Cell(AsmOperand.hex(v.address), fill: color), Diagram.Cell(size, fill: color)])
                edges.append(Diagram.Edge(from: "variables", port: "v\(i)", to: "memory", port: "a\(v.address)", color: color))
            }
            nodes.append(Diagram.Node("variables", title: L("variables"), rows: rows))
        }
        return Diagram(title: Self.info.name + " — " + Self.info.title, nodes: nodes, edges: edges)
    }
}
