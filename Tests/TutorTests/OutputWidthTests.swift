import Book
import Testing
import TextKit
@testable import Tutor

/// Whatever a simulator prints, the learner sees it within the terminal's
/// width: the session wraps long lines for every simulator alike.
@Suite struct OutputWidthTests {
    func check(_ sim: String, _ lines: [String], width: Int = 80) throws {
        let s = try makeSession()
        s.options.width = width
        _ = s.start()
        _ = s.handle("sandbox \(sim)")
        for line in lines {
            for row in Ink.strip(s.handle(line).text).split(separator: "\n") {
                #expect(DisplayWidth.of(row) <= width, "\(sim): \(line): \(row)")
            }
        }
    }

    @Test(arguments: ["fixed", "segmented", "copying"])
    func stackMessagesFit(mode: String) throws {
        let name = "a_function_with_a_very_long_name"
        try check("stack", [
            "mode \(mode)", "max 600MiB", "recurse \(name) 20000 8", "call g 1KiB", "local a_variable_with_a_long_name",
            "ref p -> a_variable_with_a_long_name", "recurse \(name) 80000 8", "hot 1000000000 \(name) 8KiB",
            "stack", "stats", "unwind", "gc", "gc", "recurse \(name) 1000000000 1MiB", "recurse f 5 1GiB",
        ])
    }

    @Test func framesMessagesFit() throws {
        let long = "a_pointer_with_a_very_long_name1"
        try check("frames", [
            "heap size 16KiB", "local n = 3", "malloc \(long) 4000", "malloc q 30", "malloc r 12000", "free q",
            "call a_function_with_a_long_name", "local x = 5", "ref px = &x", "ref pn = &n", "store *pn = 9",
            "ret px", "load *px", "store *px = 1", "free \(long)", "free \(long)", "load *\(long)",
            "malloc q 8", "free q", "malloc big 12000", "stack", "heap", "exit",
        ])
    }

    @Test func errorsOfEverySimulatorFitNarrowTerminals() throws {
        for type in SimulatorCatalog.all {
            let verbs = type.info.verbs.map { "\($0.name) with far too many arguments that nobody would ever type" }
            try check(type.info.name, verbs + ["nonsense_command_with_a_long_name"], width: 40)
        }
    }
}

/// Every step of the shipped book, in both languages, fits narrow and
/// ordinary terminals.
@Suite struct BookWidthTests {
    @Test(arguments: [(40, Language.en), (80, .en), (40, .ja), (80, .ja)])
    func everyStepFits(width: Int, language: Language) throws {
        let (loaded, _) = Translation.load(Repository.lessons, language: language)
        let book = try #require(loaded)
        let store = ProgressStore(file: tempFolder().appendingPathComponent("progress.json"))
        let s = Session(book: book, store: store, options: SessionOptions(width: width))
        var lines = s.start().split(separator: "\n")
        for (li, lesson) in book.lessons.enumerated() {
            for step in lesson.steps.indices {
                s.lessonIndex = li
                s.stepIndex = step
                lines += s.handle("show").text.split(separator: "\n")
            }
        }
        for line in lines {
            #expect(DisplayWidth.of(Ink.strip(String(line))) <= width, "\(width) \(language): \(line)")
        }
    }
}
