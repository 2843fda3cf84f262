/// How serious a diagnostic is.
public enum Severity: String, Sendable, Codable, Comparable {
    case note, warning, error

    /// Orders notes below warnings below errors.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        let rank: [Severity: Int] = [.note: 0, .warning: 1, .error: 2]
        return (rank[lhs] ?? 0) < (rank[rhs] ?? 0)
    }
}

/// Which part of the user's input a diagnostic is about; decides the process exit code.
public enum DiagnosticCategory: String, Sendable, Codable {
    /// Command-line usage (exit 2).
    case usage
    /// The report spec: YAML, keys, references (exit 2).
    case spec
    /// A data file: missing, unreadable, malformed, wrong columns (exit 3).
    case data
    /// Writing outputs or another environment problem (exit 1).
    case output
}

/// One problem found in the user's input, as a value: where, what, why and how to fix it.
public struct Diagnostic: Sendable, Hashable, Codable, Error, CustomStringConvertible {
    /// Error, warning or note.
    public var severity: Severity
    /// Which input the problem is in; decides the exit code.
    public var category: DiagnosticCategory
    /// Where the problem is, when it is in a file.
    public var location: SourceLocation?
    /// What is wrong, in one sentence a non-programmer can follow.
    public var message: String
    /// How to fix it (shown as `hint: …`).
    public var hint: String?
    /// The source line the location points into, shown with a caret under the column.
    public var sourceLine: String?

    /// Creates a diagnostic; only the message is required.
    public init(
        _ severity: Severity = .error, category: DiagnosticCategory, location: SourceLocation? = nil,
        message: String, hint: String? = nil, sourceLine: String? = nil
    ) {
        self.severity = severity
        self.category = category
        self.location = location
        self.message = message
        self.hint = hint
        self.sourceLine = sourceLine
    }

    /// Shorthand for an error diagnostic.
    public static func error(
        _ category: DiagnosticCategory, _ message: String, at location: SourceLocation? = nil,
        hint: String? = nil, sourceLine: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, category: category, location: location, message: message, hint: hint, sourceLine: sourceLine)
    }

    /// Compiler-style text: `path:line:col: error: message`, the source line with a caret, then the hint.
    public var description: String { rendered() }

    /// Renders the diagnostic for a terminal or log; no colour codes, so it is safe in cron mail.
    public func rendered() -> String {
        var lines: [String] = []
        let prefix = location.map { "\($0): " } ?? ""
        lines.append("\(prefix)\(severity.rawValue): \(message)")
        if let sourceLine {
            let shown = String(sourceLine.prefix(200))
            lines.append("    \(shown)")
            if let column = location?.column, column >= 1, column <= shown.count + 1 {
                let pad = shown.prefix(column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
                lines.append("    \(pad)^")
            }
        }
        if let hint { lines.append("    hint: \(hint)") }
        return lines.joined(separator: "\n")
    }
}

/// An error carrying every diagnostic a stage collected, so users see all problems in one run.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// All diagnostics, in the order they were found.
    public var diagnostics: [Diagnostic]

    /// Wraps a list of diagnostics (expected to hold at least one error).
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// Wraps a single diagnostic.
    public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }

    /// Every diagnostic rendered, separated by newlines.
    public var description: String { diagnostics.map { $0.rendered() }.joined(separator: "\n") }

    /// The most important category among the errors (data beats spec beats output beats usage).
    public var category: DiagnosticCategory {
        let errors = diagnostics.filter { $0.severity == .error }
        for candidate in [DiagnosticCategory.data, .spec, .usage, .output]
        where errors.contains(where: { $0.category == candidate }) {
            return candidate
        }
        return diagnostics.first?.category ?? .output
    }
}

extension Array where Element == Diagnostic {
    /// True when any element is an error (warnings and notes do not stop a build).
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
