import ArgumentParser
import Tally
import TallyCore

/// `--root DIR`: the directory every read and write of a command must stay inside.
struct RootOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Confine every read and write to this directory; paths that leave it (through .. or symbolic links) are errors.",
            valueName: "dir"))
    var root: String?

    /// The local file system, confined to `--root` when given; a root that is not a directory exits 2.
    func world() throws -> any World {
        guard let root else { return LocalWorld() }
        do {
            return try ConfinedWorld(LocalWorld(), root: root)
        } catch {
            Output.error("error: --root '\(root)' is not a directory; pass an existing folder that holds the specs, data and outputs")
            throw ExitStatus.invalidSpecOrUsage
        }
    }
}

/// `--max-dataset-memory SIZE`: the per-dataset memory budget (`Limits.maxDatasetMemory`).
struct MemoryOption: ParsableArguments {
    @Option(
        name: .customLong("max-dataset-memory"),
        help: ArgumentHelp("Memory one dataset may take while it is read, e.g. 512M or 8G (default: 2G).", valueName: "size"))
    var maxDatasetMemory: String?

    /// The standard limits with this budget; a malformed size exits 2.
    func limits() throws -> Limits {
        var limits = Limits.standard
        guard let maxDatasetMemory else { return limits }
        guard let bytes = ByteSize.parse(maxDatasetMemory) else {
            Output.error("error: --max-dataset-memory '\(maxDatasetMemory)' is not a size; write e.g. 512M, 2G or 1.5GB")
            throw ExitStatus.invalidSpecOrUsage
        }
        limits.maxDatasetMemory = bytes
        return limits
    }
}
