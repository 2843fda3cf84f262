/// Keys of one dataset under `data:`.
enum DatasetKeys {
    static let file = Field("file", .name, required: true, "The CSV file, relative to the spec file.")
    static let delimiter = Field(
        "delimiter", .choice(Delimiter.allCases.map(\.rawValue)), default: "auto",
        "The field separator: auto, \",\", \";\", tab or \"|\".")
    static let encoding = Field(
        "encoding", .choice(TextEncoding.allCases.map(\.rawValue)), default: "utf-8",
        "The text encoding: utf-8, windows-1252, latin1 or utf-16.")
    static let decimal = Field(
        "decimal", .choice(DecimalSeparator.allCases.map(\.rawValue)), default: "\".\"", "The decimal separator: \".\" or \",\".")
    static let thousands = Field(
        "thousands", .choice(ThousandsSeparator.allCases.map(\.rawValue)), default: "\"\"",
        "The thousands separator: \"\" (none), \",\", \".\" or \" \".")
    static let missing = Field(
        "missing", .list(.text), default: "[\"\", NA, N/A, null]", "Cell texts that mean no value.")
    static let booleans = Field(
        "booleans", .object(BooleanKeys.schema), default: "Y/yes/true/1 and N/no/false/0",
        "Cell texts read as true and false in boolean columns.")
    static let badRows = Field(
        "bad_rows", .choice(BadRowPolicy.allCases.map(\.rawValue)), default: "fail",
        "What to do with rows that do not fit: fail (stop with an error) or skip (leave out and count).")
    static let columns = Field(
        "columns", .dictionary(.oneOf([.choice(ColumnType.allCases.map(\.rawValue)), .object(ColumnKeys.schema)]), keys: .anyName),
        "Column types by header; undeclared columns are inferred. A type word, or a mapping with details.")
    static let filter = Field("filter", .formula, "A row formula; only rows where it is true are used.")
    static let computed = Field(
        "computed", .dictionary(.formula, keys: .identifier), "New columns computed per row: name → formula.")

    static let schema = ObjectSchema(
        "dataset", "A named CSV dataset and how to read it.",
        [file, delimiter, encoding, decimal, thousands, missing, booleans, badRows, columns, filter, computed])
}

/// Keys of `booleans:`.
enum BooleanKeys {
    static let trueWords = Field("true", .list(.text), "Texts meaning true.")
    static let falseWords = Field("false", .list(.text), "Texts meaning false.")

    static let schema = ObjectSchema("booleans", "Cell texts read as true and false.", [trueWords, falseWords])
}

/// Keys of a column declared with details.
enum ColumnKeys {
    static let type = Field(
        "type", .choice(ColumnType.allCases.map(\.rawValue)), required: true,
        "text, category, number, integer, boolean, date or datetime.")
    static let format = Field(
        "format", .name, default: "ISO 8601", "For date and datetime columns: the pattern used, e.g. dd/MM/yyyy.")
    static let timezone = Field(
        "timezone", .name, default: "the report's", "For datetime columns without an offset: their IANA time zone.")

    static let schema = ObjectSchema("column", "A declared column type.", [type, format, timezone])
}
