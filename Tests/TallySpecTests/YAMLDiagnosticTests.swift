import TallyCore
import Testing

@testable import TallySpec

/// YAML-level problems: syntax errors with line and column, tabs, aliases, several documents.
@Suite struct YAMLDiagnosticTests {
    @Test func colonInsideAValueExplainsQuoting() {
        expectDiagnostics("""
            version: 1
            report:
              title: FCR: before and after
            #           ^ error: a ': ' inside a value is read as a new key
            # hint: put the whole value in quotes, e.g. title: "FCR: before and after"
            """)
    }

    @Test func textAfterAQuotedValueSuggestsRequoting() {
        expectDiagnostics("""
            version: 1
            report:
              title: "FCR" vs "AHT"
            #              ^ error: text follows a quoted value; a value that starts with a quote ends at the closing quote
            # hint: quote the whole value with the other kind of quote, e.g. title: '"FCR" vs "AHT"'
            """)
    }

    @Test func unclosedFlowMappingSaysWhereItOpened() {
        expectDiagnostics("""
            version: 1
            report: { title: FCR
            data: { t: { file: t.csv } }
            #   ^ error: YAML syntax error: did not find expected ',' or '}' while parsing a flow mapping
            # hint: entries of a { mapping } are separated by commas and it ends with '}' (the one opened on line 2)
            """)
    }

    @Test func tabIndentationIsNamed() {
        let (_, diagnostics) = load("version: 1\nreport:\n\ttitle: FCR\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "a tab is used for indentation")
        #expect(diagnostics.first?.location == SourceLocation(file: "spec.yaml", line: 3, column: 1))
        #expect(diagnostics.first?.sourceLine == "\ttitle: FCR")
    }

    @Test func unclosedFlowListPointsAtTheEnd() {
        expectDiagnostics("""
            version: 1
            report: { title: FCR }
            data: { t: { file: t.csv } }
            sections:
              - title: A
                blocks:
                  - { type: kpi_tiles, kpis: [fcr, csat }
            #                                           ^ error: YAML syntax error: did not find expected ',' or ']' while parsing a flow sequence
            # hint: items of a [list] are separated by commas and the list ends with ']'
            """)
    }

    @Test func badIndentationGivesTheLine() {
        expectDiagnostics("""
            version: 1
            report:
              title: FCR
             subtitle: x
            #^ error: YAML syntax error: did not find expected key while parsing a block mapping
            # hint: check this line's indentation: keys of one mapping start in the same column, and list items start with '- '
            """)
    }

    @Test func emptyAndCommentOnlySpecs() {
        for text in ["", "  \n", "# only a comment\n"] {
            let (spec, diagnostics) = load(text)
            #expect(spec == nil)
            #expect(diagnostics.map(\.message) == ["the spec is empty"])
            #expect(diagnostics.first?.location?.line == 1)
        }
    }

    @Test func aScalarIsNotASpec() {
        expectDiagnostics("""
            just some text
            # error@1: the spec must be a mapping of keys such as 'version', 'report' and 'data', found a single value
            """)
    }

    @Test func secondDocumentIsRefused() {
        expectDiagnostics("""
            version: 1
            report: { title: FCR }
            data: { t: { file: t.csv } }
            sections: []
            ---
            # error@1: the spec must be a single YAML document
            version: 1
            """)
    }

    @Test func unknownAliasSuggestsAnAnchor() {
        expectDiagnostics("""
            version: 1
            report: { title: &title FCR, subtitle: *titel }
            #                                      ^ error: unknown alias '*titel'
            # hint: did you mean 'title'?
            data: { t: { file: t.csv } }
            sections: []
            """)
    }

    @Test func aliasesAndMergeKeysWorkWithinBounds() throws {
        let (spec, diagnostics) = load("""
            version: 1
            report: { title: &t FCR, subtitle: *t }
            data:
              tickets: &csv { file: tickets.csv, delimiter: ";" }
              calls:
                <<: *csv
                file: calls.csv
            sections: []
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.rendered() })")
        let loaded = try #require(spec)
        #expect(loaded.report.subtitle == "FCR")
        #expect(loaded.dataset(named: "calls")?.file.value == "calls.csv")
        #expect(loaded.dataset(named: "calls")?.delimiter == .semicolon)
    }

    @Test func billionLaughsIsRefusedQuickly() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            yaml += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        let clock = ContinuousClock()
        let start = clock.now
        let (spec, diagnostics) = load(yaml)
        let elapsed = clock.now - start
        #expect(spec == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "YAML aliases expand to more than 100000 values; the spec was not loaded")
        // a4 (line 5) pushes the running total past 100 000: 110 + 1 110 + 11 110 + 9 × 11 111.
        #expect(diagnostics.first?.location?.line == 5)
        #expect(elapsed < .seconds(5))
    }

    @Test func windowsLineEndingsKeepLocations() throws {
        let crlf = fullSpec.replacingOccurrences(of: "\n", with: "\r\n")
        let (spec, diagnostics) = load(crlf)
        #expect(diagnostics.isEmpty)
        #expect(try #require(spec).kpi("fcr")?.id.location == SourceLocation(file: "spec.yaml", line: 53, column: 3))
        let (_, broken) = load("version: 1\r\nreport:\r\n  titel: x\r\n")
        let titel = try #require(broken.first { $0.message == "unknown key 'titel' in 'report'" })
        #expect(titel.location == SourceLocation(file: "spec.yaml", line: 3, column: 3))
        #expect(titel.sourceLine == "  titel: x")
    }

    @Test func invalidUTF8FromAWorldIsOneLocatedDiagnostic() {
        let world = MemoryWorld()
        // "version: 1\nreport: { title: Café }" saved as Windows-1252: é is the single byte 0xE9.
        let bytes = Array("version: 1\nreport: { title: Caf".utf8) + [0xE9] + Array(" }\n".utf8)
        try? world.writeFileAtomically(bytes, to: "bad.yaml")
        let (spec, diagnostics) = SpecLoader.load(path: "bad.yaml", world: world)
        #expect(spec == nil)
        #expect(diagnostics.map(\.message) == ["the spec is not UTF-8 text: byte 0xE9 cannot start a character here"])
        #expect(diagnostics.first?.location == SourceLocation(file: "bad.yaml", line: 2, column: 21))
        let (_, missing) = SpecLoader.load(path: "nope.yaml", world: world)
        #expect(missing.map(\.message) == ["cannot read the spec file nope.yaml: no such file or directory"])
    }
}
