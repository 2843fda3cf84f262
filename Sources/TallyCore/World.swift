#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a `World` operation failed, phrased for users.
public struct WorldError: Error, Sendable, CustomStringConvertible {
    /// The path involved.
    public var path: String
    /// What went wrong, e.g. "no such file".
    public var reason: String

    /// Creates an error for `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `path: reason`.
    public var description: String { "\(path): \(reason)" }
}

/// Everything a build needs from outside: files, environment and the clock.
///
/// Stages never touch the file system or the clock directly, so tests run them on `MemoryWorld`.
public protocol World: Sendable {
    /// Reads a whole file.
    func readFile(_ path: String) throws(WorldError) -> [UInt8]
    /// True when a regular file exists at `path`.
    func fileExists(_ path: String) -> Bool
    /// Writes `bytes` to `path` atomically: a temporary file in the same directory, then a rename.
    func writeFileAtomically(_ bytes: [UInt8], to path: String) throws(WorldError)
    /// Creates a directory and its parents.
    func createDirectories(_ path: String) throws(WorldError)
    /// True when a directory exists at `path`.
    func directoryExists(_ path: String) -> Bool
    /// Names of the entries in a directory, sorted.
    func listDirectory(_ path: String) throws(WorldError) -> [String]
    /// An environment variable, or nil.
    func environment(_ name: String) -> String?
    /// The current time as seconds since 1970-01-01 UTC (only used when a spec asks for "today").
    func currentTime() -> Int64
    /// The path to memory-map for reading `path` directly from disk, or nil to read through `readFile`.
    func mappablePath(_ path: String) -> String?
    /// The size of a regular file in bytes, or nil when unknown (checked against limits before reading).
    func fileSize(_ path: String) -> Int?
    /// `path` as the file system sees it: absolute, with `.`, `..` and symbolic links resolved as far as the
    /// path exists (a missing tail is appended as written). Used to confine a build and to compare paths.
    func resolvedPath(_ path: String) -> String
}

extension World {
    /// Unknown unless the world says otherwise.
    public func fileSize(_ path: String) -> Int? { nil }

    /// Lexical resolution: the path with `.` and `..` folded (worlds without links need no more).
    public func resolvedPath(_ path: String) -> String { Path.normalised(path.hasPrefix("/") ? path : "/" + path) }

    /// By default a world is read through `readFile` (in-memory and wrapping worlds, such as a confined one).
    public func mappablePath(_ path: String) -> String? { nil }
}

/// The real machine: POSIX files, the process environment and the system clock.
public struct LocalWorld: World {
    /// Creates the local world.
    public init() {}

    /// Reads a whole file with `open`/`read`.
    public func readFile(_ path: String) throws(WorldError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw WorldError(path: path, reason: Self.errnoText(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw WorldError(path: path, reason: Self.errnoText(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw WorldError(path: path, reason: "is a directory, not a file") }
        // A device or pipe (/dev/zero, a FIFO) could stream forever: only regular files are read.
        if (info.st_mode & S_IFMT) != S_IFREG { throw WorldError(path: path, reason: "is not a regular file (a device or pipe cannot be read)") }
        var bytes: [UInt8] = []
        let expected = Int(info.st_size)
        bytes.reserveCapacity(expected + 1)
        var chunk = [UInt8](repeating: 0, count: max(65_536, min(expected + 1, 1 << 24)))
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw WorldError(path: path, reason: Self.errnoText(errno))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// True when `path` names an existing regular file.
    public func fileExists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Writes to `path.tmp-PID-N` beside the target, fsyncs, then renames over the target.
    public func writeFileAtomically(_ bytes: [UInt8], to path: String) throws(WorldError) {
        let temporary = "\(path).tmp-\(getpid())-\(Self.nextSerial())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WorldError(path: path, reason: Self.errnoText(errno)) }
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = write(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += count
            }
        }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        close(fd)
        if failure != 0 {
            unlink(temporary)
            throw WorldError(path: path, reason: Self.errnoText(failure))
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw WorldError(path: path, reason: Self.errnoText(code))
        }
    }

    /// True when `path` names an existing directory.
    public func directoryExists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Entry names (without "." and ".."), sorted so builds run in a stable order.
    public func listDirectory(_ path: String) throws(WorldError) -> [String] {
        guard let directory = opendir(path) else { throw WorldError(path: path, reason: Self.errnoText(errno)) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// `mkdir -p`.
    public func createDirectories(_ path: String) throws(WorldError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw WorldError(path: prefix, reason: Self.errnoText(errno))
            }
            var info = stat()
            if stat(prefix, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
                throw WorldError(path: prefix, reason: "exists and is not a directory")
            }
            prefix += "/"
        }
    }

    /// Reads the process environment.
    public func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    /// The system clock.
    public func currentTime() -> Int64 { Int64(time(nil)) }

    /// Local regular files are mapped: large exports are parsed straight from the page cache.
    public func mappablePath(_ path: String) -> String? { fileSize(path) != nil ? path : nil }

    /// `stat`'s size for a regular file.
    public func fileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Walks the path from the working directory (or `/`), resolving each existing component with `realpath`
    /// so links are followed and `..` means the real parent; components that do not exist yet are appended.
    public func resolvedPath(_ path: String) -> String {
        var resolved = "/"
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            if getcwd(&buffer, buffer.count) != nil {
                resolved = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        }
        for component in path.split(separator: "/") where component != "." {
            if component == ".." {
                resolved = Path.directory(of: resolved)
                continue
            }
            let candidate = resolved == "/" ? "/" + component : resolved + "/" + component
            var info = stat()
            if lstat(candidate, &info) != 0 {
                resolved = candidate
            } else if let real = realpath(candidate, nil) {
                resolved = String(cString: real)
                free(real)
            } else if (info.st_mode & S_IFMT) == S_IFLNK {
                // A dangling link: where it points, so a write through it cannot land outside unnoticed.
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let count = readlink(candidate, &buffer, buffer.count - 1)
                let target = count > 0 ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
                resolved = Path.normalised(target.hasPrefix("/") ? target : Path.join(resolved, target))
            } else {
                resolved = candidate
            }
        }
        return resolved
    }

    /// The C library's message for an errno value, lower-cased like the rest of our messages.
    static func errnoText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text).lowercased()
    }

    private static let serial = SerialCounter()

    /// A per-process counter so concurrent writers in one process never share a temporary name.
    private static func nextSerial() -> Int { serial.next() }
}

/// A thread-safe counter (used for unique temporary file names).
final class SerialCounter: @unchecked Sendable {
    private var value = 0
    private var lock = pthread_mutex_t()

    init() { pthread_mutex_init(&lock, nil) }
    deinit { pthread_mutex_destroy(&lock) }

    func next() -> Int {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        value += 1
        return value
    }
}
