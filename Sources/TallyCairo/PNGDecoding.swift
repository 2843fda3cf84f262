import CCairo

/// An image decoded to 8-bit RGB pixels (alpha dropped), for pixel comparisons in tests.
public struct DecodedImage: Sendable, Hashable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// Row-major pixels, three bytes (R, G, B) each.
    public var rgb: [UInt8]

    /// Fraction of pixels whose largest channel difference from `other` exceeds `threshold` (1 when sizes differ).
    public func differingFraction(from other: DecodedImage, threshold: UInt8 = 32) -> Double {
        guard width == other.width, height == other.height, width * height > 0 else { return 1 }
        var differing = 0
        var i = 0
        while i < rgb.count {
            let d = max(absDiff(rgb[i], other.rgb[i]), absDiff(rgb[i + 1], other.rgb[i + 1]), absDiff(rgb[i + 2], other.rgb[i + 2]))
            if d > threshold { differing += 1 }
            i += 3
        }
        return Double(differing) / Double(width * height)
    }

    private func absDiff(_ a: UInt8, _ b: UInt8) -> UInt8 { a > b ? a - b : b - a }
}

/// Decodes PNG bytes with Cairo's PNG reader.
public enum PNGDecoder {
    private final class Source {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    private static let read: cairo_read_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
        let source = Unmanaged<Source>.fromOpaque(closure).takeUnretainedValue()
        let count = Int(length)
        guard source.offset + count <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
        source.bytes.withUnsafeBufferPointer { buffer in
            for i in 0..<count { data[i] = buffer[source.offset + i] }
        }
        source.offset += count
        return CAIRO_STATUS_SUCCESS
    }

    /// The pixels of a PNG.
    public static func decode(_ png: [UInt8]) throws(CairoError) -> DecodedImage {
        let source = Source(png)
        let result: Result<DecodedImage, CairoError> = CairoLock.shared.run {
            guard let surface = cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(source).toOpaque()) else {
                return .failure(CairoError("could not create an image surface"))
            }
            defer { cairo_surface_destroy(surface) }
            let status = cairo_surface_status(surface)
            guard status == CAIRO_STATUS_SUCCESS else { return .failure(CairoError(String(cString: cairo_status_to_string(status)))) }
            cairo_surface_flush(surface)
            let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
            let stride = Int(cairo_image_surface_get_stride(surface))
            let format = cairo_image_surface_get_format(surface)
            guard let data = cairo_image_surface_get_data(surface), format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32 else {
                return .failure(CairoError("unsupported PNG pixel format"))
            }
            var rgb = [UInt8](repeating: 0, count: width * height * 3)
            for y in 0..<height {
                for x in 0..<width {
                    // Native-endian 32-bit words: 0xAARRGGBB.
                    let word = data.advanced(by: y * stride + x * 4).withMemoryRebound(to: UInt32.self, capacity: 1) { $0.pointee }
                    let o = (y * width + x) * 3
                    rgb[o] = UInt8(truncatingIfNeeded: word >> 16)
                    rgb[o + 1] = UInt8(truncatingIfNeeded: word >> 8)
                    rgb[o + 2] = UInt8(truncatingIfNeeded: word)
                }
            }
            return .success(DecodedImage(width: width, height: height, rgb: rgb))
        }
        return try result.get()
    }
}
