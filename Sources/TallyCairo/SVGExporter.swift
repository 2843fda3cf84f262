import CCairo
import TallyGraphics

/// Writes a frame as an SVG document (text as outlines, as Cairo does).
public enum SVGExporter {
    /// Renders `frame` to SVG bytes.
    public static func export(_ frame: Frame) throws(CairoError) -> [UInt8] {
        let sink = ByteSink()
        let status: cairo_status_t = CairoLock.shared.run {
            let surface = cairo_svg_surface_create_for_stream(
                ByteSink.write, Unmanaged.passUnretained(sink).toOpaque(), frame.size.width, frame.size.height)!
            defer { cairo_surface_destroy(surface) }
            cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT)
            let cr = cairo_create(surface)!
            CairoPainter(cr: cr, emitTags: false).draw(frame)
            cairo_destroy(cr)
            cairo_surface_finish(surface)
            return cairo_surface_status(surface)
        }
        try CairoError.check(status)
        return sink.bytes
    }
}
