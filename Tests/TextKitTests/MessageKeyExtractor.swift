import Foundation
import Testing

/// Finds the keys of every `L("…")` call in Swift sources, so the catalogue
/// test can compare what the code says with what the catalogue translates.
///
/// It is a small lexer rather than a regular expression because keys sit
/// among comments, other strings (which may mention `L("…")` themselves) and
/// interpolations, and because a key written in a way the catalogue cannot
/// match literally (interpolation, escapes, concatenation, a variable) must
/// be reported where it is, not silently skipped.
struct MessageKeyExtractor {
    /// One literal key and where it is used.
    struct Key: Hashable {
        var text: String
        var file: String
        var line: Int
    }

    /// A call whose key the catalogue cannot match as written.
    struct Problem: CustomStringConvertible {
        var file: String
        var line: Int
        var message: String
        var description: String { "\(file):\(line): \(message)" }
    }

    private(set) var keys: [Key] = []
    private(set) var problems: [Problem] = []

    /// Every `.swift` file under `folder`, in a stable order; paths are
    /// reported relative to `relativeTo`.
    static func scan(folder: URL, relativeTo root: URL) throws -> MessageKeyExtractor {
        var extractor = MessageKeyExtractor()
        let files = (FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL } ?? [])
            .filter { $0.pathExtension == "swift" }
            .sorted { $0.path < $1.path }
        for url in files {
            let name = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            extractor.scan(try String(contentsOf: url, encoding: .utf8), file: name)
        }
        return extractor
    }

    mutating func scan(_ source: String, file: String) {
        var lexer = Lexer(bytes: Array(source.utf8), file: file)
        lexer.code(untilCloseParen: false)
        keys += lexer.keys
        problems += lexer.problems
    }

    /// Walks the bytes of one file. Strings and comments are skipped with
    /// the same rules as Swift's (raw `#"…"#`, multi-line `"""`, nested
    /// `/* */`, `\( )` holding code), so only real calls are seen.
    private struct Lexer {
        let bytes: [UInt8]
        let file: String
        var i = 0
        var keys: [Key] = []
        var problems: [Problem] = []
        private let lineStarts: [Int]

        init(bytes: [UInt8], file: String) {
            self.bytes = bytes
            self.file = file
            lineStarts = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
        }

        func line(at offset: Int) -> Int {
            var low = 0, high = lineStarts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
            }
            return low + 1
        }

        func byte(_ k: Int) -> UInt8? { k < bytes.count ? bytes[k] : nil }

        func isIdentifier(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b >= 0x80
        }

        /// Hashes at `k` followed by a quote: the start of a string literal.
        func stringStart(at k: Int) -> (hashes: Int, quote: Int)? {
            var q = k
            while byte(q) == UInt8(ascii: "#") { q += 1 }
            return byte(q) == UInt8(ascii: "\"") ? (q - k, q) : nil
        }

        func isTripleQuote(at k: Int) -> Bool {
            byte(k) == UInt8(ascii: "\"") && byte(k + 1) == UInt8(ascii: "\"") && byte(k + 2) == UInt8(ascii: "\"")
        }

        /// Whether the quote at `k` is followed by `hashes` hashes (a closing delimiter).
        func closes(at k: Int, hashes: Int) -> Bool {
            (0..<hashes).allSatisfy { byte(k + 1 + $0) == UInt8(ascii: "#") }
        }

        mutating func problem(_ offset: Int, _ message: String) {
            problems.append(Problem(file: file, line: line(at: offset), message: message))
        }

        /// Code up to the end of the file, or up to the `)` closing an interpolation.
        mutating func code(untilCloseParen: Bool) {
            var depth = 0
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case UInt8(ascii: "/") where byte(i + 1) == UInt8(ascii: "/"):
                    while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
                case UInt8(ascii: "/") where byte(i + 1) == UInt8(ascii: "*"):
                    blockComment()
                case UInt8(ascii: "#"), UInt8(ascii: "\""):
                    if stringStart(at: i) != nil { skipString() } else { i += 1 }
                case UInt8(ascii: "("):
                    depth += 1
                    i += 1
                case UInt8(ascii: ")"):
                    i += 1
                    if depth == 0, untilCloseParen { return }
                    depth -= 1
                case UInt8(ascii: "L") where byte(i + 1) == UInt8(ascii: "(")
                    && (i == 0 || !(isIdentifier(bytes[i - 1]) || bytes[i - 1] == UInt8(ascii: "."))):
                    let call = i
                    i += 2
                    if declaresFunction(before: call) { break }  // `func L(` itself
                    depth += 1  // the call's own parenthesis, closed by the loop
                    firstArgument(of: call)
                default:
                    i += 1
                }
            }
        }

        func declaresFunction(before k: Int) -> Bool {
            var j = k
            while j > 0, bytes[j - 1] == UInt8(ascii: " ") { j -= 1 }
            return j >= 4 && Array(bytes[(j - 4)..<j]) == Array("func".utf8)
        }

        mutating func blockComment() {
            var depth = 0
            repeat {
                if byte(i) == UInt8(ascii: "/"), byte(i + 1) == UInt8(ascii: "*") { depth += 1; i += 2 }
                else if byte(i) == UInt8(ascii: "*"), byte(i + 1) == UInt8(ascii: "/") { depth -= 1; i += 2 }
                else { i += 1 }
            } while depth > 0 && i < bytes.count
        }

        /// The key of the call at `call`: a single-line literal, read without
        /// interpreting anything a translator could not write back the same way.
        mutating func firstArgument(of call: Int) {
            while let b = byte(i), b == UInt8(ascii: " ") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\t") { i += 1 }
            guard let (hashes, quote) = stringStart(at: i) else {
                problem(call, "the key of `L(...)` is not a string literal: write the English text literally")
                return
            }
            if isTripleQuote(at: quote) {
                problem(call, "the key of `L(...)` is a multi-line literal: write it on one line (use `\\n` joins outside `L`)")
                skipString()
                return
            }
            var text: [UInt8] = []
            var faults: [String] = []
            i = quote + 1
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\""), closes(at: i, hashes: hashes) { i += 1 + hashes; break }
                if b == UInt8(ascii: "\n") { faults.append("the literal is not closed on its line"); break }
                if b == UInt8(ascii: "\\"), (0..<hashes).allSatisfy({ byte(i + 1 + $0) == UInt8(ascii: "#") }) {
                    let after = i + 1 + hashes
                    if byte(after) == UInt8(ascii: "(") {
                        faults.append("it interpolates `\\(...)`: pass the value as an argument and write `{0}`")
                        i = after + 1
                        code(untilCloseParen: true)
                        continue
                    }
                    faults.append(hashes == 0
                        ? "it contains an escape (`\\\(Character(UnicodeScalar(byte(after) ?? 0x3F)))`): write the key as a raw string `#\"…\"#` or avoid the character"
                        : "it contains an escape: keep keys free of escapes")
                    text.append(b)
                    i += 1
                    continue
                }
                text.append(b)
                i += 1
            }
            var next = i
            while let b = byte(next), b == UInt8(ascii: " ") || b == UInt8(ascii: "\n") { next += 1 }
            if byte(next) == UInt8(ascii: "+") {
                faults.append("the key is built with `+`: write it as one literal")
            }
            if faults.isEmpty {
                keys.append(Key(text: String(decoding: text, as: UTF8.self), file: file, line: line(at: call)))
            } else {
                for fault in faults { problem(call, "the key of `L(...)` cannot be matched by the catalogue: \(fault)") }
            }
        }

        /// Any string literal at `i`, with its interpolations' code.
        mutating func skipString() {
            guard let (hashes, quote) = stringStart(at: i) else { i += 1; return }
            let multiLine = isTripleQuote(at: quote)
            i = quote + (multiLine ? 3 : 1)
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\\"), (0..<hashes).allSatisfy({ byte(i + 1 + $0) == UInt8(ascii: "#") }) {
                    let after = i + 1 + hashes
                    if byte(after) == UInt8(ascii: "(") {
                        i = after + 1
                        code(untilCloseParen: true)
                    } else {
                        i = after + 1  // the escaped character, a quote included
                    }
                    continue
                }
                if multiLine, isTripleQuote(at: i), closes(at: i + 2, hashes: hashes) { i += 3 + hashes; return }
                if !multiLine, b == UInt8(ascii: "\""), closes(at: i, hashes: hashes) { i += 1 + hashes; return }
                if !multiLine, b == UInt8(ascii: "\n") { return }
                i += 1
            }
        }
    }
}

/// The extractor itself, on small sources whose answer is known.
@Suite struct MessageKeyExtractorTests {
    func scan(_ source: String) -> MessageKeyExtractor {
        var extractor = MessageKeyExtractor()
        extractor.scan(source, file: "x.swift")
        return extractor
    }

    @Test func findsKeysAndSkipsCommentsAndOtherStrings() {
        let found = scan(#"""
            // L("in a comment")
            /* L("in /* a nested */ block") */
            let a = L("one {0}", x), b = foo.L("method"), c = NL("other")
            let d = "L(\"in a string\") \(L("inside interpolation"))"
            let e = L(#"raw "quoted" key"#)
            let f = """
                L("in a multi-line string")
                """
            let g = L(
                "next line")
            """#)
        #expect(found.keys.map(\.text) == ["one {0}", "inside interpolation", #"raw "quoted" key"#, "next line"])
        #expect(found.keys.map(\.line) == [3, 4, 5, 9])
        #expect(found.problems.isEmpty)
    }

    @Test func reportsKeysTheCatalogueCannotMatch() {
        let found = scan(#"""
            let a = L("count \(n)")
            let b = L("say \"hi\"")
            let c = L("one " + "two")
            let d = L(name)
            let e = L("""
                multi
                """)
            func L(_ english: String) -> String { english }
            let f = L("fine")
            """#)
        #expect(found.keys.map(\.text) == ["fine"])
        #expect(found.problems.map(\.line) == [1, 2, 3, 4, 5])
        #expect(found.problems[0].message.contains("interpolates"))
        #expect(found.problems[1].message.contains("escape"))
        #expect(found.problems[2].message.contains("`+`"))
        #expect(found.problems[3].message.contains("not a string literal"))
        #expect(found.problems[4].message.contains("multi-line"))
    }
}
