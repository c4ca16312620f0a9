import Foundation
import TextKit

/// A question answered with `answer`.
public struct Quiz: Sendable, Equatable {
    public enum Kind: String, Sendable { case single, multiple, free }

    public struct Choice: Sendable, Equatable {
        public var text: String
        public var correct: Bool
        public var feedback: String?
        /// 1-based line of the choice within the quiz body.
        public var line: Int
    }

    public enum Accepted: Sendable, Equatable {
        /// A number with a tolerance (both already in base units).
        case number(Double, tolerance: Double)
        case text(String)
        case pattern(String, caseInsensitive: Bool)
    }

    public var question: String
    public var kind: Kind
    public var choices: [Choice]
    public var accepted: [Accepted]
    public var explanation: String?

    /// Choice labels as the learner types them: a, b, c…
    public static func label(_ index: Int) -> String {
        index < 26 ? String(UnicodeScalar(UInt8(97 + index))) : String(index + 1)
    }
}

/// The verdict on one answer.
public struct QuizOutcome: Sendable, Equatable {
    public var correct: Bool
    /// Feedback attached to the chosen choices, in order.
    public var feedback: [String]
    public var explanation: String?
    /// Set when the answer could not be read (no attempt is counted).
    public var problem: String?
}

public enum QuizParser {
    /// Parses a quiz body; errors carry body-relative positions.
    public static func parse(_ body: String) -> (quiz: Quiz?, errors: [BlockError]) {
        var question: [String] = []
        var choices: [Quiz.Choice] = []
        var accepted: [Quiz.Accepted] = []
        var explanation: [String] = []
        var errors: [BlockError] = []
        var kinds = Set<Quiz.Kind>()
        enum Part { case none, question, choice, explanation, feedback }
        var last = Part.none

        for (n, raw) in body.splitLines().enumerated() {
            let lineNo = n + 1
            let line = String(raw)
            let lead = line.prefix { $0 == " " || $0 == "\t" }.count
            let t = line.trimmingSpaces()
            if t.isEmpty {
                if last == .question { question.append("") }
                if last == .explanation { explanation.append("") }
                continue
            }
            if t.hasPrefix("?") {
                question.append(rest(t, 1))
                last = .question
            } else if let (correct, multi, text) = choiceMarker(t) {
                kinds.insert(multi ? .multiple : .single)
                var choiceText = text
                var feedback: String?
                if let r = choiceText.range(of: " ! ") {
                    feedback = String(choiceText[r.upperBound...]).trimmingSpaces()
                    choiceText = String(choiceText[..<r.lowerBound]).trimmingSpaces()
                }
                if choiceText.isEmpty {
                    errors.append(BlockError(line: lineNo, column: lead + 1, message: L("a choice needs some text")))
                }
                choices.append(Quiz.Choice(text: choiceText, correct: correct, feedback: feedback, line: lineNo))
                last = .choice
            } else if t.hasPrefix("!") {
                guard !choices.isEmpty, last == .choice || last == .feedback else {
                    errors.append(BlockError(line: lineNo, column: lead + 1,
                                             message: L("`!` feedback must follow the choice it belongs to")))
                    continue
                }
                let text = rest(t, 1)
                let old = choices[choices.count - 1].feedback
                choices[choices.count - 1].feedback = old.map { $0 + " " + text } ?? text
                last = .feedback
            } else if t.hasPrefix("=") {
                kinds.insert(.free)
                switch parseAccepted(rest(t, 1)) {
                case .success(let a): accepted.append(a)
                case .failure(let e): errors.append(BlockError(line: lineNo, column: lead + 3, message: e.message))
                }
                last = .none
            } else if t.hasPrefix(">") {
                explanation.append(rest(t, 1))
                last = .explanation
            } else {
                switch last {
                case .question: question.append(t)
                case .explanation: explanation.append(t)
                case .choice:
                    choices[choices.count - 1].text += " " + t
                case .feedback:
                    choices[choices.count - 1].feedback! += " " + t
                case .none:
                    errors.append(BlockError(line: lineNo, column: lead + 1,
                        message: L("a quiz line starts with `?`, `( )`, `(x)`, `[ ]`, `[x]`, `=`, `!` or `>`")))
                }
            }
        }

        let questionText = question.joined(separator: "\n").trimmingWhitespace()
        if questionText.isEmpty {
            errors.append(BlockError(line: 1, column: 1, message: L("the quiz has no question (a line starting with `?`)")))
        }
        if kinds.count > 1 {
            errors.append(BlockError(line: 1, column: 1,
                message: L("a quiz is single choice `( )`, multiple choice `[ ]` or free answer `=`, not a mix")))
        }
        let kind = kinds.first ?? .free
        switch kind {
        case .single:
            let n = choices.filter(\.correct).count
            if n != 1 {
                errors.append(BlockError(line: choices.first?.line ?? 1, column: 1,
                    message: L("a single-choice quiz needs exactly one correct choice `(x)`, found {0}", n)))
            }
            if choices.count < 2 {
                errors.append(BlockError(line: choices.first?.line ?? 1, column: 1, message: L("a quiz needs at least two choices")))
            }
        case .multiple:
            if !choices.contains(where: \.correct) {
                errors.append(BlockError(line: choices.first?.line ?? 1, column: 1,
                    message: L("a multiple-choice quiz needs at least one correct choice `[x]`")))
            }
            if choices.count < 2 {
                errors.append(BlockError(line: choices.first?.line ?? 1, column: 1, message: L("a quiz needs at least two choices")))
            }
        case .free:
            if accepted.isEmpty && errors.isEmpty {
                errors.append(BlockError(line: 1, column: 1, message: L("the quiz has no answer: add choices or `= answer` lines")))
            }
        }
        let ex = explanation.joined(separator: "\n").trimmingWhitespace()
        let quiz = Quiz(question: questionText, kind: kind, choices: choices, accepted: accepted,
                        explanation: ex.isEmpty ? nil : ex)
        return (errors.isEmpty ? quiz : nil, errors)
    }

    private static func rest(_ t: String, _ n: Int) -> String {
        String(t.dropFirst(n)).trimmingSpaces()
    }

    private static func choiceMarker(_ t: String) -> (Bool, Bool, String)? {
        for (marker, correct, multi) in [("( )", false, false), ("(x)", true, false), ("(X)", true, false),
                                         ("[ ]", false, true), ("[x]", true, true), ("[X]", true, true)]
        where t.hasPrefix(marker) {
            return (correct, multi, rest(t, 3))
        }
        return nil
    }

    static func parseAccepted(_ text: String) -> Result<Quiz.Accepted, ExpressionError> {
        if text.hasPrefix("/") {
            var body = text.dropFirst()
            var insensitive = false
            if body.hasSuffix("/i") { insensitive = true; body = body.dropLast(2) }
            else if body.hasSuffix("/") { body = body.dropLast() }
            else { return .failure(ExpressionError(L("a pattern answer ends with `/` (or `/i`)"), 0..<1)) }
            do { _ = try NSRegularExpression(pattern: String(body)) } catch {
                return .failure(ExpressionError(L("not a valid regular expression: /{0}/", String(body)), 0..<1))
            }
            return .success(.pattern(String(body), caseInsensitive: insensitive))
        }
        var value = text
        var tolerance = 0.0
        for sep in ["±", "+-", "+/-"] {
            if let r = text.range(of: sep) {
                value = String(text[..<r.lowerBound]).trimmingSpaces()
                let tol = String(text[r.upperBound...]).trimmingSpaces()
                guard let t = NumberReader.read(tol) else {
                    return .failure(ExpressionError(L("`{0}` is not a tolerance I can read", tol), 0..<1))
                }
                tolerance = t
                break
            }
        }
        if let n = NumberReader.read(value) { return .success(.number(n, tolerance: tolerance)) }
        if tolerance != 0 { return .failure(ExpressionError(L("`{0}` is not a number", value), 0..<1)) }
        if value.isEmpty { return .failure(ExpressionError(L("`=` needs an answer after it"), 0..<1)) }
        return .success(.text(value))
    }
}

/// Reads a number as a learner or author writes it: `2048`, `2,048`,
/// `0x800`, `2KiB`, `2 KiB`, `1.5`, `-3`.
public enum NumberReader {
    public static func read(_ raw: String) -> Double? {
        var text = raw.trimmingSpaces().replacingOccurrences(of: ",", with: "")
            .replacingOccurrences(of: "_", with: "")
        if text.hasSuffix("%") { text = String(text.dropLast()).trimmingSpaces() }
        var factor = 1.0
        for (suffix, f) in SizeUnit.factors where text.hasSuffix(suffix) {
            let head = String(text.dropLast(suffix.count)).trimmingSpaces()
            if !head.isEmpty, head.last!.isNumber {
                text = head
                factor = Double(f)
                break
            }
        }
        if text.lowercased().hasPrefix("0x"), let n = Int(text.dropFirst(2), radix: 16) { return Double(n) * factor }
        guard !text.isEmpty, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }),
              let d = Double(text) else { return nil }
        return d * factor
    }
}

extension Quiz {
    /// Grades an answer: `b`, `2`, `a c`, `a,c`, `2048`, `2KiB`, free text.
    public func grade(_ answer: String) -> QuizOutcome {
        let trimmed = answer.trimmingSpaces()
        guard !trimmed.isEmpty else {
            return QuizOutcome(correct: false, feedback: [], explanation: nil, problem: L("Type your answer after `answer`."))
        }
        switch kind {
        case .single, .multiple:
            var picked: [Int] = []
            let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            for w in words {
                guard let i = choiceIndex(w) else {
                    let labels = choices.indices.map(Quiz.label).joined(separator: ", ")
                    return QuizOutcome(correct: false, feedback: [], explanation: nil,
                                       problem: L("`{0}` is not one of the choices ({1}).", Sanitizer.line(w), labels))
                }
                if !picked.contains(i) { picked.append(i) }
            }
            if kind == .single && picked.count != 1 {
                return QuizOutcome(correct: false, feedback: [], explanation: nil,
                                   problem: L("Pick one choice, for example `answer {0}`.", Quiz.label(0)))
            }
            let right = Set(choices.indices.filter { choices[$0].correct })
            let correct = Set(picked) == right
            let feedback = picked.compactMap { choices[$0].feedback }
            return QuizOutcome(correct: correct, feedback: feedback, explanation: explanation, problem: nil)
        case .free:
            let correct = accepted.contains { matches($0, trimmed) }
            return QuizOutcome(correct: correct, feedback: [], explanation: explanation, problem: nil)
        }
    }

    func choiceIndex(_ word: String) -> Int? {
        let w = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "().[]"))
        if let n = Int(w), n >= 1, n <= choices.count { return n - 1 }
        if w.count == 1, let s = w.unicodeScalars.first, s.value >= 97 {
            let i = Int(s.value) - 97
            if i < choices.count { return i }
        }
        return nil
    }

    func matches(_ accepted: Accepted, _ answer: String) -> Bool {
        switch accepted {
        case .number(let n, let tolerance):
            guard let got = NumberReader.read(answer) else { return false }
            return abs(got - n) <= tolerance + 1e-9
        case .text(let t):
            return Self.fold(t) == Self.fold(answer)
        case .pattern(let p, let insensitive):
            guard let re = try? NSRegularExpression(pattern: p, options: insensitive ? [.caseInsensitive] : []) else { return false }
            return re.firstMatch(in: answer, range: NSRange(answer.startIndex..., in: answer)) != nil
        }
    }

    static func fold(_ s: String) -> String {
        s.trimmingSpaces()
            .folding(options: [.caseInsensitive, .widthInsensitive], locale: nil)
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// Answers that grade as correct, for lint ("every quiz has a correct answer").
    public var sampleCorrectAnswer: String? {
        switch kind {
        case .single, .multiple:
            let right = choices.indices.filter { choices[$0].correct }.map(Quiz.label)
            return right.isEmpty ? nil : right.joined(separator: " ")
        case .free:
            for a in accepted {
                switch a {
                case .number(let n, _): return n == n.rounded() ? String(Int(n)) : String(n)
                case .text(let t): return t
                case .pattern: continue
                }
            }
            return nil
        }
    }
}
