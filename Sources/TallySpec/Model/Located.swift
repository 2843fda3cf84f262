import TallyCore

/// A value from the spec together with where it was written, so later stages can point at it.
public struct Located<Value: Sendable>: Sendable {
    /// The value.
    public var value: Value
    /// Where the value starts in the spec file.
    public var location: SourceLocation

    /// Wraps a value with its location.
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

extension Located: CustomStringConvertible where Value: CustomStringConvertible {
    /// The value's description (locations are for diagnostics, not for display).
    public var description: String { value.description }
}
