import TallyCore

/// Text with `{{ reference | filter }}` placeholders, e.g. `FCR rose to {{ fcr.post | percent }}`.
public struct TextTemplate: Sendable, Hashable {
    /// The text as written.
    public var source: String
    /// Literal runs and placeholders, in order.
    public var parts: [TemplatePart]

    /// Creates a template from parsed parts.
    public init(source: String, parts: [TemplatePart]) {
        self.source = source
        self.parts = parts
    }

    /// The placeholders, in order.
    public var placeholders: [TemplatePlaceholder] {
        parts.compactMap { part in
            if case .placeholder(let placeholder) = part { return placeholder }
            return nil
        }
    }

    /// The filters a placeholder may use.
    public static let filters = ["percent", "number", "integer", "currency", "date", "signed", "points"]

    /// Parses `text`; `locate` turns a Unicode-scalar offset into a location; problems are returned beside it.
    public static func parse(
        _ text: String, locate: (Int) -> SourceLocation
    ) -> (TextTemplate, [(message: String, location: SourceLocation)]) {
        var parts: [TemplatePart] = []
        var problems: [(message: String, location: SourceLocation)] = []
        let scalars = Array(text.unicodeScalars)
        var literal = String.UnicodeScalarView()
        var i = 0
        func flush() {
            if !literal.isEmpty { parts.append(.literal(String(literal))) }
            literal = String.UnicodeScalarView()
        }
        while i < scalars.count {
            guard scalars[i] == "{", i + 1 < scalars.count, scalars[i + 1] == "{" else {
                literal.append(scalars[i])
                i += 1
                continue
            }
            var j = i + 2
            while j + 1 < scalars.count, !(scalars[j] == "}" && scalars[j + 1] == "}") { j += 1 }
            guard j + 1 < scalars.count else {
                problems.append(("'{{' is not closed with '}}'", locate(i)))
                literal.append(contentsOf: scalars[i...])
                break
            }
            var inner = String.UnicodeScalarView()
            inner.append(contentsOf: scalars[(i + 2)..<j])
            let pieces = String(inner).split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            let reference = pieces.first ?? ""
            let path = reference.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if reference.isEmpty || path.contains(where: \.isEmpty) {
                problems.append(("'{{ \(String(inner).trimmingSpaces) }}' does not name a value", locate(i)))
            } else {
                flush()
                parts.append(.placeholder(TemplatePlaceholder(
                    path: path, filters: Array(pieces.dropFirst()), text: String(String.UnicodeScalarView(scalars[i..<(j + 2)])),
                    location: locate(i))))
            }
            i = j + 2
        }
        flush()
        return (TextTemplate(source: text, parts: parts), problems)
    }
}

/// A literal run or a placeholder.
public enum TemplatePart: Sendable, Hashable {
    case literal(String)
    case placeholder(TemplatePlaceholder)
}

/// One `{{ reference | filter | … }}`.
public struct TemplatePlaceholder: Sendable, Hashable {
    /// The dotted reference split at dots: `["fcr", "baseline"]`, `["params", "team"]`.
    public var path: [String]
    /// Filters applied left to right (`percent`, `signed`, …).
    public var filters: [String]
    /// The placeholder as written, braces included.
    public var text: String
    /// Where its `{{` is in the spec.
    public var location: SourceLocation

    /// Creates a placeholder.
    public init(path: [String], filters: [String], text: String, location: SourceLocation) {
        self.path = path
        self.filters = filters
        self.text = text
        self.location = location
    }
}
