import ArgumentParser
import Book
import Foundation
import TextKit
import Tutor

/// `memlane report FILE…`: a class's exports merged into a table per lesson.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Merge learners' progress exports into a table per lesson.",
        discussion: "Each FILE is written by `memlane progress --export FILE`. Exports from another version of the book are merged and noted; files that cannot be read are reported and skipped. With --book, or when the default book is the exports' book, lessons are listed in the book's order.")

    @Argument(help: "Exports written by `memlane progress --export`.")
    var files: [String]

    @Flag(name: .long, help: "Comma-separated values for spreadsheets (notes go to standard error).")
    var csv = false

    @OptionGroup var common: CommonOptions

    func run() throws {
        common.applyLanguage()
        guard !files.isEmpty else { throw ValidationError(L("Give at least one export file.")) }
        let inputs = files.map { ($0, ProgressExport.read(URL(fileURLWithPath: $0))) }
        let report = ClassReport.build(inputs, book: try book(for: inputs.compactMap { try? $0.1.get() }))
        for s in report.skipped {
            FileHandle.standardError.write(Data((L("skipped {0}: {1}", s.file, s.reason) + "\n").utf8))
        }
        guard !report.learners.isEmpty else {
            FileHandle.standardError.write(Data((L("No export could be merged.") + "\n").utf8))
            throw ExitCode(1)
        }
        if csv {
            printOut(report.csv())
            for note in report.notes { FileHandle.standardError.write(Data((note + "\n").utf8)) }
        } else {
            printOut(report.table() + "\n")
        }
    }

    /// The book given with --book (which must load), else the default book
    /// when it is the one the exports are for; nil otherwise.
    func book(for exports: [ProgressExport]) throws -> Book? {
        if common.book != nil { return try common.loadBook() }
        guard let url = BookLocator.defaultBook(environment: common.environment, executable: CommandLine.arguments[0]),
              let book = BookLoader.load(url).book, exports.contains(where: { $0.book.id == book.id }) else { return nil }
        return book
    }
}
