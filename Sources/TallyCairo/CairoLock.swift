#if canImport(Glibc)
import Glibc
#endif

/// Serialises every Pango/Cairo call in the process (fontconfig and Pango font maps are not thread-safe).
final class CairoLock: @unchecked Sendable {
    static let shared = CairoLock()
    private var mutex = pthread_mutex_t()

    private init() {
        var attributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&attributes)
        pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_RECURSIVE))
        pthread_mutex_init(&mutex, &attributes)
        pthread_mutexattr_destroy(&attributes)
    }

    /// Runs `body` while holding the lock.
    func run<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}
