import TallyCore

/// A formula's text and where its first character sits in the spec file, for located diagnostics.
public struct FormulaSource: Sendable, Hashable {
    /// The formula, with or without its leading `=`.
    public var text: String
    /// Where the formula's first character is in the spec file (file, line, column).
    public var location: SourceLocation
    /// The full spec line holding the formula, when the caller has it; otherwise diagnostics show the
    /// formula indented to its column so the caret still lines up.
    public var specLine: String?

    /// Creates a source; `location` defaults to `<formula>:1:1`.
    public init(_ text: String, at location: SourceLocation = SourceLocation(file: "<formula>", line: 1, column: 1),
                specLine: String? = nil) {
        self.text = text
        self.location = location
        self.specLine = specLine
    }

    /// The location of the character at `offset` (0-based, in characters) inside the formula.
    public func location(ofOffset offset: Int) -> SourceLocation {
        var line = location.line
        var column = (location.column ?? 1) + offset
        // Formulas spanning lines (YAML block scalars) restart columns at 1 after each newline.
        var index = 0
        var lastNewline: Int?
        for character in text {
            if index >= offset { break }
            if character == "\n" {
                lastNewline = index
                line = line.map { $0 + 1 }
            }
            index += 1
        }
        if let lastNewline { column = offset - lastNewline }
        return SourceLocation(file: location.file, line: line, column: location.column == nil ? nil : column)
    }

    /// The line shown under a diagnostic at `offset`, with the formula placed at its column.
    func displayLine(forOffset offset: Int) -> String {
        let characters = Array(text)
        let newlines = characters.indices.filter { characters[$0] == "\n" }
        let before = newlines.filter { $0 < offset }
        if let last = before.last {
            let end = newlines.first { $0 > last } ?? characters.count
            return String(characters[(last + 1)..<end])
        }
        let firstLineEnd = newlines.first ?? characters.count
        let firstLine = String(characters[0..<firstLineEnd])
        if let specLine { return specLine }
        let pad = max(0, (location.column ?? 1) - 1)
        return String(repeating: " ", count: pad) + firstLine
    }

    /// A `.spec` error diagnostic pointing at `offset` inside the formula.
    public func error(at offset: Int, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic.error(.spec, message, at: location(ofOffset: offset), hint: hint,
                         sourceLine: displayLine(forOffset: offset))
    }
}

/// A half-open range of character offsets inside a formula (0-based, `=` included).
public struct Span: Sendable, Hashable {
    /// First character.
    public var start: Int
    /// One past the last character.
    public var end: Int

    /// Creates a span.
    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    /// The smallest span covering both.
    func to(_ other: Span) -> Span { Span(min(start, other.start), max(end, other.end)) }
}
