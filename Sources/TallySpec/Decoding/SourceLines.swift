import TallyCore

/// The spec text as lines, so diagnostics can show the offending line with a caret.
struct SourceLines: Sendable {
    /// Lines without their line terminators.
    let lines: [Substring]

    /// Splits `text` at the line breaks libyaml counts: LF, CRLF, CR, NEL, LS and PS.
    init(_ text: String) {
        var result: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            switch scalar {
            case "\n", "\u{85}", "\u{2028}", "\u{2029}":
                result.append(Substring(scalars[start..<index]))
                start = next
            case "\r":
                result.append(Substring(scalars[start..<index]))
                start = next < scalars.endIndex && scalars[next] == "\n" ? scalars.index(after: next) : next
            default:
                break
            }
            index = max(next, start)
        }
        result.append(Substring(scalars[start..<scalars.endIndex]))
        lines = result
    }

    /// The 1-based line `number`, if it exists.
    func line(_ number: Int?) -> String? {
        guard let number, number >= 1, number <= lines.count else { return nil }
        return String(lines[number - 1])
    }

    /// The character at a location (1-based column counted in Unicode scalars, as libyaml counts).
    func character(at location: SourceLocation) -> Character? {
        guard let text = line(location.line), let column = location.column, column >= 1 else { return nil }
        let scalars = Array(text.unicodeScalars)
        return column <= scalars.count ? Character(scalars[column - 1]) : nil
    }

    /// The location `offset` Unicode scalars after `start`, following line breaks in the source.
    func advance(_ start: SourceLocation, by offset: Int) -> SourceLocation {
        guard var line = start.line, var column = start.column else { return start }
        var remaining = offset
        while remaining > 0, let text = self.line(line) {
            let left = text.unicodeScalars.count - (column - 1)
            if remaining <= left {
                column += remaining
                remaining = 0
            } else {
                remaining -= left + 1
                line += 1
                column = 1
            }
        }
        return SourceLocation(file: start.file, line: line, column: column)
    }

    /// The source text between two locations (Unicode scalars; lines joined with `\n`).
    func text(from start: SourceLocation, to end: SourceLocation) -> String {
        guard let startLine = start.line, let endLine = end.line, let startColumn = start.column,
            let endColumn = end.column, startLine <= endLine
        else { return "" }
        var pieces: [String] = []
        for number in startLine...endLine {
            guard let text = line(number) else { break }
            let scalars = Array(text.unicodeScalars)
            let from = number == startLine ? min(max(startColumn - 1, 0), scalars.count) : 0
            let to = number == endLine ? min(max(endColumn - 1, from), scalars.count) : scalars.count
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[from..<to])
            pieces.append(String(piece))
        }
        return pieces.joined(separator: "\n")
    }

    /// The location itself, or — when it lies past the last non-blank line (errors at the end of the input) —
    /// the end of that line, so every diagnostic points at text the user can see.
    func clamped(_ location: SourceLocation) -> SourceLocation {
        guard let line = location.line else { return location }
        var last = lines.count
        while last > 1, lines[last - 1].allSatisfy({ $0 == " " || $0 == "\t" }) { last -= 1 }
        guard line > last else { return location }
        let length = lines.isEmpty ? 0 : lines[last - 1].unicodeScalars.count
        return SourceLocation(file: location.file, line: max(last, 1), column: length + 1)
    }

    /// A spec diagnostic for `message` at `location`, with the source line attached.
    func diagnostic(_ message: Message, at location: SourceLocation, severity: Severity = .error) -> Diagnostic {
        Diagnostic(
            severity, category: .spec, location: location, message: message.text, hint: message.hint,
            sourceLine: line(location.line))
    }
}
