import TallyCore
import Testing

@testable import TallySpec

/// Loads a spec from text under the file name `spec.yaml`.
func load(_ yaml: String) -> (Spec?, [Diagnostic]) {
    SpecLoader.load(text: yaml, path: "spec.yaml")
}

/// One expected diagnostic: line, column, severity and message (and hint, when given).
struct Expected: Equatable, CustomStringConvertible {
    var line: Int
    var column: Int
    var severity: Severity
    var message: String
    var hint: String?

    var description: String {
        "\(line):\(column): \(severity.rawValue): \(message)" + (hint.map { " [hint: \($0)]" } ?? "")
    }
}

/// Reads expectations written as YAML comments under the line they are about:
///
///     report:
///       titel: FCR
///     # ^ error: unknown key 'titel' in 'report'
///     # hint: did you mean 'title'?
///
/// The caret's column is the expected column (`# error@1: …` expects column 1, which a caret cannot mark).
/// The line is the nearest line above that is not itself a marker. A `# hint:` line right after a marker
/// also checks that diagnostic's hint.
func expectations(in yaml: String) -> [Expected] {
    var result: [Expected] = []
    var lastContentLine = 0
    for (index, raw) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let line = String(raw)
        let trimmed = line.drop(while: { $0 == " " })
        if trimmed.hasPrefix("# hint: "), !result.isEmpty {
            result[result.count - 1].hint = String(trimmed.dropFirst("# hint: ".count))
            continue
        }
        if let marker = parseMarker(line) {
            result.append(Expected(line: lastContentLine, column: marker.column, severity: marker.severity, message: marker.message))
            continue
        }
        lastContentLine = index + 1
    }
    return result
}

private func parseMarker(_ line: String) -> (column: Int, severity: Severity, message: String)? {
    let scalars = Array(line)
    guard let hash = scalars.firstIndex(of: "#") else { return nil }
    let rest = String(scalars[(hash + 1)...]).drop(while: { $0 == " " })
    for severity in [Severity.error, .warning, .note] {
        let word = severity.rawValue
        if rest.hasPrefix("^ \(word): "), let caret = scalars.firstIndex(of: "^") {
            return (caret + 1, severity, String(rest.dropFirst("^ \(word): ".count)))
        }
        if rest.hasPrefix("\(word)@"), let colon = rest.firstIndex(of: ":") {
            let number = rest[rest.index(rest.startIndex, offsetBy: word.count + 1)..<colon]
            if let column = Int(number) {
                return (column, severity, String(rest[rest.index(colon, offsetBy: 2)...]))
            }
        }
    }
    return nil
}

/// Loads `yaml` and checks that its diagnostics are exactly the ones its marker comments expect.
func expectDiagnostics(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let (spec, diagnostics) = load(yaml)
    // Markers under one line may come in any order; compare in reading order.
    let expected = expectations(in: yaml).sorted { ($0.line, $0.column, $0.message) < ($1.line, $1.column, $1.message) }
    let actual = diagnostics.map { d in
        Expected(
            line: d.location?.line ?? 0, column: d.location?.column ?? 0, severity: d.severity, message: d.message,
            hint: d.hint)
    }.sorted { ($0.line, $0.column, $0.message) < ($1.line, $1.column, $1.message) }
    // Hints are compared only where the test wrote one.
    let comparable = zip(actual, expected).map { pair -> Expected in
        var copy = pair.0
        if pair.1.hint == nil { copy.hint = nil }
        return copy
    } + actual.dropFirst(expected.count)
    let rendered = diagnostics.map { $0.rendered() }.joined(separator: "\n")
    #expect(comparable == expected, "\n\(rendered)", sourceLocation: sourceLocation)
    if expected.contains(where: { $0.severity == .error }) {
        #expect(spec == nil, "a spec with errors must not be returned", sourceLocation: sourceLocation)
    }
    for diagnostic in diagnostics {
        #expect(diagnostic.category == .spec, sourceLocation: sourceLocation)
        #expect(diagnostic.location?.file == "spec.yaml", sourceLocation: sourceLocation)
    }
}

/// A small valid spec to which tests append or in which they replace lines.
let minimalSpec = """
    version: 1
    report:
      title: FCR
    data:
      tickets:
        file: tickets.csv
    phases:
      time: opened_at
      periods:
        - { id: baseline, from: 2025-01-06, to: 2025-07-06 }
        - { id: post, from: 2025-07-07 }
    kpis:
      fcr: { builtin: fcr, target: 75% }
    sections:
      - title: Summary
        blocks:
          - type: kpi_tiles
            kpis: [fcr]

    """
