import TallyCore

/// A YAML value that passed its field's kind check, converted and located.
struct Checked: Sendable {
    /// The converted value.
    indirect enum Value: Sendable {
        case text(String)
        case integer(Int)
        case number(Double)
        case boolean(Bool)
        case date(CivilDate)
        /// A number or a fraction from a percentage (`percent` true when written with `%`).
        case quantity(Double, percent: Bool)
        case span(Int, SpanUnit)
        case list([Checked])
        case object(CheckedObject)
        case dictionary([CheckedEntry])
    }

    /// The converted value.
    var value: Value
    /// Where the value starts in the spec.
    var location: SourceLocation
    /// The YAML node it came from (templates use it to locate placeholders inside text).
    var node: YAMLNode

    /// The text, for text-like kinds (text, name, identifier, choice, formula).
    var text: String? {
        if case .text(let text) = value { return text }
        return nil
    }

    /// The text with its location.
    var located: Located<String>? { text.map { Located($0, at: location) } }

    /// The whole number, for integer kinds.
    var integer: Int? {
        if case .integer(let value) = value { return value }
        return nil
    }

    /// The number, for number kinds (integers widen).
    var number: Double? {
        switch value {
        case .number(let value): return value
        case .integer(let value): return Double(value)
        case .quantity(let value, _): return value
        default: return nil
        }
    }

    /// The boolean, for boolean kinds.
    var boolean: Bool? {
        if case .boolean(let value) = value { return value }
        return nil
    }

    /// The date, for date kinds.
    var date: CivilDate? {
        if case .date(let value) = value { return value }
        return nil
    }

    /// The items, for list kinds.
    var list: [Checked] {
        if case .list(let items) = value { return items }
        return []
    }

    /// The mapping, for object and tagged kinds.
    var object: CheckedObject? {
        if case .object(let object) = value { return object }
        return nil
    }

    /// The named entries, for dictionary kinds.
    var entries: [CheckedEntry] {
        if case .dictionary(let entries) = value { return entries }
        return []
    }

    /// The texts of a list, each located.
    var locatedTexts: [Located<String>] { list.compactMap(\.located) }
}

/// One `name: value` entry of a dictionary (a dataset, a KPI, a param, a computed column).
struct CheckedEntry: Sendable {
    /// The name with the location of the key.
    var name: Located<String>
    /// The checked value.
    var value: Checked
}

/// A fixed mapping whose keys were all known and whose values passed their checks (invalid ones are absent).
struct CheckedObject: Sendable {
    /// The keys it was checked against.
    var schema: ObjectSchema
    /// Valid values by key.
    var values: [String: Checked]
    /// Where each key that was written starts (including keys whose value was invalid).
    var keyLocations: [String: SourceLocation]
    /// Where the mapping starts.
    var location: SourceLocation

    /// The checked value of a field (nil when absent or invalid).
    subscript(field: Field) -> Checked? { values[field.key] }

    /// True when the key was written, even if its value was invalid.
    func wrote(_ field: Field) -> Bool { keyLocations[field.key] != nil }

    /// The location of the key, else of the mapping.
    func location(of field: Field) -> SourceLocation { keyLocations[field.key] ?? location }
}
