#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An in-memory `World` for tests: files in a dictionary, a fixed clock, a fixed environment.
public final class MemoryWorld: World, @unchecked Sendable {
    private var files: [String: [UInt8]]
    private var directories: Set<String> = []
    private let variables: [String: String]
    private let clock: Int64
    private var lock = pthread_mutex_t()

    /// Creates a world holding `files` (path → UTF-8 text), with a fixed clock and environment.
    public init(files: [String: String] = [:], now: Int64 = 1_795_392_000, environment: [String: String] = [:]) {
        self.files = files.mapValues { Array($0.utf8) }
        self.clock = now
        self.variables = environment
        pthread_mutex_init(&lock, nil)
    }

    deinit { pthread_mutex_destroy(&lock) }

    private func locked<T>(_ body: () throws(WorldError) -> T) throws(WorldError) -> T {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return try body()
    }

    /// Returns the stored bytes or a "no such file" error.
    public func readFile(_ path: String) throws(WorldError) -> [UInt8] {
        try locked { () throws(WorldError) -> [UInt8] in
            guard let bytes = files[path] else { throw WorldError(path: path, reason: "no such file or directory") }
            return bytes
        }
    }

    /// True when a file is stored at `path`.
    public func fileExists(_ path: String) -> Bool {
        (try? locked { files[path] != nil }) ?? false
    }

    /// Stores the bytes (atomic by construction).
    public func writeFileAtomically(_ bytes: [UInt8], to path: String) throws(WorldError) {
        try locked { files[path] = bytes }
    }

    /// Records the directory.
    public func createDirectories(_ path: String) throws(WorldError) {
        try locked { _ = directories.insert(path) }
    }

    /// True when a directory was created or holds a stored file.
    public func directoryExists(_ path: String) -> Bool {
        (try? locked { directories.contains(path) || files.keys.contains { $0.hasPrefix(path + "/") } }) ?? false
    }

    /// Direct children of `path` among stored files and created directories.
    public func listDirectory(_ path: String) throws(WorldError) -> [String] {
        try locked { () throws(WorldError) -> [String] in
            let prefix = path.hasSuffix("/") ? path : path + "/"
            var names = Set<String>()
            for key in Array(files.keys) + Array(directories) where key.hasPrefix(prefix) {
                if let first = key.dropFirst(prefix.count).split(separator: "/").first { names.insert(String(first)) }
            }
            if names.isEmpty && !directories.contains(path) { throw WorldError(path: path, reason: "no such file or directory") }
            return names.sorted()
        }
    }

    /// The fixed environment.
    public func environment(_ name: String) -> String? { variables[name] }

    /// The stored file's size.
    public func fileSize(_ path: String) -> Int? { try? locked { files[path]?.count } }

    /// The fixed clock.
    public func currentTime() -> Int64 { clock }

    /// Every stored path (for assertions).
    public var paths: [String] { (try? locked { files.keys.sorted() }) ?? [] }

    /// The stored bytes at `path`, if any (for assertions).
    public func contents(_ path: String) -> [UInt8]? { try? locked { files[path] } }
}
