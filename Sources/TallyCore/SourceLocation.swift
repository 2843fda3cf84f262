/// A position in a user's file: path, 1-based line and column (either may be unknown).
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Path of the file as the user named it (relative paths stay relative).
    public var file: String
    /// 1-based line number, when known.
    public var line: Int?
    /// 1-based column number (in characters), when known.
    public var column: Int?

    /// Creates a location; line and column are optional because some errors only know the file.
    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `path:line:col`, `path:line` or `path`, the form editors and terminals turn into links.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}
