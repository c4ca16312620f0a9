import Book
import Foundation
import Grader
import TextKit

extension Linter {
    /// Quizzes that parse but cannot work as questions: a pattern answer
    /// that accepts any text (so no answer can be wrong), and two choices
    /// that read the same (so the learner cannot tell which to select).
    static func lintAnswers(_ item: QuizItem) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for accepted in item.quiz.accepted {
            guard case .pattern(let pattern, let insensitive) = accepted,
                  let re = try? NSRegularExpression(pattern: pattern, options: insensitive ? [.caseInsensitive] : []) else { continue }
            if re.firstMatch(in: "", range: NSRange(location: 0, length: 0)) != nil {
                out.append(Diagnostic(item.origin.location,
                                      L("the answer /{0}/ matches an empty text, so it accepts any answer: anchor it, e.g. /^{0}$/", pattern)))
            }
        }
        var seen: [String: Int] = [:]
        for choice in item.quiz.choices {
            let key = choice.text.lowercased().split(separator: " ").joined(separator: " ")
            if let line = seen[key] {
                out.append(Diagnostic(item.origin.location(bodyLine: choice.line, column: 1),
                                      L("this choice reads the same as the one on line {0}", item.origin.bodyLine + line - 1)))
            } else {
                seen[key] = choice.line
            }
        }
        return out
    }
}
