import TallyCore

/// Files a build produced, held in memory until everything succeeded, then written atomically.
struct OutputFiles {
    /// Relative path inside the report directory → bytes, in creation order.
    private(set) var files: [(path: String, bytes: [UInt8])] = []

    /// Adds a file.
    mutating func add(_ relativePath: String, _ bytes: [UInt8]) { files.append((relativePath, bytes)) }

    /// An error when writing under `directory` would replace one of `inputs` (the spec, a data file), checked on
    /// resolved paths so links and `..` cannot hide it; nil when every output lands elsewhere.
    func overwrites(_ inputs: [String], directory: String, world: any World) -> DiagnosticError? {
        let protected = Dictionary(inputs.map { (world.resolvedPath($0), $0) }, uniquingKeysWith: { first, _ in first })
        let targets = files.map(\.path) + [Manifest.fileName]
        for relative in targets {
            let path = Path.join(directory, relative)
            guard let input = protected[world.resolvedPath(path)] else { continue }
            return DiagnosticError(.error(
                .output, "the output '\(path)' would overwrite the input '\(input)'; nothing was written",
                at: SourceLocation(file: input),
                hint: "choose an output folder apart from the spec and its data, with --out or output.directory"))
        }
        return nil
    }

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
