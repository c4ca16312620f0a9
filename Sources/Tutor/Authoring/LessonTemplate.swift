import Simulators
import TextKit

/// The Markdown `memlane new` writes: lesson files that pass `lint` as
/// they are, built only from what simulators say about themselves
/// (`SimulatorInfo`, its `example`), so a simulator added tomorrow gets
/// the same scaffolding. The text is lesson content, written in English
/// like the book itself, not tutor messages.
public enum LessonTemplate {
    /// Ids of the blocks a generated lesson holds.
    public static let exerciseID = "try-it"
    public static let quizID = "which-command"

    /// A one-step lesson. With a simulator: its summary, the simulator's
    /// example exercise (setup, check, two hints, solution) and a quiz on
    /// its commands. Without one: a quiz on the tutor's commands.
    public static func lesson(id: String, title: String, simulator: SimulatorInfo?,
                              others: [SimulatorInfo] = SimulatorCatalog.all.map { $0.info }) -> String {
        var out = frontMatter(id: id, title: title, sim: simulator?.name)
        out += "# " + title + "\n\n"
        guard let info = simulator else {
            out += "Memory Lane shows a lesson one step at a time; each `##` heading starts a new step. "
            out += "Between steps the learner types commands: `next` and `back` move, `toc` lists the lessons, "
            out += "`help` lists every command.\n\n"
            out += tutorQuiz()
            return out
        }
        out += "This lesson uses the `\(info.name)` simulator (\(info.title)). " + info.summary + "\n\n"
        if let example = info.example {
            out += example.task + "\n\n"
            out += exerciseBlocks(example, id: exerciseID, simulator: info)
            out += "\n"
        } else {
            out += "`help` at the prompt lists the simulator's commands, and `help state` what checks can read.\n\n"
        }
        out += quiz(for: info, others: others)
        return out
    }

    /// What `memlane new book` puts in its first lesson.
    public static func welcome(bookTitle: String) -> String {
        var out = frontMatter(id: "welcome", title: "Welcome", sim: nil)
        out += "# Welcome\n\n"
        out += "This is *" + markdownEscaped(bookTitle) + "*, a book read with Memory Lane. "
        out += "Each lesson is shown one step at a time: text to read, exercises solved by typing commands "
        out += "for a simulator, and questions answered with `answer`.\n\n"
        out += "`next` and `back` move between steps, `toc` lists the lessons, and `help` lists every command.\n\n"
        out += tutorQuiz()
        return out
    }

    /// Front matter with the title always quoted, so any title is valid YAML.
    static func frontMatter(id: String, title: String, sim: String?) -> String {
        var out = "---\nid: \(id)\ntitle: \(yamlQuoted(title))\n"
        if let sim { out += "sim: \(sim)\n" }
        return out + "---\n\n"
    }

    /// The exercise's blocks in the order an author writes them.
    static func exerciseBlocks(_ example: ExampleExercise, id: String, simulator info: SimulatorInfo) -> String {
        let hints = example.hints.count >= 2 ? Array(example.hints.prefix(2)) : generatedHints(example, info)
        var out = fence("exercise id=\(id)", example.setup)
        out += "\n" + fence("check id=\(id)", example.check)
        for hint in hints { out += "\n" + fence("hint id=\(id)", [hint]) }
        out += "\n" + fence("solution id=\(id)", example.solution)
        return out
    }

    /// Hints for an example that brings none: which commands to look at,
    /// then the first command of the solution.
    static func generatedHints(_ example: ExampleExercise, _ info: SimulatorInfo) -> [String] {
        let verbs = example.solution.compactMap { $0.split(separator: " ").first.map(String.init) }
            .filter { info.verb($0) != nil }
        var seen = Set<String>()
        let unique = verbs.filter { seen.insert($0).inserted }
        let first = "`help` lists the commands of the `\(info.name)` simulator"
            + (unique.isEmpty ? "." : "; this exercise needs " + unique.map { "`\($0)`" }.joined(separator: " and ") + ".")
        let second = example.solution.first.map { "Start with `\($0)`." } ?? "`help state` lists what the check reads."
        return [first, second]
    }

    /// "Which command does X?": the simulator's first command that changes
    /// the state (and whose summary does not name it) is the answer, two other commands the distractors (from
    /// other simulators, then the tutor, when it has fewer than three).
    /// The right answer's place depends on the simulator's name only.
    static func quiz(for info: SimulatorInfo, others: [SimulatorInfo]) -> String {
        let usable = info.verbs.filter { !$0.summary.contains("\n") }
        // A command whose summary does not give its name away, if there is one.
        func naming(_ verb: Verb) -> Bool {
            verb.summary.lowercased().split { !$0.isLetter }.contains { $0 == Substring(verb.name.lowercased()) }
        }
        guard let answer = usable.first(where: { $0.changesState && !naming($0) }) ?? usable.first(where: \.changesState)
                ?? usable.first else { return tutorQuiz() }
        var distractors: [(name: String, summary: String)] = usable.filter { $0.name != answer.name }.map { ($0.name, $0.summary) }
        for other in others where other.name != info.name {
            for verb in other.verbs where info.verb(verb.name) == nil && !distractors.contains(where: { $0.name == verb.name }) {
                distractors.append((verb.name, verb.summary + " (`\(other.name)` simulator)"))
            }
        }
        for command in TutorCommand.all where info.verb(command.name) == nil {
            distractors.append((command.name, command.summary + " (a tutor command)"))
        }
        var choices = distractors.prefix(2).map { "( ) `\($0.name)`" + feedback($0.name, $0.summary) }
        let place = info.name.unicodeScalars.reduce(0) { $0 + Int($1.value) } % (choices.count + 1)
        choices.insert("(x) `\(answer.name)`", at: place)
        var lines = ["? Which command of the `\(info.name)` simulator does this: " + oneLine(answer.summary) + "?"]
        lines += choices
        lines.append("> `\(answer.usage)`: " + oneLine(answer.summary) + ".")
        return fence("quiz id=\(quizID)", lines)
    }

    /// A question on moving through a book, for lessons without a simulator.
    static func tutorQuiz() -> String {
        fence("quiz id=\(quizID)", [
            "? Which command takes you to the next step?",
            "( ) `back`" + feedback("back", "go to the previous step"),
            "(x) `next`",
            "( ) `toc`" + feedback("toc", "list the lessons with your progress"),
            "> `next` moves forward; at the end of a lesson it opens the next one.",
        ])
    }

    /// `  ! `name`: summary` after a wrong choice.
    static func feedback(_ name: String, _ summary: String) -> String {
        "    ! `\(name)`: " + oneLine(summary) + "."
    }

    static func oneLine(_ text: String) -> String {
        var t = Sanitizer.line(text).trimmingCharacters(in: .whitespaces)
        while t.hasSuffix(".") { t.removeLast() }
        return t
    }

    /// A directive block; the fence grows if the body holds backtick fences.
    static func fence(_ info: String, _ lines: [String]) -> String {
        var longest = 2
        for line in lines {
            let run = line.trimmingCharacters(in: .whitespaces).prefix { $0 == "`" }.count
            longest = max(longest, run)
        }
        let marks = String(repeating: "`", count: longest + 1)
        return marks + info + "\n" + lines.map { $0 + "\n" }.joined() + marks + "\n"
    }

    static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for c in text {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.append(c)
            }
        }
        return out + "\""
    }

    static func markdownEscaped(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\`*_[]<>#".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
