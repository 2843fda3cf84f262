import Foundation
import TallyCore
import TallyTestSupport
import Testing

@testable import TallySpec

/// The reference documentation (`Documentation.docc`) covers every key the loader accepts, with an example.
@Suite struct DocumentationTests {
    /// The article documenting each mapping of the field tables.
    static func article(for schema: String) -> String? {
        if schema.hasPrefix("block.") { return "Blocks" }
        let articles: [String: String] = [
            "spec": "SpecFile", "report": "Report", "param": "Params", "dataset": "Data", "booleans": "Data",
            "column": "Data", "phases": "Phases", "period": "Phases", "change": "Phases", "exclusion": "Phases",
            "kpi": "KPIs", "section": "Sections", "evidence": "Evidence", "criterion": "Evidence",
            "signature": "Evidence", "batch": "Batch", "output": "Output", "page": "Output",
        ]
        return articles[schema]
    }

    static func read(_ article: String) throws -> String {
        let path = TestPaths.inRepository("Sources/TallySpec/Documentation.docc/\(article).md")
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// The contents of the ```yaml blocks of an article.
    static func yamlBlocks(_ text: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.hasPrefix("```yaml") {
                current = []
            } else if current != nil, line.hasPrefix("```") {
                blocks.append((current ?? []).joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    /// True when `key:` is written as a mapping key somewhere in `yaml`.
    static func writesKey(_ key: String, in yaml: String) -> Bool {
        for prefix in ["\n", " ", "{", "-", "\t"] where ("\n" + yaml).contains(prefix + key + ":") { return true }
        return false
    }

    @Test func everyKeyIsDocumentedWithAnExample() throws {
        for schema in RootKeys.schema.reachableSchemas {
            let name = try #require(Self.article(for: schema.name), "no article assigned to '\(schema.name)'")
            let text = try Self.read(name)
            let examples = Self.yamlBlocks(text).joined(separator: "\n")
            for field in schema.fields {
                #expect(text.contains("`\(field.key)`"), "\(name).md does not describe `\(field.key)` of \(schema.name)")
                #expect(Self.writesKey(field.key, in: examples), "\(name).md has no example writing `\(field.key):` (\(schema.name))")
            }
        }
    }

    @Test func everyBlockTypeHasAnExampleWithAllItsKeys() throws {
        let blocks = Self.yamlBlocks(try Self.read("Blocks"))
        let common = Set(["type", "id", "title", "subtitle", "caption", "width"])
        for variant in BlockKeys.tagged.variants {
            let examples = blocks.filter { $0.contains("type: \(variant.tag)\n") || $0.hasSuffix("type: \(variant.tag)") }
            #expect(!examples.isEmpty, "Blocks.md has no example of `type: \(variant.tag)`")
            let own = variant.schema.fields.map(\.key).filter { !common.contains($0) }
            // Some example of the type must show every key of the type.
            let missing = examples.map { example in own.filter { !Self.writesKey($0, in: example) } }
                .min { $0.count < $1.count } ?? own
            #expect(missing.isEmpty, "no \(variant.tag) example shows \(missing)")
        }
    }

    @Test func everyChoiceWorthDocumentingIsListed() throws {
        let kpis = try Self.read("KPIs")
        for builtin in BuiltinKPI.allCases { #expect(kpis.contains("`\(builtin.rawValue)`"), "built-in \(builtin.rawValue)") }
        for role in Set(BuiltinKPI.allCases.flatMap(\.roles)) { #expect(kpis.contains("`\(role)`"), "input \(role)") }
        let blocks = try Self.read("Blocks")
        for chart in ControlChartType.allCases { #expect(blocks.contains("`\(chart.rawValue)`"), "chart \(chart.rawValue)") }
        let templates = try Self.read("Templates")
        for filter in TextTemplate.filters { #expect(templates.contains("`\(filter)`"), "filter \(filter)") }
        for value in TemplateVocabulary.kpiValues + TemplateVocabulary.reportValues {
            #expect(templates.contains(value), "template value \(value)")
        }
    }

    @Test func everyExampleIsValidYAML() throws {
        let directory = TestPaths.inRepository("Sources/TallySpec/Documentation.docc")
        let articles = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".md") }
        #expect(articles.count >= 13)
        for article in articles {
            for block in Self.yamlBlocks(try Self.read(String(article.dropLast(3)))) {
                let (_, diagnostics) = YAMLComposer.compose(text: block, file: article)
                #expect(diagnostics.isEmpty, "\(article): \(diagnostics.map { $0.rendered() })")
            }
        }
    }

    @Test func fullExamplesInTheDocsLoad() throws {
        for article in ["TallySpec", "SpecFile"] {
            let example = try #require(Self.yamlBlocks(try Self.read(article)).first)
            let (spec, diagnostics) = load(example)
            #expect(diagnostics.isEmpty, "\(article): \(diagnostics.map { $0.rendered() })")
            #expect(spec != nil)
        }
    }
}
