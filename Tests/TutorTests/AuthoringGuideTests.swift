@testable import Book
import Foundation
import Grader
import Simulators
import Testing
@testable import Tutor

/// docs/AUTHORING.md: its simulator reference is what the code generates,
/// and it covers every directive, attribute, operator, built-in and unit.
@Suite struct AuthoringGuideTests {
    static let guide = Repository.root.appendingPathComponent("docs/AUTHORING.md")

    func text() throws -> String { try String(contentsOf: Self.guide, encoding: .utf8) }

    @Test func theCommittedReferenceIsWhatTheCodeGenerates() throws {
        let committed = try #require(SimulatorReference.generatedSection(of: try text()), "markers missing in docs/AUTHORING.md")
        #expect(committed == SimulatorReference.markdown(),
                "docs/AUTHORING.md is out of date: run `swift run memlane sims --update docs/AUTHORING.md`")
    }

    @Test func theReferenceListsEveryVerbPathAndFunction() {
        let markdown = SimulatorReference.markdown()
        #expect(markdown == SimulatorReference.markdown(), "deterministic")
        for type in SimulatorCatalog.all {
            let info = type.info
            #expect(markdown.contains("### `\(info.name)`: \(info.title)\n\n\(info.summary)\n"))
            for verb in info.verbs {
                #expect(markdown.contains("| `\(verb.name)` | `\(verb.usage.replacingOccurrences(of: "|", with: "\\|"))` |"), "\(info.name) \(verb.name)")
            }
            for field in info.state { #expect(markdown.contains("| `\(field.path)` | \(field.type) |"), "\(info.name) \(field.path)") }
            for f in info.functions { #expect(markdown.contains(f.signature), "\(info.name) \(f.name)") }
            if let example = info.example {
                for line in example.setup + example.check + example.solution where !line.isEmpty { #expect(markdown.contains(line)) }
            }
        }
    }

    @Test func splicingReplacesOnlyTheGeneratedPart() {
        let doc = "intro\n" + SimulatorReference.beginMarker + "\nold\n" + SimulatorReference.endMarker + "\noutro\n"
        #expect(SimulatorReference.splice(doc, reference: "new\n") == "intro\n" + SimulatorReference.beginMarker + "\nnew\n" + SimulatorReference.endMarker + "\noutro\n")
        #expect(SimulatorReference.generatedSection(of: doc) == "old\n")
        #expect(SimulatorReference.splice("no markers", reference: "x") == nil)
    }

    @Test func everyPartOfTheFormatIsDocumented() throws {
        let doc = try text()
        for name in DirectiveInfo.Name.allCases {
            #expect(doc.contains("```\(name.rawValue)"), "directive \(name.rawValue)")
            for attribute in name.attributes { #expect(doc.contains("`\(attribute)="), "attribute \(attribute)=") }
        }
        for op in BinaryOperator.allCases {
            #expect(doc.contains("`\(op.rawValue.replacingOccurrences(of: "|", with: "\\|"))`"), "operator \(op.rawValue)")
        }
        for builtin in Evaluator.builtins { #expect(doc.contains("`\(builtin)("), "built-in \(builtin)") }
        for (unit, _) in SizeUnit.factors { #expect(doc.contains("`\(unit)`"), "unit \(unit)") }
        for marker in ["`? text`", "`( ) text`", "`(x) text`", "`[ ] text`", "`[x] text`", "`= answer`", "`! feedback`", "`> text`",
                       "`= /^heap(s)?$/`", "±"] {
            #expect(doc.contains(marker), "quiz form \(marker)")
        }
        for key in LessonParser.frontMatterKeys + SummaryParser.keys { #expect(doc.contains("`\(key)`"), "front matter key \(key)") }
        for command in ["reload", "export dot FILE", "export svg FILE", "--watch", "--book DIR", "--format json",
                        "progress --export", "memlane report", "--csv", "memlane new book", "memlane new lesson"] {
            #expect(doc.contains(command), "\(command)")
        }
    }
}
