import TextKit

extension AsmSimulator {
    func registerTable() -> String {
        Self.registerNames.enumerated().map { i, name in
            "\(name) = \(String(registers[i]).leftPadded(to: 3))  (\(AsmOperand.hex(Int(registers[i]))))"
        }.joined(separator: "   ")
    }

    func variableTable(width: Int = 80) -> String {
        guard !variables.isEmpty else { return L("No variables yet: declare one with `.var NAME`.") }
        let nameWidth = DisplayWidth.column([L("name")] + variables.map(\.name), minimum: 4)
        let addressWidth = DisplayWidth.column([L("address")], minimum: 7)
        let sizeWidth = DisplayWidth.column([L("size")], minimum: 4)
        var lines = [L("name").padded(to: nameWidth) + "  " + L("address").padded(to: addressWidth) + "  "
                     + L("size").padded(to: sizeWidth) + "  " + L("value")]
        for v in variables {
            let bytes = memory[v.address..<(v.address + v.size)].map { String($0) }.joined(separator: " ")
            let row = v.name.padded(to: nameWidth) + "  " + AsmOperand.hex(v.address).padded(to: addressWidth) + "  "
                + String(v.size).padded(to: sizeWidth) + "  "
            lines.append(row + DisplayWidth.cut(bytes, to: width - DisplayWidth.of(row)))
        }
        return lines.joined(separator: "\n")
    }

    func dump(_ command: Command, width: Int = 80) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 0...2, usage: "mem [FROM [TO]]")
        var from = 0, to = 0x3F
        if command.words.count >= 1 {
            from = try bound(command.arguments[0])
            to = min(Self.memorySize - 1, (from | 0xF) + 0x30)
        }
        if command.words.count == 2 { to = try bound(command.arguments[1]) }
        guard from <= to else { throw SimulatorError(L("FROM must not be after TO")) }
        return hexDump(from: from, to: to, width: width)
    }

    private func bound(_ text: String) throws(SimulatorError) -> Int {
        let n = try AsmOperand.number(text, variables: variables)
        guard (0..<Self.memorySize).contains(n) else {
            throw SimulatorError(L("address {0} is outside memory (0x00–0xFF)", n))
        }
        return n
    }

    /// Rows of 16 bytes; the bytes of declared variables are marked and
    /// named at the end of the row, as many names as fit the width.
    func hexDump(from: Int, to: Int, width: Int = 80) -> String {
        var lines = ["      " + (0..<16).map { String($0, radix: 16, uppercase: true).leftPadded(to: 2, with: " ") + " " }.joined()]
        var row = from & ~0xF
        while row <= to {
            var line = AsmOperand.hex(row) + ": "
            var names: [String] = []
            for addr in row..<(row + 16) {
                guard addr >= from && addr <= to else { line += "   "; continue }
                let byte = String(memory[addr], radix: 16, uppercase: true).leftPadded(to: 2, with: "0")
                if let v = variables.first(where: { addr >= $0.address && addr < $0.address + $0.size }) {
                    line += Ink.paint(byte, .cyan) + "*"
                    if addr == v.address || addr == row { if !names.contains(v.name) { names.append(v.name) } }
                } else {
                    line += byte + " "
                }
            }
            if !names.isEmpty {
                line += " " + DisplayWidth.cut(names.joined(separator: " "), to: width - DisplayWidth.of(Ink.strip(line)) - 1)
            }
            lines.append(line)
            row += 16
        }
        return lines.joined(separator: "\n")
    }
}

