import TallyCore

/// Files a build produced, held in memory until everything succeeded, then written atomically.
struct OutputFiles {
    /// Relative path inside the report directory → bytes, in creation order.
    private(set) var files: [(path: String, bytes: [UInt8])] = []

    /// Adds a file.
    mutating func add(_ relativePath: String, _ bytes: [UInt8]) { files.append((relativePath, bytes)) }

    /// Writes every file under `directory`: each to a temporary name, then renamed over its destination.
    func write(to directory: String, world: any World) throws(DiagnosticError) -> [String] {
        var written: [String] = []
        for (relative, bytes) in files {
            let path = Path.join(directory, relative)
            do {
                try world.createDirectories(Path.directory(of: path))
                try world.writeFileAtomically(bytes, to: path)
            } catch {
                throw DiagnosticError(.error(
                    .output, "cannot write '\(path)': \(error.reason)", at: SourceLocation(file: path),
                    hint: "check that the output directory is writable, or choose another with --out"))
            }
            written.append(path)
        }
        return written
    }
}
