#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes a read works on: an array in memory, or a file mapped read-only whose pages are handed back
/// to the kernel as soon as they have been parsed (peak memory ≈ the typed table, not file + table).
enum InputBytes: @unchecked Sendable {
    /// Bytes in memory.
    case array([UInt8])
    /// A memory-mapped file.
    case mapped(MappedFile)

    /// Runs `body` with a pointer to the bytes (valid only during the call).
    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch self {
        case .array(let bytes): return try bytes.withUnsafeBufferPointer(body)
        case .mapped(let file): return try body(UnsafeBufferPointer(start: file.base, count: file.count))
        }
    }

    /// The bytes as an array (a copy for a mapped file).
    var array: [UInt8] {
        switch self {
        case .array(let bytes): return bytes
        case .mapped(let file): return Array(UnsafeBufferPointer(start: file.base, count: file.count))
        }
    }

    /// Whether pages can be released after use.
    var isMapped: Bool { if case .mapped = self { return true } else { return false } }
}

/// A read-only, private memory mapping of a whole file; unmapped when the last reference goes.
final class MappedFile: @unchecked Sendable {
    /// First byte (a valid dummy address for an empty file).
    let base: UnsafePointer<UInt8>
    /// Size in bytes.
    let count: Int
    /// The mapping to unmap, nil for an empty file.
    private let mapping: UnsafeMutableRawPointer?

    /// Maps `path`; returns an error text (errno) on failure.
    init(path: String) throws(MappingError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw MappingError(reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw MappingError(reason: String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw MappingError(reason: "not a regular file") }
        count = Int(info.st_size)
        if count == 0 {
            let byte = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
            byte.initialize(to: 0)
            mapping = nil
            base = UnsafePointer(byte)
            return
        }
        let pointer = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let pointer, pointer != MAP_FAILED else { throw MappingError(reason: String(cString: strerror(errno))) }
        madvise(pointer, count, Int32(MADV_SEQUENTIAL))
        mapping = pointer
        base = UnsafePointer(pointer.assumingMemoryBound(to: UInt8.self))
    }

    deinit {
        if let mapping { munmap(mapping, count) } else { UnsafeMutablePointer(mutating: base).deallocate() }
    }

    /// Why mapping failed.
    struct MappingError: Error {
        /// The system's reason.
        var reason: String
    }
}

/// Hands fully parsed page ranges of a mapped file back to the kernel (re-read from the page cache if needed).
enum PageRelease {
    /// Page size.
    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Releases the whole pages inside `[from, to)` of a mapping starting at `base`.
    static func release(_ base: UnsafePointer<UInt8>, from: Int, to: Int) {
        let first = (Int(bitPattern: base) + from + pageSize - 1) / pageSize * pageSize
        let last = (Int(bitPattern: base) + to) / pageSize * pageSize
        guard last > first, let pointer = UnsafeMutableRawPointer(bitPattern: first) else { return }
        madvise(pointer, last - first, Int32(MADV_DONTNEED))
    }
}
