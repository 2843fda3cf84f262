import Foundation
import TallyCore
import TallyTestSupport
import Testing

@testable import TallySpec

/// The JSON Schema: valid JSON, every key of the field tables in it, and test specs validate against it.
@Suite struct SchemaTests {
    let schemaText = SpecSchema.jsonSchema()

    func parsedSchema() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(schemaText.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func isDeterministicJSONOfDraft2020() throws {
        #expect(SpecSchema.jsonSchema() == schemaText)
        let schema = try parsedSchema()
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        if let path = ProcessInfo.processInfo.environment["TALLY_SCHEMA_OUT"] {
            try schemaText.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    @Test func everyKeyOfEveryTableIsInTheSchema() throws {
        let schema = try parsedSchema()
        let definitions = try #require(schema["$defs"] as? [String: Any])
        for table in RootKeys.schema.reachableSchemas {
            let body = table.name == "spec" ? schema : definitions[table.name] as? [String: Any]
            let properties = try #require(body?["properties"] as? [String: Any], "no $defs entry for \(table.name)")
            #expect(Set(properties.keys) == Set(table.fields.map(\.key)), "keys of \(table.name)")
            let required = Set(body?["required"] as? [String] ?? [])
            #expect(required == Set(table.fields.filter(\.required).map(\.key)), "required keys of \(table.name)")
        }
        #expect(definitions.count == RootKeys.schema.reachableSchemas.count - 1)
    }

    @Test func validSpecsPassTheSchema() throws {
        let schema = try parsedSchema()
        for yaml in [fullSpec, minimalSpec] {
            let instance = try #require(jsonValue(yaml))
            let errors = MiniValidator(root: schema).validate(instance, against: schema, at: "")
            #expect(errors.isEmpty, "\(errors)")
        }
    }

    @Test func brokenSpecsFailTheSchemaToo() throws {
        let schema = try parsedSchema()
        let cases: [(yaml: String, error: String)] = [
            (minimalSpec + "colours: blue\n", "/: unexpected key 'colours'"),
            (minimalSpec.replacingOccurrences(of: "title: FCR", with: "titel: FCR"), "/report: unexpected key 'titel'"),
            (minimalSpec + "output: { dpi: 1200 }\n", "/output/dpi: 1200 above maximum 600"),
            (minimalSpec.replacingOccurrences(of: "type: kpi_tiles", with: "type: kpi_tile"), "/sections/0/blocks/0/type: not one of the allowed values"),
            (minimalSpec.replacingOccurrences(of: "target: 75%", with: "target: lots"), "/kpis/fcr/target: matches none of anyOf"),
            (minimalSpec.replacingOccurrences(of: "version: 1", with: "version: 2"), "/version: not the constant 1"),
        ]
        for (yaml, error) in cases {
            let instance = try #require(jsonValue(yaml))
            let errors = MiniValidator(root: schema).validate(instance, against: schema, at: "")
            #expect(errors.contains(error), "\(errors)")
        }
    }
}

/// Converts spec YAML to JSON-like values with YAML 1.2 core-schema typing (what editors see).
func jsonValue(_ yaml: String) -> Any? {
    let (node, diagnostics) = YAMLComposer.compose(text: yaml, file: "spec.yaml")
    guard let node, diagnostics.isEmpty else { return nil }
    func convert(_ node: YAMLNode) -> Any {
        switch node.content {
        case .mapping(let pairs):
            var object: [String: Any] = [:]
            for pair in pairs { object[pair.key.scalarText ?? ""] = convert(pair.value) }
            return object
        case .sequence(let items): return items.map(convert)
        case .scalar(let text, let style):
            guard style == .plain else { return text }
            if node.isNull { return NSNull() }
            if text == "true" { return JSONBool(value: true) }
            if text == "false" { return JSONBool(value: false) }
            if let integer = Int(text) { return integer }
            if let number = Double(text), text.allSatisfy({ "0123456789.+-eE".contains($0) }) { return number }
            return text
        }
    }
    return convert(node)
}

/// A YAML boolean, kept apart from numbers (Foundation bridges `1 as Any` to Bool on some platforms).
struct JSONBool { let value: Bool }

/// A small JSON Schema validator for the keywords the spec schema uses.
struct MiniValidator {
    let root: [String: Any]

    func validate(_ value: Any, against schema: [String: Any], at path: String) -> [String] {
        var errors: [String] = []
        let here = path.isEmpty ? "/" : path
        if let reference = schema["$ref"] as? String {
            let name = String(reference.dropFirst("#/$defs/".count))
            if let definitions = root["$defs"] as? [String: Any], let target = definitions[name] as? [String: Any] {
                errors += validate(value, against: target, at: path)
            } else {
                errors.append("\(here): unresolved \(reference)")
            }
        }
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [(type as? String) ?? ""]
            if !types.contains(where: { Self.has(value, type: $0) }) { errors.append("\(here): not of type \(types)") }
        }
        if let constant = schema["const"], !Self.equal(value, constant) { errors.append("\(here): not the constant \(constant)") }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal(value, $0) }) {
            errors.append("\(here): not one of the allowed values")
        }
        if let pattern = schema["pattern"] as? String, let text = value as? String,
            text.range(of: pattern, options: .regularExpression) == nil
        {
            errors.append("\(here): does not match \(pattern)")
        }
        if let minimum = schema["minimum"] as? Double, let number = Self.number(value), number < minimum {
            errors.append("\(here): \(Self.show(number)) below minimum \(Self.show(minimum))")
        }
        if let maximum = schema["maximum"] as? Double, let number = Self.number(value), number > maximum {
            errors.append("\(here): \(Self.show(number)) above maximum \(Self.show(maximum))")
        }
        if let minLength = schema["minLength"] as? Int, let text = value as? String, text.count < minLength {
            errors.append("\(here): shorter than \(minLength)")
        }
        if let items = schema["items"] as? [String: Any], let array = value as? [Any] {
            for (index, item) in array.enumerated() { errors += validate(item, against: items, at: "\(path)/\(index)") }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in (schema["required"] as? [String] ?? []) where object[key] == nil {
                errors.append("\(here): missing '\(key)'")
            }
            for (key, child) in object.sorted(by: { $0.key < $1.key }) {
                if let names = schema["propertyNames"] as? [String: Any] {
                    errors += validate(key, against: names, at: "\(path)/\(key)")
                }
                if let property = properties[key] as? [String: Any] {
                    errors += validate(child, against: property, at: "\(path)/\(key)")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    errors += validate(child, against: additional, at: "\(path)/\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    errors.append("\(here): unexpected key '\(key)'")
                }
            }
        }
        if let anyOf = schema["anyOf"] as? [[String: Any]],
            !anyOf.contains(where: { validate(value, against: $0, at: path).isEmpty })
        {
            errors.append("\(here): matches none of anyOf")
        }
        for part in schema["allOf"] as? [[String: Any]] ?? [] {
            if let condition = part["if"] as? [String: Any] {
                if validate(value, against: condition, at: path).isEmpty, let then = part["then"] as? [String: Any] {
                    errors += validate(value, against: then, at: path)
                }
            } else {
                errors += validate(value, against: part, at: path)
            }
        }
        return errors
    }

    static func has(_ value: Any, type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return value is JSONBool
        case "integer": return value is Int
        case "number": return value is Int || value is Double
        case "null": return value is NSNull
        default: return false
        }
    }

    static func number(_ value: Any) -> Double? {
        if value is JSONBool || value is String { return nil }
        if let integer = value as? Int { return Double(integer) }
        return value as? Double
    }

    static func show(_ number: Double) -> String { number == number.rounded() ? String(Int(number)) : String(number) }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        if let x = a as? String, let y = b as? String { return x == y }
        if a is String || b is String { return false }
        if let x = number(a), let y = number(b) { return x == y }
        return false
    }
}

/// The example specs shipped in `ReportSpecs/` load cleanly and pass the schema.
@Suite struct RepositorySpecTests {
    @Test func everyShippedSpecLoadsAndPassesTheSchema() throws {
        let directory = TestPaths.inRepository("ReportSpecs")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(!files.isEmpty)
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(SpecSchema.jsonSchema().utf8)) as? [String: Any])
        for file in files {
            let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
            let (spec, diagnostics) = SpecLoader.load(text: text, path: file)
            #expect(spec != nil && diagnostics.isEmpty, "\(file): \(diagnostics.map { $0.rendered() })")
            let instance = try #require(jsonValue(text), "\(file) is not YAML")
            let errors = MiniValidator(root: schema).validate(instance, against: schema, at: "")
            #expect(errors.isEmpty, "\(file): \(errors)")
        }
    }
}
