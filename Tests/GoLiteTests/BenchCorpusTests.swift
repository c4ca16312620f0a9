import Testing
import Foundation
@testable import GoLite

/// The fidelity corpus: every benchmark file in Content/go/bench (and the
/// case-study programs in Content/go/edit-and-measure and Content/go/case-study),
/// run by the interpreter, against the `go test -bench . -benchmem -benchtime=5000x`
/// output Go 1.19 recorded beside it. allocs/op must be equal; B/op within
/// 2% or 8 bytes, whichever is larger (the tolerance of bench-score).
@Suite struct BenchCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Content/go")

    /// Paths relative to Content/go.
    static var files: [String] {
        ["bench", "edit-and-measure", "case-study"].flatMap { dir in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(dir).path)) ?? [])
                .filter { $0.hasSuffix("_test.go") }.sorted().map { dir + "/" + $0 }
        }
    }

    /// `BenchmarkName-2   5000   123 ns/op   1792 B/op   1 allocs/op`
    static func expected(_ text: String) -> [String: (bytes: Int, allocs: Int)] {
        var out: [String: (Int, Int)] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("Benchmark") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let b = fields.firstIndex(of: "B/op"), let a = fields.firstIndex(of: "allocs/op"),
                  let bytes = Int(fields[b - 1]), let allocs = Int(fields[a - 1]) else { continue }
            var name = String(fields[0])
            if let dash = name.lastIndex(of: "-"), Int(name[name.index(after: dash)...]) != nil { name = String(name[..<dash]) }
            out[name] = (bytes, allocs)
        }
        return out
    }

    @Test func theCorpusHasAtLeastTwentyFiles() {
        #expect(Self.files.filter { $0.hasPrefix("bench/") }.count >= 21)
    }

    @Test(arguments: BenchCorpusTests.files)
    func matchesGo(_ file: String) throws {
        let source = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
        let want = Self.expected(try String(contentsOf: Self.folder.appendingPathComponent(file.dropLast(3) + ".expected"), encoding: .utf8))
        #expect(!want.isEmpty)
        let run = try GoRun.bench(source)
        #expect(run.report.exitCode == 0, "\(run.output)")
        let got = Dictionary(run.report.benchmarks.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for (name, w) in want {
            guard let g = got[name] else {
                Issue.record("\(file): \(name) did not run")
                continue
            }
            #expect(g.allocsPerOp == w.allocs, "\(file): \(name) allocs/op")
            #expect(abs(g.bytesPerOp - w.bytes) <= max(w.bytes * 2 / 100, 8), "\(file): \(name) B/op \(g.bytesPerOp), want \(w.bytes)")
        }
    }
}
