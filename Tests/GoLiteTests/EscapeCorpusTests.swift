import Testing
import Foundation
@testable import GoLite

/// Every program in Content/go/escape against the real compiler's output
/// recorded next to it (`go build -gcflags='-m -l'`, Go 1.19).
@Suite struct EscapeCorpusTests {
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Content/go/escape")

    static var programs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".go") }.sorted()
    }

    /// "LINE:COL: message" lines of a .expected file (as multiset, sorted).
    static func expected(_ name: String) throws -> [String] {
        let base = String(name.dropLast(3))
        let text = try String(contentsOf: folder.appendingPathComponent(base + ".expected"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix(name + ":") else { return nil }
            return String(line.dropFirst(name.count + 1))
        }.sorted()
    }

    @Test func theCorpusHasTheSeedProgramsAndFortyMore() {
        let names = Self.programs
        #expect(names.filter { $0.hasPrefix("s") }.count == 10)
        #expect(names.count >= 50)
    }

    @Test(arguments: programs)
    func analysisMatchesGo(_ name: String) throws {
        let source = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let report = try EscapeAnalysis.analyze(source)
        let got = report.diagnostics.map(\.line).sorted()
        #expect(got == (try Self.expected(name)), "\(name)")
    }
}
