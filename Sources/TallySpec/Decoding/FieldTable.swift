/// What values a spec key accepts; one table of these drives decoding, the JSON Schema and the docs test.
indirect enum ValueKind: Sendable {
    /// Any single value, kept as written (numbers and dates too).
    case text
    /// A name that exists elsewhere (a column of a CSV): kept as written, must not be empty.
    case name
    /// An id the author invents (KPI, phase, block): letters, digits, `_` and `-`, starting with a letter.
    case identifier
    /// A whole number, optionally within a range.
    case integer(ClosedRange<Int>?)
    /// A number (`12`, `0.75`, `-3.5`).
    case number
    /// `true` or `false`.
    case boolean
    /// An ISO date `YYYY-MM-DD`.
    case date
    /// A number, or a percentage such as `75%` (stored as the fraction 0.75).
    case numberOrPercent
    /// One word from a fixed list.
    case choice([String])
    /// A spreadsheet formula, written as text starting with `=`.
    case formula
    /// A length of time such as `12 weeks` (units: days, weeks, months, quarters).
    case span
    /// A list of values of one kind.
    case list(ValueKind)
    /// A mapping with fixed keys.
    case object(ObjectSchema)
    /// A mapping from names the author chooses to values of one kind (datasets, KPIs, params, columns).
    case dictionary(ValueKind, keys: KeyRule)
    /// The first alternative that fits the value's shape (e.g. a type word, or a mapping with details).
    case oneOf([ValueKind])
    /// A mapping whose `type` key selects which keys it has (blocks).
    case tagged(TaggedSchema)

    /// Words for "expected …" messages.
    var expectation: String {
        switch self {
        case .text: return "a text value"
        case .name: return "a name"
        case .identifier: return "an id (letters, digits, '_' or '-', starting with a letter)"
        case .integer(let range?): return "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .integer(nil): return "a whole number"
        case .number: return "a number"
        case .boolean: return "true or false"
        case .date: return "a date written YYYY-MM-DD"
        case .numberOrPercent: return "a number or a percentage like 75%"
        case .choice(let words) where words.count == 1: return "the word " + Messages.quoted(words[0])
        case .choice(let words): return "one of " + words.map { Messages.quoted($0) }.joined(separator: ", ")
        case .formula: return "a formula starting with '='"
        case .span: return "a length of time like '12 weeks'"
        case .list(let element): return "a list of " + element.pluralExpectation
        case .object: return "a mapping of settings (key: value lines)"
        case .dictionary: return "a mapping of names to settings"
        case .oneOf(let options): return options.map(\.expectation).joined(separator: ", or ")
        case .tagged(let tagged): return "a mapping with '\(tagged.discriminator)'"
        }
    }

    /// Words for the items of a list.
    var pluralExpectation: String {
        switch self {
        case .text: return "text values"
        case .name: return "names"
        case .identifier: return "ids"
        case .date: return "dates"
        case .choice(let words): return "words from " + words.map { Messages.quoted($0) }.joined(separator: ", ")
        case .object, .tagged: return "mappings"
        default: return "values (\(expectation))"
        }
    }
}

/// What the names of a dictionary must look like.
enum KeyRule: Sendable {
    /// Ids usable in templates and formulas (letters, digits, `_`, `-`, starting with a letter).
    case identifier
    /// Any text, such as a CSV column header with spaces.
    case anyName
}

/// One key of a fixed mapping: its name, value kind, whether it is required, and its documentation.
struct Field: Sendable {
    /// The key as written in YAML.
    let key: String
    /// What values it accepts.
    let kind: ValueKind
    /// True when the spec must contain the key.
    let required: Bool
    /// One sentence for the docs and the JSON Schema `description`.
    let summary: String
    /// The value used when the key is absent, as the docs show it (nil when absent means "none").
    let defaultText: String?

    /// Declares a key.
    init(_ key: String, _ kind: ValueKind, required: Bool = false, default defaultText: String? = nil, _ summary: String) {
        self.key = key
        self.kind = kind
        self.required = required
        self.summary = summary
        self.defaultText = defaultText
    }
}

/// The keys a fixed mapping may hold (one per spec part: report, dataset, KPI, block type, …).
struct ObjectSchema: Sendable {
    /// A stable name, used for JSON Schema `$defs` and the docs test (e.g. `report`, `block.pareto`).
    let name: String
    /// One sentence describing the mapping.
    let summary: String
    /// The keys, in the order the docs list them.
    let fields: [Field]

    /// Declares a mapping.
    init(_ name: String, _ summary: String, _ fields: [Field]) {
        self.name = name
        self.summary = summary
        self.fields = fields
    }

    /// The field declared for `key`, if any.
    func field(_ key: String) -> Field? { fields.first { $0.key == key } }

    /// Keys listed for messages: `'title', 'subtitle', …`.
    var keyListForMessages: String { fields.map { Messages.quoted($0.key) }.joined(separator: ", ") }
}

/// Mappings distinguished by a discriminator key (`type: pareto`), each with its own keys.
struct TaggedSchema: Sendable {
    /// The key whose value selects the variant (`type`).
    let discriminator: String
    /// Variants in documentation order: the discriminator value and the keys of that variant.
    let variants: [(tag: String, schema: ObjectSchema)]

    /// The variant for a discriminator value.
    func variant(_ tag: String) -> ObjectSchema? { variants.first { $0.tag == tag }?.schema }
}

extension ObjectSchema {
    /// This schema and every mapping schema reachable from its fields, each once, in documentation order.
    var reachableSchemas: [ObjectSchema] {
        var result: [ObjectSchema] = []
        var seen: Set<String> = []
        func visit(_ schema: ObjectSchema) {
            guard seen.insert(schema.name).inserted else { return }
            result.append(schema)
            for field in schema.fields { visit(kind: field.kind) }
        }
        func visit(kind: ValueKind) {
            switch kind {
            case .object(let schema): visit(schema)
            case .list(let element): visit(kind: element)
            case .dictionary(let value, _): visit(kind: value)
            case .oneOf(let options): options.forEach { visit(kind: $0) }
            case .tagged(let tagged): tagged.variants.forEach { visit($0.schema) }
            default: break
            }
        }
        visit(self)
        return result
    }
}
