import ArgumentParser
import Terminal
import Tutor

/// `memlane toc`: the lessons in order, with the learner's progress.
struct Toc: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "toc", abstract: "List the lessons in order, with progress.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        common.applyLanguage()
        let outline = try common.loadOutline()
        let store = common.store(for: outline)
        printOut(TerminalWriter.format(TableOfContents.text(book: outline, progress: store.progress, current: nil), color: common.color) + "\n")
    }
}
