import TextKit

/// A command of the tutor itself (as opposed to a simulator verb).
public struct TutorCommand: Sendable {
    public var name: String
    public var aliases: [String]
    public var usage: String
    public var summary: String

    /// Every tutor command, in the order `help` lists them.
    public static var all: [TutorCommand] { [
        TutorCommand(name: "help", aliases: ["?"], usage: "help [COMMAND|state]", summary: L("list commands, or explain one; `help state` lists what checks can read")),
        TutorCommand(name: "show", aliases: [], usage: "show", summary: L("show the current step again")),
        TutorCommand(name: "next", aliases: ["n"], usage: "next", summary: L("go to the next step")),
        TutorCommand(name: "back", aliases: ["b"], usage: "back", summary: L("go to the previous step")),
        TutorCommand(name: "goto", aliases: [], usage: "goto N|LESSON|LESSON#EXERCISE", summary: L("jump to a lesson (by number or id) or to an exercise")),
        TutorCommand(name: "toc", aliases: [], usage: "toc", summary: L("list the lessons with your progress")),
        TutorCommand(name: "check", aliases: [], usage: "check", summary: L("check the current exercise")),
        TutorCommand(name: "hint", aliases: [], usage: "hint [N]", summary: L("show the next hint, or hint N again")),
        TutorCommand(name: "solution", aliases: [], usage: "solution [--force]", summary: L("show the reference solution (after a failed check, or with --force)")),
        TutorCommand(name: "answer", aliases: [], usage: "answer X…", summary: L("answer the current quiz: a letter, several letters, a number or text")),
        TutorCommand(name: "reset", aliases: [], usage: "reset", summary: L("put the current exercise back to its starting state")),
        TutorCommand(name: "undo", aliases: [], usage: "undo", summary: L("take back the last simulator command")),
        TutorCommand(name: "state", aliases: [], usage: "state [PATH]", summary: L("print the simulator's state, or one value of it")),
        TutorCommand(name: "eval", aliases: [], usage: "eval EXPR", summary: L("evaluate a check expression against the current state")),
        TutorCommand(name: "sandbox", aliases: [], usage: "sandbox [SIM]", summary: L("play with a simulator outside any lesson; alone, list the simulators")),
        TutorCommand(name: "progress", aliases: [], usage: "progress", summary: L("show what you have solved so far")),
        TutorCommand(name: "export", aliases: [], usage: "export dot|svg FILE", summary: L("draw the simulator's state as a Graphviz file (svg needs Graphviz's `dot`)")),
        TutorCommand(name: "reload", aliases: [], usage: "reload", summary: L("read the book's files again (for authors); you stay where you are")),
        TutorCommand(name: "quit", aliases: ["q"], usage: "quit", summary: L("save and leave (Ctrl-D does the same)")),
    ] }

    public static func named(_ word: String) -> TutorCommand? {
        all.first { $0.name == word || $0.aliases.contains(word) }
    }

    public static var words: [String] { all.flatMap { [$0.name] + $0.aliases } }
}
