/// A `World` that refuses every read, write and listing outside one directory (`tally build --root DIR`).
///
/// Each path is resolved by the wrapped world (`resolvedPath`: symbolic links followed, `..` taken as the
/// real parent) and must then lie inside the resolved root, so neither a link nor `..` can escape it.
/// The check happens just before each operation; a link swapped in between by another process is not caught.
public struct ConfinedWorld: World {
    /// The world every allowed operation goes to.
    public let inner: any World
    /// The root as given (for messages).
    public let root: String
    /// The root resolved.
    public let resolvedRoot: String

    /// Confines `inner` to `root`; fails when the root is not an existing directory.
    public init(_ inner: any World, root: String) throws(WorldError) {
        guard inner.directoryExists(root) else { throw WorldError(path: root, reason: "the --root directory does not exist") }
        self.inner = inner
        self.root = root
        self.resolvedRoot = inner.resolvedPath(root)
    }

    /// Nil when `path` resolves inside the root; otherwise the error naming the path and the root.
    public func escape(_ path: String) -> WorldError? {
        let resolved = inner.resolvedPath(path)
        if resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot == "/" ? "/" : resolvedRoot + "/") { return nil }
        let via = resolved == Path.normalised(path) ? "" : " (it resolves to '\(resolved)')"
        return WorldError(path: path, reason: "outside the root '\(root)'\(via); only files under --root may be read or written")
    }

    /// Reads a file under the root.
    public func readFile(_ path: String) throws(WorldError) -> [UInt8] {
        if let error = escape(path) { throw error }
        return try inner.readFile(path)
    }

    /// False outside the root.
    public func fileExists(_ path: String) -> Bool { escape(path) == nil && inner.fileExists(path) }

    /// Writes a file under the root.
    public func writeFileAtomically(_ bytes: [UInt8], to path: String) throws(WorldError) {
        if let error = escape(path) { throw error }
        try inner.writeFileAtomically(bytes, to: path)
    }

    /// Creates directories under the root.
    public func createDirectories(_ path: String) throws(WorldError) {
        if let error = escape(path) { throw error }
        try inner.createDirectories(path)
    }

    /// False outside the root.
    public func directoryExists(_ path: String) -> Bool { escape(path) == nil && inner.directoryExists(path) }

    /// Lists a directory under the root.
    public func listDirectory(_ path: String) throws(WorldError) -> [String] {
        if let error = escape(path) { throw error }
        return try inner.listDirectory(path)
    }

    /// The wrapped world's environment.
    public func environment(_ name: String) -> String? { inner.environment(name) }

    /// The wrapped world's clock.
    public func currentTime() -> Int64 { inner.currentTime() }

    /// Nil outside the root.
    public func fileSize(_ path: String) -> Int? { escape(path) == nil ? inner.fileSize(path) : nil }

    /// The wrapped world's resolution.
    public func resolvedPath(_ path: String) -> String { inner.resolvedPath(path) }

    /// Mapped like the wrapped world, only inside the root (outside, `readFile` reports the escape).
    public func mappablePath(_ path: String) -> String? { escape(path) == nil ? inner.mappablePath(path) : nil }
}
