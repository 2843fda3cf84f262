import TallyCore

/// Checks YAML nodes against field tables: unknown keys, missing keys, wrong shapes, bad words, bad dates.
///
/// Every problem becomes a located diagnostic and checking carries on, so one run reports them all.
/// A value that fails its check is left out of the result; later stages treat it as absent.
struct Checker {
    /// Source lines for diagnostics.
    let lines: SourceLines
    /// Problems found so far.
    var diagnostics: [Diagnostic] = []

    /// Creates a checker for one spec file.
    init(lines: SourceLines) { self.lines = lines }

    /// Records an error at `location`.
    mutating func report(_ message: Message, at location: SourceLocation, severity: Severity = .error) {
        diagnostics.append(lines.diagnostic(message, at: location, severity: severity))
    }

    /// Checks a whole spec mapping against `schema`.
    mutating func checkRoot(_ node: YAMLNode, schema: ObjectSchema) -> CheckedObject? {
        guard case .mapping = node.content else {
            report(Messages.rootNotMapping(found: node.shapeName), at: node.location)
            return nil
        }
        return checkObject(node, schema: schema, label: "the spec")
    }

    /// Checks `node` as the value of `key` (named in messages; `keyLocation` is where a missing key is reported).
    /// List items are named by their list's key in the singular (`this section`, `this pareto block`).
    mutating func check(
        _ node: YAMLNode, as kind: ValueKind, key: String, keyLocation: SourceLocation? = nil, isListItem: Bool = false
    ) -> Checked? {
        switch kind {
        case .text, .name, .identifier, .formula, .choice, .integer, .number, .boolean, .date, .numberOrPercent, .span:
            return checkScalar(node, as: kind, key: key)
        case .list(let element):
            guard case .sequence(let items) = node.content else {
                report(Messages.expectedList(key: key, element: element, found: node), at: node.location)
                return nil
            }
            var checked: [Checked] = []
            // Single values of a list are named in the singular: "'jpg' is not a valid 'format'".
            let itemKey: String
            switch element {
            case .object, .tagged, .list, .dictionary, .oneOf: itemKey = key
            default: itemKey = Messages.singular(key)
            }
            for item in items {
                if let value = check(item, as: element, key: itemKey, isListItem: true) { checked.append(value) }
            }
            return Checked(value: .list(checked), location: node.location, node: node)
        case .object(let schema):
            guard case .mapping = node.content else {
                report(Messages.wrongShape(key: key, expected: kind, found: node), at: node.location)
                return nil
            }
            let label = isListItem ? "this " + Messages.singular(key) : Messages.quoted(key)
            return checkObject(node, schema: schema, label: label, missingAt: keyLocation).map {
                Checked(value: .object($0), location: node.location, node: node)
            }
        case .dictionary(let valueKind, let keyRule):
            guard case .mapping(let pairs) = node.content else {
                report(Messages.wrongShape(key: key, expected: kind, found: node), at: node.location)
                return nil
            }
            var entries: [CheckedEntry] = []
            for pair in pairs {
                guard let name = pair.key.scalarText else { continue }
                if keyRule == .identifier, !Identifier.isValid(name) {
                    report(Messages.badIdentifier(name, what: "a name under \(Messages.quoted(key))"), at: pair.key.location)
                    continue
                }
                if pair.value.isNull, case .object(let schema) = valueKind, !schema.fields.contains(where: \.required) {
                    let empty = CheckedObject(schema: schema, values: [:], keyLocations: [:], location: pair.value.location)
                    entries.append(CheckedEntry(
                        name: Located(name, at: pair.key.location),
                        value: Checked(value: .object(empty), location: pair.value.location, node: pair.value)))
                    continue
                }
                if pair.value.isNull {
                    report(Messages.missingValue(key: name), at: pair.key.location)
                    continue
                }
                if let value = check(pair.value, as: valueKind, key: name, keyLocation: pair.key.location) {
                    entries.append(CheckedEntry(name: Located(name, at: pair.key.location), value: value))
                }
            }
            return Checked(value: .dictionary(entries), location: node.location, node: node)
        case .oneOf(let options):
            return checkOneOf(node, options: options, key: key, keyLocation: keyLocation)
        case .tagged(let tagged):
            return checkTagged(node, tagged: tagged, key: key)
        }
    }

    /// Checks a value that may take several shapes: by its shape first, then by trying each scalar kind.
    private mutating func checkOneOf(
        _ node: YAMLNode, options: [ValueKind], key: String, keyLocation: SourceLocation?
    ) -> Checked? {
        let fitting = options.filter { Checker.shapeFits(node, $0) }
        if fitting.count == 1 { return check(node, as: fitting[0], key: key, keyLocation: keyLocation) }
        if fitting.isEmpty {
            report(Messages.wrongShape(key: key, expected: .oneOf(options), found: node), at: node.location)
            return nil
        }
        for option in fitting {
            var trial = Checker(lines: lines)
            if let value = trial.check(node, as: option, key: key), trial.diagnostics.isEmpty { return value }
        }
        report(Messages.noAlternative(key: key, value: node.scalarText ?? "", options: fitting), at: node.location)
        return nil
    }

    /// True when the node's shape (single value, list, mapping) can hold a value of the kind.
    private static func shapeFits(_ node: YAMLNode, _ kind: ValueKind) -> Bool {
        switch (node.content, kind) {
        case (.sequence, .list): return true
        case (.mapping, .object), (.mapping, .dictionary), (.mapping, .tagged): return true
        case (.scalar, .list), (.scalar, .object), (.scalar, .dictionary), (.scalar, .tagged), (.scalar, .oneOf): return false
        case (.scalar, _): return true
        default: return false
        }
    }

    /// Checks a mapping whose discriminator (`type`) selects its keys.
    private mutating func checkTagged(_ node: YAMLNode, tagged: TaggedSchema, key: String) -> Checked? {
        guard case .mapping(let pairs) = node.content else {
            report(Messages.wrongShape(key: key, expected: .tagged(tagged), found: node), at: node.location)
            return nil
        }
        let tags = tagged.variants.map(\.tag)
        guard let pair = pairs.first(where: { $0.key.scalarText == tagged.discriminator }) else {
            report(
                Messages.missingDiscriminator(tagged.discriminator, of: Messages.singular(key), allowed: tags), at: node.location)
            return nil
        }
        guard let tag = pair.value.scalarText, let schema = tagged.variant(tag) else {
            report(
                Messages.badChoice(key: tagged.discriminator, value: pair.value.scalarText ?? "", allowed: tags),
                at: pair.value.location)
            return nil
        }
        return checkObject(node, schema: schema, label: "this \(tag) \(Messages.singular(key))").map {
            Checked(value: .object($0), location: node.location, node: node)
        }
    }

    /// Checks a mapping's keys against a schema: unknown keys (with did-you-mean), missing required keys, values.
    mutating func checkObject(
        _ node: YAMLNode, schema: ObjectSchema, label: String, missingAt: SourceLocation? = nil
    ) -> CheckedObject? {
        guard case .mapping(let pairs) = node.content else { return nil }
        var values: [String: Checked] = [:]
        var keyLocations: [String: SourceLocation] = [:]
        var suggested: Set<String> = []
        for pair in pairs {
            guard let key = pair.key.scalarText else { continue }
            guard let field = schema.field(key) else {
                report(Messages.unknownKey(key, in: label, schema: schema), at: pair.key.location)
                if let guess = DidYouMean.suggestion(for: key, in: schema.fields.map(\.key)) { suggested.insert(guess) }
                continue
            }
            keyLocations[key] = pair.key.location
            if pair.value.isNull {
                if field.required { report(Messages.missingValue(key: key), at: pair.key.location) }
                continue
            }
            if let value = check(pair.value, as: field.kind, key: key, keyLocation: pair.key.location) {
                values[key] = value
            }
        }
        // A misspelt required key is reported once, as the unknown key with its did-you-mean.
        for field in schema.fields where field.required && keyLocations[field.key] == nil && !suggested.contains(field.key) {
            report(Messages.missingKey(field, in: label), at: missingAt ?? node.location)
        }
        return CheckedObject(schema: schema, values: values, keyLocations: keyLocations, location: node.location)
    }

    /// Checks a single value against a scalar kind.
    private mutating func checkScalar(_ node: YAMLNode, as kind: ValueKind, key: String) -> Checked? {
        guard case .scalar(let raw, let style) = node.content else {
            report(Messages.wrongShape(key: key, expected: kind, found: node), at: node.location)
            return nil
        }
        let text = style == .literal || style == .folded ? raw : raw.trimmingSpaces
        func ok(_ value: Checked.Value) -> Checked { Checked(value: value, location: node.location, node: node) }
        func fail(_ message: Message) -> Checked? {
            report(message, at: node.location)
            return nil
        }
        switch kind {
        case .text:
            return ok(.text(raw))
        case .name:
            return text.isEmpty ? fail(Messages.missingValue(key: key)) : ok(.text(text))
        case .identifier:
            guard Identifier.isValid(text) else { return fail(Messages.badIdentifier(text, what: Messages.quoted(key))) }
            return ok(.text(text))
        case .formula:
            guard text.hasPrefix("=") else { return fail(Messages.notFormula(key: key, value: text)) }
            return ok(.text(text))
        case .choice(let words):
            guard words.contains(text) else { return fail(Messages.badChoice(key: key, value: text, allowed: words)) }
            return ok(.text(text))
        case .integer(let range):
            guard let value = Int(text) else { return fail(Messages.notNumber(key: key, value: text, kind: kind)) }
            if let range, !range.contains(value) { return fail(Messages.outOfRange(key: key, value: text, kind: kind)) }
            return ok(.integer(value))
        case .number:
            guard let value = Checker.parseNumber(text) else {
                return fail(Messages.notNumber(key: key, value: text, kind: kind))
            }
            return ok(.number(value))
        case .numberOrPercent:
            if text.hasSuffix("%"), let value = Checker.parseNumber(String(text.dropLast()).trimmingSpaces) {
                return ok(.quantity(value / 100, percent: true))
            }
            guard let value = Checker.parseNumber(text) else {
                return fail(Messages.notNumber(key: key, value: text, kind: kind))
            }
            return ok(.quantity(value, percent: false))
        case .boolean:
            switch text.lowercased() {
            case "true", "yes", "on": return ok(.boolean(true))
            case "false", "no", "off": return ok(.boolean(false))
            default: return fail(Messages.notBoolean(key: key, value: text))
            }
        case .date:
            guard let date = CivilDate(iso: Substring(text)) else { return fail(Messages.badDate(key: key, value: text)) }
            return ok(.date(date))
        case .span:
            guard let (count, unit) = SpanUnit.parse(text) else { return fail(Messages.badSpan(key: key, value: text)) }
            return ok(.span(count, unit))
        default:
            return fail(Messages.wrongShape(key: key, expected: kind, found: node))
        }
    }

    /// Parses a decimal number strictly (no `inf`, `nan`, hex or thousands separators).
    static func parseNumber(_ text: String) -> Double? {
        let allowed = Set("0123456789+-.eE")
        guard !text.isEmpty, text.allSatisfy({ allowed.contains($0) }), let value = Double(text), value.isFinite else {
            return nil
        }
        return value
    }
}

/// Rules for ids the author invents (KPIs, phases, blocks, datasets, params): usable in `{{ kpi.phase }}`.
enum Identifier {
    /// ASCII letters, digits, `_` and `-`, starting with a letter (the JSON Schema uses the same pattern).
    static func isValid(_ text: String) -> Bool {
        guard let first = text.utf8.first, isLetter(first) else { return false }
        return text.utf8.allSatisfy { isLetter($0) || (48...57).contains($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    /// A valid id made from any text, prefixed when the slug alone would not be one (`3.1` → `id-3-1`).
    static func made(from text: String, prefix: String) -> String {
        let slug = self.slug(text)
        return isValid(slug) ? slug : slug.isEmpty ? prefix : prefix + "-" + slug
    }

    /// The pattern of `isValid` for JSON Schema.
    static let pattern = "^[A-Za-z][A-Za-z0-9_-]*$"

    private static func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }

    /// A lower-case slug of a title: `Before & after` → `before-after` (may be empty or start with a digit).
    static func slug(_ title: String) -> String { Slug.make(title) }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
