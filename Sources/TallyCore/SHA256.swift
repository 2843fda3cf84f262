import CCrypto

/// SHA-256 (FIPS 180-4), for input fingerprints in the audit trail and the build manifest.
///
/// Backed by the system's libcrypto (OpenSSL), which uses the CPU's SHA extensions where present: we
/// measured our own Swift implementation at about 210 MB/s, a quarter of a second of every build over a
/// 120 MB export; libcrypto hashes the same file at over 1.5 GB/s (BENCHMARKS.md). The system library costs
/// nothing to build, unlike swift-crypto's bundled BoringSSL.
public enum SHA256 {
    /// The 32-byte digest of the bytes in `buffer`.
    public static func digest(_ buffer: UnsafeRawBufferPointer) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let ok = digest.withUnsafeMutableBufferPointer { out in
            EVP_Digest(buffer.baseAddress, buffer.count, out.baseAddress, &length, EVP_sha256(), nil)
        }
        // EVP_Digest fails only when libcrypto cannot allocate its context; an all-zero digest then marks
        // the fingerprint as unknown rather than stopping the report.
        return ok == 1 && length == 32 ? digest : [UInt8](repeating: 0, count: 32)
    }

    /// The 32-byte digest of `bytes`.
    public static func digest<C: Collection>(of bytes: C) -> [UInt8] where C.Element == UInt8 {
        if let direct = bytes.withContiguousStorageIfAvailable({ digest(UnsafeRawBufferPointer($0)) }) { return direct }
        return Array(bytes).withUnsafeBytes { digest($0) }
    }

    /// The lower-case hex digest of `bytes` in one call.
    public static func hexDigest<C: Collection>(of bytes: C) -> String where C.Element == UInt8 {
        hex(digest(of: bytes))
    }

    /// The lower-case hex digest of the bytes in `buffer`.
    public static func hexDigest(_ buffer: UnsafeRawBufferPointer) -> String {
        hex(digest(buffer))
    }

    /// Lower-case hex of a digest.
    static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(digest.count * 2)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
