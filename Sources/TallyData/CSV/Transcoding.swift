/// Strict UTF-8 validation and transcoding of declared legacy encodings to UTF-8.
enum Transcoding {
    /// Offset of the first byte in `start..<end` that does not begin or continue a valid UTF-8 sequence, or nil.
    ///
    /// Sequences starting before `end` may run past it (into `limit`), so a buffer can be validated in
    /// chunks. Overlong forms, surrogates and code points above U+10FFFF are invalid.
    static func firstInvalidUTF8(_ base: UnsafePointer<UInt8>, start: Int, end: Int, limit: Int) -> Int? {
        var i = start
        while i < end {
            // ASCII fast path, eight bytes at a time.
            if i + 8 <= end {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
            }
            let b0 = base[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            guard i + length <= limit else { return i }
            let b1 = base[i + 1]
            guard b1 >= lower, b1 <= upper else { return i }
            for k in 2..<max(2, length) where base[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// Windows-1252 code points for bytes 0x80–0x9F (0 where the code page leaves the byte undefined).
    static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E,
        0x0178,
    ]

    /// Appends the UTF-8 form of a Unicode scalar value.
    @inline(__always)
    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80: out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (scalar >> 18)))
            out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// Why transcoding failed: the byte offset in the original file and a description.
    struct Failure: Error {
        /// Offset of the offending byte in the original bytes.
        var offset: Int
        /// What was wrong, e.g. "byte 0x81 is not defined in windows-1252".
        var reason: String
    }

    /// Converts single-byte text (latin1 or windows-1252) to UTF-8.
    static func singleByteToUTF8(_ bytes: [UInt8], windows1252: Bool) throws(Failure) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for (offset, byte) in bytes.enumerated() {
            if byte < 0x80 {
                out.append(byte)
            } else if windows1252, byte < 0xA0 {
                let scalar = windows1252High[Int(byte - 0x80)]
                guard scalar != 0 else {
                    throw Failure(offset: offset, reason: "byte 0x\(hex(byte)) is not defined in windows-1252")
                }
                appendUTF8(scalar, to: &out)
            } else {
                appendUTF8(UInt32(byte), to: &out)
            }
        }
        return out
    }

    /// Converts UTF-16 (byte order from the BOM, little-endian without one) to UTF-8, dropping the BOM.
    static func utf16ToUTF8(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        var bigEndian = false
        var i = 0
        if bytes.count >= 2 {
            if bytes[0] == 0xFE, bytes[1] == 0xFF { bigEndian = true; i = 2 }
            else if bytes[0] == 0xFF, bytes[1] == 0xFE { i = 2 }
        }
        guard (bytes.count - i) % 2 == 0 else {
            throw Failure(offset: bytes.count - 1, reason: "the file ends in the middle of a UTF-16 character")
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 2)
        func unit(_ at: Int) -> UInt32 {
            bigEndian ? UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1]) : UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at])
        }
        while i < bytes.count {
            let u = unit(i)
            if u >= 0xD800, u < 0xDC00 {
                guard i + 4 <= bytes.count else { throw Failure(offset: i, reason: "an unpaired UTF-16 surrogate") }
                let low = unit(i + 2)
                guard low >= 0xDC00, low < 0xE000 else { throw Failure(offset: i, reason: "an unpaired UTF-16 surrogate") }
                appendUTF8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), to: &out)
                i += 4
            } else if u >= 0xDC00, u < 0xE000 {
                throw Failure(offset: i, reason: "an unpaired UTF-16 surrogate")
            } else {
                appendUTF8(u, to: &out)
                i += 2
            }
        }
        return out
    }

    /// Two upper-case hex digits.
    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}
