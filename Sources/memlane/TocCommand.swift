import ArgumentParser
import Terminal
import Tutor

/// `memlane toc`: the lessons in order, with the learner's progress.
struct Toc: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "toc", abstract: "List the lessons in order, with progress.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        common.applyLanguage()
        let book = try common.loadBook()
        let store = common.store(for: book)
        printOut(TerminalWriter.format(TableOfContents.text(book: book, progress: store.progress, current: nil), color: common.color) + "\n")
    }
}
