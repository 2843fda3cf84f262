import CCairo
import CPangoCairo
import TallyGraphics

/// The process-wide Pango setup: one font map at 72 dpi, hinting off, so 1 Pango point = 1 frame point.
final class PangoText: @unchecked Sendable {
    static let shared = PangoText()

    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let fontOptions: OpaquePointer
    /// A context used only for measuring.
    let measuringContext: OpaquePointer

    private init() {
        fontMap = pango_cairo_font_map_new()
        pango_cairo_font_map_set_resolution(OpaquePointer(fontMap), 72)
        fontOptions = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(fontOptions, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(fontOptions, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(fontOptions, CAIRO_ANTIALIAS_GRAY)
        measuringContext = pango_font_map_create_context(fontMap)
        pango_cairo_context_set_font_options(measuringContext, fontOptions)
        pango_context_set_round_glyph_positions(measuringContext, 0)
    }

    /// A Pango font description for a font value.
    static func description(for font: FontSpec) -> OpaquePointer {
        let description = pango_font_description_new()
        pango_font_description_set_family(description, font.family)
        pango_font_description_set_size(description, Int32((font.size * Double(PANGO_SCALE)).rounded()))
        pango_font_description_set_weight(description, font.weight == .bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(description, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        return description!
    }

    /// Pango markup for styled text (every character escaped).
    static func markup(for text: StyledText) -> String {
        var markup = ""
        for run in text.runs {
            var open = "", close = ""
            if let color = run.color {
                open += "<span foreground=\"\(color.hexString)\">"
                close = "</span>" + close
            }
            if run.bold {
                open += "<b>"
                close = "</b>" + close
            }
            if run.italic {
                open += "<i>"
                close = "</i>" + close
            }
            markup += open + escape(run.text) + close
        }
        return markup
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than newline and tab would make the markup invalid.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Configures a layout for a text box's content and geometry.
    static func configure(
        _ layout: OpaquePointer, text: StyledText, font: FontSpec, width: Double?, alignment: TextAlignment,
        lineSpacing: Double
    ) {
        let description = PangoText.description(for: font)
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        let markup = PangoText.markup(for: text)
        pango_layout_set_markup(layout, markup, -1)
        if let width, width > 0 {
            pango_layout_set_width(layout, Int32((width * Double(PANGO_SCALE)).rounded(.down)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        } else {
            pango_layout_set_width(layout, -1)
        }
        switch alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        if lineSpacing != 1 { pango_layout_set_line_spacing(layout, Float(lineSpacing)) }
    }
}

/// Measures text with Pango exactly as `CairoPainter` will draw it.
public struct PangoTextMeasurer: TextMeasurer {
    /// Creates the measurer (all instances share one font map).
    public init() {}

    /// Lays out the text with Pango and reports its logical extent.
    public func measure(_ text: StyledText, font: FontSpec, width: Double?, lineSpacing: Double) -> TextMetrics {
        CairoLock.shared.run {
            let pango = PangoText.shared
            let layout = pango_layout_new(pango.measuringContext)!
            defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
            PangoText.configure(layout, text: text, font: font, width: width, alignment: .left, lineSpacing: lineSpacing)
            var ink = PangoRectangle(), logical = PangoRectangle()
            pango_layout_get_extents(layout, &ink, &logical)
            let scale = Double(PANGO_SCALE)
            return TextMetrics(
                width: Double(logical.width) / scale, height: Double(logical.height) / scale,
                firstBaseline: Double(pango_layout_get_baseline(layout)) / scale,
                lineCount: Int(pango_layout_get_line_count(layout)))
        }
    }
}
