/// The JSON Schema (2020-12) of report specs, generated from the field tables the loader decodes with.
///
/// Editors use it for completion and squiggles (`# yaml-language-server: $schema=…`); `tally schema` prints it.
/// Because decoding and the schema read the same tables, a key cannot exist in one and not the other.
/// The schema is a little stricter than the loader in places where YAML typing differs between tools
/// (the loader also accepts `"150"` for a number and `yes`/`no` for booleans).
public enum SpecSchema {
    /// The `$id` of the schema.
    public static let identifier = "https://tally.report/schema/spec-v1.json"

    /// The schema as pretty-printed JSON (deterministic: same build, same bytes).
    public static func jsonSchema() -> String { document().rendered() + "\n" }

    /// The schema as a value (for tests).
    static func document() -> JSONValue {
        var generator = Generator()
        let root = generator.objectBody(RootKeys.schema, isRoot: true)
        var entries: [(String, JSONValue)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string(identifier)),
            ("title", .string("Tally report spec")),
        ]
        if case .object(let body) = root { entries += body }
        entries.append(("$defs", .object(generator.definitions)))
        return .object(entries)
    }

    /// Walks the field tables, collecting one `$defs` entry per mapping schema.
    private struct Generator {
        var definitions: [(String, JSONValue)] = []
        var defined: Set<String> = []

        /// The schema of one mapping: described properties, required keys, no other keys.
        mutating func objectBody(_ schema: ObjectSchema, isRoot: Bool = false, constant: (key: String, value: String)? = nil) -> JSONValue {
            var properties: [(String, JSONValue)] = []
            for field in schema.fields {
                var property: [(String, JSONValue)]
                if isRoot && field.key == "version" {
                    property = [("const", .integer(1))]
                } else if let constant, constant.key == field.key {
                    property = [("const", .string(constant.value))]
                } else {
                    property = entries(of: kind(field.kind))
                }
                var description = field.summary
                if let defaultText = field.defaultText { description += " Default: \(defaultText)." }
                property.insert(("description", .string(description)), at: 0)
                properties.append((field.key, .object(property)))
            }
            var body: [(String, JSONValue)] = [
                ("description", .string(schema.summary)),
                ("type", .string("object")),
                ("properties", .object(properties)),
            ]
            let required = schema.fields.filter(\.required).map { JSONValue.string($0.key) }
            if !required.isEmpty { body.append(("required", .array(required))) }
            body.append(("additionalProperties", .bool(false)))
            return .object(body)
        }

        /// The entries of an object value (empty for other values).
        private func entries(of value: JSONValue) -> [(String, JSONValue)] {
            if case .object(let entries) = value { return entries }
            return []
        }

        /// A `$ref` to the mapping's `$defs` entry, defining it on first use.
        mutating func reference(_ schema: ObjectSchema, constant: (key: String, value: String)? = nil) -> JSONValue {
            if !defined.contains(schema.name) {
                defined.insert(schema.name)
                let index = definitions.count
                definitions.append((schema.name, .object([])))
                definitions[index].1 = objectBody(schema, constant: constant)
            }
            return .object([("$ref", .string("#/$defs/\(schema.name)"))])
        }

        /// The schema of one value kind.
        mutating func kind(_ kind: ValueKind) -> JSONValue {
            switch kind {
            case .text:
                return .object([("type", .array([.string("string"), .string("number"), .string("boolean")]))])
            case .name:
                return .object([("type", .string("string")), ("minLength", .integer(1))])
            case .identifier:
                return .object([("type", .string("string")), ("pattern", .string(Identifier.pattern))])
            case .integer(let range):
                var entries: [(String, JSONValue)] = [("type", .string("integer"))]
                if let range {
                    entries.append(("minimum", .integer(range.lowerBound)))
                    entries.append(("maximum", .integer(range.upperBound)))
                }
                return .object(entries)
            case .number:
                return .object([("type", .string("number"))])
            case .boolean:
                return .object([("type", .string("boolean"))])
            case .date:
                return .object([
                    ("type", .string("string")), ("format", .string("date")),
                    ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")),
                ])
            case .numberOrPercent:
                return .object([
                    ("anyOf", .array([
                        .object([("type", .string("number"))]),
                        .object([("type", .string("string")), ("pattern", .string("^[+-]?[0-9]+(\\.[0-9]+)?\\s*%$"))]),
                    ]))
                ])
            case .choice(let words):
                return .object([("enum", .array(words.map { .string($0) }))])
            case .formula:
                return .object([("type", .string("string")), ("pattern", .string("^\\s*="))])
            case .span:
                return .object([
                    ("type", .string("string")),
                    ("pattern", .string("^[0-9]+ +(day|week|month|quarter)s?$")),
                ])
            case .list(.text):
                // In lists of cell texts a bare `null` (YAML null in editors) is the text "null".
                let types: [JSONValue] = ["string", "number", "boolean", "null"].map { .string($0) }
                return .object([("type", .string("array")), ("items", .object([("type", .array(types))]))])
            case .list(let element):
                return .object([("type", .string("array")), ("items", self.kind(element))])
            case .object(let schema):
                return reference(schema)
            case .dictionary(let value, let keys):
                var entries: [(String, JSONValue)] = [("type", .string("object"))]
                if keys == .identifier {
                    entries.append(("propertyNames", .object([("pattern", .string(Identifier.pattern))])))
                }
                entries.append(("additionalProperties", self.kind(value)))
                return .object(entries)
            case .oneOf(let options):
                return .object([("anyOf", .array(options.map { self.kind($0) }))])
            case .tagged(let tagged):
                var branches: [JSONValue] = []
                for variant in tagged.variants {
                    let target = reference(variant.schema, constant: (tagged.discriminator, variant.tag))
                    branches.append(.object([
                        ("if", .object([
                            ("properties", .object([(tagged.discriminator, .object([("const", .string(variant.tag))]))])),
                            ("required", .array([.string(tagged.discriminator)])),
                        ])),
                        ("then", target),
                    ]))
                }
                return .object([
                    ("type", .string("object")),
                    ("required", .array([.string(tagged.discriminator)])),
                    ("properties", .object([
                        (tagged.discriminator, .object([("enum", .array(tagged.variants.map { .string($0.tag) }))]))
                    ])),
                    ("allOf", .array(branches)),
                ])
            }
        }
    }
}
