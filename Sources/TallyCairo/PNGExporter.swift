import CCairo
import CZlib
import TallyGraphics

/// Text metadata stored in a PNG's tEXt chunks (e.g. Title, Source, Creation Time, Description).
public typealias PNGTextMetadata = [(key: String, value: String)]

/// Rasterises a frame to PNG at a given resolution, on a white background.
///
/// Cairo draws (under the global lock: Pango and fontconfig are not thread-safe); we encode the PNG
/// ourselves on zlib, outside the lock, so several images compress in parallel. Measured on our charts and
/// pages (antialiased flat colour), scanlines without a filter at deflate level 1 come out the same size as
/// Cairo's libpng output (adaptive filters, level 6) or smaller, at about a fifth of the time (BENCHMARKS.md).
public enum PNGExporter {
    /// Deflate level: 1 was the best size/time trade-off measured on chart and page images.
    static let compressionLevel: Int32 = 1

    /// Renders `frame` at `dpi` (72 = 1 px per point) and returns PNG bytes with `metadata` as tEXt chunks.
    /// Safe to call from several threads at once.
    public static func export(_ frame: Frame, dpi: Double, metadata: PNGTextMetadata = []) throws(CairoError) -> [UInt8] {
        let scanlines = try rasterise(frame, dpi: dpi)
        return try encode(scanlines, dpi: dpi, metadata: metadata)
    }

    /// Draws `frame` and returns its pixels as PNG scanlines (filter byte 0, then RGB triples).
    static func rasterise(_ frame: Frame, dpi: Double) throws(CairoError) -> Scanlines {
        let scale = dpi / 72
        let width = Int32(max(1, (frame.size.width * scale).rounded()))
        let height = Int32(max(1, (frame.size.height * scale).rounded()))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height) else { throw CairoError("cannot create a \(width)×\(height) image") }
        defer { cairo_surface_destroy(surface) }
        let drawn: cairo_status_t = CairoLock.shared.run {
            guard let cr = cairo_create(surface) else { return CAIRO_STATUS_NO_MEMORY }
            defer { cairo_destroy(cr) }
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
            cairo_scale(cr, scale, scale)
            CairoPainter(cr: cr, emitTags: false).draw(frame)
            cairo_surface_flush(surface)
            return cairo_status(cr)
        }
        try CairoError.check(drawn)
        try CairoError.check(cairo_surface_status(surface))
        guard let data = cairo_image_surface_get_data(surface) else { throw CairoError("cannot read a \(width)×\(height) image") }
        return Scanlines(rgb24: UnsafePointer(data), width: Int(width), height: Int(height), stride: Int(cairo_image_surface_get_stride(surface)))
    }

    /// Compresses scanlines into a PNG file (IHDR, pHYs, tEXt, one IDAT, IEND).
    static func encode(_ scanlines: Scanlines, dpi: Double, metadata: PNGTextMetadata) throws(CairoError) -> [UInt8] {
        var compressed = [UInt8](repeating: 0, count: Int(compressBound(uLong(scanlines.bytes.count))))
        var compressedCount = uLongf(compressed.count)
        let status = compressed.withUnsafeMutableBufferPointer { out in
            scanlines.bytes.withUnsafeBufferPointer { input in
                compress2(out.baseAddress, &compressedCount, input.baseAddress, uLong(input.count), compressionLevel)
            }
        }
        guard status == Z_OK else { throw CairoError("PNG compression failed (zlib status \(status))") }
        compressed.removeSubrange(Int(compressedCount)...)
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png.reserveCapacity(compressed.count + 1024)
        // IHDR: width, height, bit depth 8, colour type 2 (RGB), deflate, adaptive filtering, no interlace.
        png += PNGChunks.chunk("IHDR", PNGChunks.bigEndian(UInt32(scanlines.width)) + PNGChunks.bigEndian(UInt32(scanlines.height)) + [8, 2, 0, 0, 0])
        png += PNGChunks.metadataChunks(dpi: dpi, text: metadata)
        png += PNGChunks.chunk("IDAT", compressed)
        png += PNGChunks.chunk("IEND", [])
        return png
    }
}

/// An image as PNG scanlines: per row a filter-type byte (0, none) and `width` RGB triples.
struct Scanlines: Sendable {
    /// Width in pixels.
    let width: Int
    /// Height in pixels.
    let height: Int
    /// `height × (1 + 3 × width)` bytes.
    let bytes: [UInt8]

    /// Converts Cairo's RGB24 pixels (32-bit native-endian 0x00RRGGBB words, `stride` bytes a row).
    init(rgb24 data: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int) {
        self.width = width
        self.height = height
        let rowBytes = 1 + 3 * width
        bytes = [UInt8](unsafeUninitializedCapacity: rowBytes * height) { out, count in
            data.withMemoryRebound(to: UInt32.self, capacity: stride / 4 * height) { words in
                for y in 0..<height {
                    let row = words + y * (stride / 4)
                    var o = y * rowBytes
                    out[o] = 0
                    o += 1
                    for x in 0..<width {
                        let pixel = UInt32(littleEndian: row[x].littleEndian)
                        out[o] = UInt8(truncatingIfNeeded: pixel >> 16)
                        out[o + 1] = UInt8(truncatingIfNeeded: pixel >> 8)
                        out[o + 2] = UInt8(truncatingIfNeeded: pixel)
                        o += 3
                    }
                }
            }
            count = rowBytes * height
        }
    }
}

/// PNG chunk encoding: pHYs (resolution), tEXt (metadata) and the chunk frame with its CRC.
enum PNGChunks {
    /// A pHYs chunk for `dpi` and one tEXt chunk per metadata entry.
    static func metadataChunks(dpi: Double, text: PNGTextMetadata) -> [UInt8] {
        var extra: [UInt8] = []
        let pixelsPerMetre = UInt32((dpi / 0.0254).rounded())
        extra += chunk("pHYs", bigEndian(pixelsPerMetre) + bigEndian(pixelsPerMetre) + [1])
        for (key, value) in text {
            // tEXt is Latin-1; keys are ASCII, values are transliterated where needed.
            let latin1 = value.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "?") }
            extra += chunk("tEXt", Array(key.utf8.prefix(79)) + [0] + latin1)
        }
        return extra
    }

    /// Length, type, data and CRC-32 of type + data.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        var crc = typeBytes.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        crc = data.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        return bigEndian(UInt32(data.count)) + typeBytes + data + bigEndian(UInt32(truncatingIfNeeded: crc))
    }

    /// A 32-bit big-endian integer.
    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }
}
