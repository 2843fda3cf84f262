// Shared helpers for the test targets: where the repository, the samples and ../shared live.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TallyCore

/// Locations of the repository and of the shared reference data, found from this source file.
public enum TestPaths {
    /// The repository root (the folder holding Package.swift).
    public static let repositoryRoot: String = {
        var directory = Path.directory(of: #filePath)
        while directory != "/" && !directory.isEmpty {
            var info = stat()
            if stat(directory + "/Package.swift", &info) == 0 { return directory }
            directory = Path.directory(of: directory)
        }
        return "."
    }()

    /// `../shared/reference` beside the repository, or nil when it is not there (tests then skip).
    public static var sharedReference: String? {
        let path = Path.directory(of: repositoryRoot) + "/shared/reference"
        var info = stat()
        return stat(path, &info) == 0 ? path : nil
    }

    /// A path inside the repository.
    public static func inRepository(_ relative: String) -> String { repositoryRoot + "/" + relative }
}
