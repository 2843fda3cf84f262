import CCairo
import TallyGraphics

/// Text metadata stored in a PNG's tEXt chunks (e.g. Title, Source, Creation Time, Description).
public typealias PNGTextMetadata = [(key: String, value: String)]

/// Rasterises a frame to PNG at a given resolution, on a white background.
public enum PNGExporter {
    /// Renders `frame` at `dpi` (72 = 1 px per point) and returns PNG bytes with `metadata` as tEXt chunks.
    public static func export(_ frame: Frame, dpi: Double, metadata: PNGTextMetadata = []) throws(CairoError) -> [UInt8] {
        let scale = dpi / 72
        let width = Int32(max(1, (frame.size.width * scale).rounded()))
        let height = Int32(max(1, (frame.size.height * scale).rounded()))
        let sink = ByteSink()
        // Draw under the lock (Pango and fontconfig are not thread-safe); encode outside it, so PNG
        // compression — most of the cost — runs in parallel when several charts are exported at once.
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
        let status = cairo_surface_write_to_png_stream(surface, ByteSink.write, Unmanaged.passUnretained(sink).toOpaque())
        try CairoError.check(status)
        return PNGChunks.insertingMetadata(into: sink.bytes, dpi: dpi, text: metadata)
    }
}

/// Adds pHYs (resolution) and tEXt chunks after a PNG's IHDR.
enum PNGChunks {
    static func insertingMetadata(into png: [UInt8], dpi: Double, text: PNGTextMetadata) -> [UInt8] {
        // Signature (8) + IHDR chunk (4 length + 4 type + 13 data + 4 CRC) = 33 bytes.
        guard png.count > 33 else { return png }
        var extra: [UInt8] = []
        let pixelsPerMetre = UInt32((dpi / 0.0254).rounded())
        extra += chunk("pHYs", bigEndian(pixelsPerMetre) + bigEndian(pixelsPerMetre) + [1])
        for (key, value) in text {
            // tEXt is Latin-1; keys are ASCII, values are transliterated where needed.
            let latin1 = value.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "?") }
            extra += chunk("tEXt", Array(key.utf8.prefix(79)) + [0] + latin1)
        }
        return Array(png[0..<33]) + extra + Array(png[33...])
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        return bigEndian(UInt32(data.count)) + typeBytes + data + bigEndian(CRC32.checksum(typeBytes + data))
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }
}

/// CRC-32 (ISO-HDLC, as PNG uses).
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
