import CCairo
import CPangoCairo
import TallyGraphics

/// Draws frames onto a cairo context; the one place where frame items become Cairo and Pango calls.
struct CairoPainter {
    /// The target context.
    let cr: OpaquePointer
    /// Whether to emit PDF tags (links, destinations); false for raster and SVG output.
    let emitTags: Bool

    /// Draws every item of `frame` (the caller holds `CairoLock`).
    func draw(_ frame: Frame) {
        for item in frame.items { draw(item) }
    }

    private func draw(_ item: FrameItem) {
        switch item {
        case .shape(let path, let fill, let stroke):
            guard !path.elements.isEmpty else { return }
            trace(path)
            if let fill {
                setColor(fill)
                if stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
            }
            if let stroke {
                setColor(stroke.color)
                cairo_set_line_width(cr, stroke.width)
                cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
                cairo_set_line_cap(cr, stroke.dash.isEmpty ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_BUTT)
                if stroke.dash.isEmpty {
                    cairo_set_dash(cr, nil, 0, 0)
                } else {
                    stroke.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
                }
                cairo_stroke(cr)
            }
            cairo_new_path(cr)
        case .text(let box):
            drawText(box)
        case .link(let rect, let target):
            guard emitTags else { return }
            let rectText = "[\(rect.minX) \(rect.minY) \(rect.width) \(rect.height)]"
            let attributes = target.contains("://")
                ? "uri='\(Self.quoted(target))' rect=\(rectText)"
                : "dest='\(Self.quoted(target))' rect=\(rectText)"
            cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes)
            cairo_tag_end(cr, CAIRO_TAG_LINK)
        case .anchor(let name, let point):
            guard emitTags else { return }
            let attributes = "name='\(Self.quoted(name))' x=\(point.x) y=\(point.y)"
            cairo_tag_begin(cr, CAIRO_TAG_DEST, attributes)
            cairo_tag_end(cr, CAIRO_TAG_DEST)
        case .group(let frame, let at, let clip):
            cairo_save(cr)
            cairo_translate(cr, at.x, at.y)
            if clip {
                cairo_rectangle(cr, 0, 0, frame.size.width, frame.size.height)
                cairo_clip(cr)
            }
            draw(frame)
            cairo_restore(cr)
        }
    }

    private func trace(_ path: VectorPath) {
        cairo_new_path(cr)
        for element in path.elements {
            switch element {
            case .move(let p): cairo_move_to(cr, p.x, p.y)
            case .line(let p): cairo_line_to(cr, p.x, p.y)
            case .curve(let a, let b, let p): cairo_curve_to(cr, a.x, a.y, b.x, b.y, p.x, p.y)
            case .close: cairo_close_path(cr)
            }
        }
    }

    private func setColor(_ color: Color) {
        cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
    }

    private func drawText(_ box: TextBox) {
        let pango = PangoText.shared
        let context = pango_font_map_create_context(pango.fontMap)!
        defer { g_object_unref(UnsafeMutableRawPointer(context)) }
        pango_cairo_context_set_font_options(context, pango.fontOptions)
        pango_context_set_round_glyph_positions(context, 0)
        let layout = pango_layout_new(context)!
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        PangoText.configure(
            layout, text: box.text, font: box.font, width: box.width, alignment: box.alignment,
            lineSpacing: box.lineSpacing)
        cairo_save(cr)
        cairo_translate(cr, box.origin.x, box.origin.y)
        if box.rotation != 0 { cairo_rotate(cr, box.rotation * .pi / 180) }
        setColor(box.color)
        pango_cairo_update_context(cr, context)
        pango_layout_context_changed(layout)
        pango_cairo_show_layout(cr, layout)
        cairo_restore(cr)
    }

    private static func quoted(_ text: String) -> String {
        text.replacingAll("\\", with: "\\\\").replacingAll("'", with: "\\'")
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}

extension Substring {
    fileprivate func range(of target: String) -> Range<Substring.Index>? {
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(target) {
                return index..<(self.index(index, offsetBy: target.count))
            }
            index = self.index(after: index)
        }
        return nil
    }
}
