import TallyCore

/// A composed YAML node with the location of its first character, the input every spec reader walks.
///
/// Aliases are already expanded (within `YAMLComposer.expansionLimit`), duplicate keys already reported and
/// dropped, so readers see a plain tree.
struct YAMLNode: Sendable {
    /// How a scalar was written; quoting decides whether `1` is text or a number for loose fields.
    enum ScalarStyle: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }

    /// The shape of the node.
    enum Content: Sendable {
        case scalar(String, ScalarStyle)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    /// What the node holds.
    var content: Content
    /// Where the node starts.
    var location: SourceLocation
    /// Where the node ends (exclusive), for finding text inside scalars.
    var end: SourceLocation

    /// The scalar text, if this node is a scalar.
    var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// True for an empty plain scalar, `~` or `null`: a key written with no value.
    var isNull: Bool {
        guard case .scalar(let text, .plain) = content else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// A short name of the node's shape for "expected …, found …" messages.
    var shapeName: String {
        switch content {
        case .scalar: return isNull ? "nothing" : "a single value"
        case .mapping: return "a mapping (key: value lines)"
        case .sequence: return "a list"
        }
    }

    /// Number of nodes in this subtree, counted once when composed (bounds alias expansion).
    var size: Int
}

/// One `key: value` entry of a YAML mapping.
struct YAMLPair: Sendable {
    /// The key node (a scalar in every valid spec).
    var key: YAMLNode
    /// The value node.
    var value: YAMLNode
}
