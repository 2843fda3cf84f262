import TallyCore
import TallyGraphics

/// The running header (title, organisation) and footer (as-of date, data fingerprint, tool, "Page n of N")
/// drawn in the margins of every page but the cover.
struct RunningHeader {
    let geometry: PageGeometry
    let theme: Theme
    let measurer: any TextMeasurer
    let document: Document

    /// Adds header and footer to a page; `number` is 1-based.
    func add(to page: inout Page, number: Int, of total: Int) {
        let content = geometry.content
        let font = theme.font(size: theme.captionSize + 0.5)
        // Header and footer sit inside the margins, clear of the content and of the paper edge.
        let headerY = content.minY - min(22, geometry.marginTop / 2)
        let footerY = content.maxY + min(24, geometry.marginBottom / 2)
        let gap = 18.0

        let right = document.organisation ?? ""
        let rightWidth = right.isEmpty ? 0 : width(right, font)
        let title = fitted(document.title, font: font, width: content.width - rightWidth - (right.isEmpty ? 0 : gap))
        page.frame.add(.text(measurer.label(title, font: font, color: theme.mutedText, x: content.minX, y: headerY)))
        if !right.isEmpty {
            let organisation = fitted(right, font: font, width: content.width / 2)
            page.frame.add(.text(measurer.label(organisation, font: font, color: theme.mutedText, x: content.maxX, y: headerY, alignment: .right)))
        }
        page.frame.stroke(.line(from: Point(content.minX, headerY + 8), to: Point(content.maxX, headerY + 8)), Stroke(color: theme.grid, width: 0.6))

        page.frame.stroke(.line(from: Point(content.minX, footerY - 9), to: Point(content.maxX, footerY - 9)), Stroke(color: theme.grid, width: 0.6))
        let pageText = "Page \(number) of \(total)"
        let pageWidth = width(pageText, font)
        let room = content.width - pageWidth - gap
        // The footer drops its least important parts before anything would collide with the page number.
        let candidates = [
            "As of \(document.asOf)  ·  data fingerprint \(document.fingerprint)  ·  Tally \(TallyVersion.current)",
            "As of \(document.asOf)  ·  data fingerprint \(document.fingerprint)",
            "As of \(document.asOf)  ·  \(document.fingerprint)",
        ]
        let left = candidates.first { width($0, font) <= room } ?? fitted(candidates[2], font: font, width: room)
        page.frame.add(.text(measurer.label(left, font: font, color: theme.mutedText, x: content.minX, y: footerY)))
        page.frame.add(.text(measurer.label(pageText, font: font, color: theme.mutedText, x: content.maxX, y: footerY, alignment: .right)))
    }

    private func width(_ text: String, _ font: FontSpec) -> Double {
        measurer.measure(StyledText(plain: text), font: font, width: nil, lineSpacing: 1).width
    }

    /// The text, shortened with an ellipsis when it is wider than `width`.
    private func fitted(_ text: String, font: FontSpec, width limit: Double) -> String {
        Ellipsis.fit(text, font: font, width: limit, measurer: measurer)
    }
}

/// Shortens one-line text to a width with a trailing ellipsis.
enum Ellipsis {
    /// The longest prefix of `text` plus "…" that fits `width` (the whole text when it fits).
    static func fit(_ text: String, font: FontSpec, width: Double, measurer: any TextMeasurer) -> String {
        func fits(_ s: String) -> Bool { measurer.measure(StyledText(plain: s), font: font, width: nil, lineSpacing: 1).width <= width }
        if fits(text) { return text }
        let chars = Array(text)
        var lo = 0, hi = chars.count
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if fits(String(chars[0..<mid]).trimmingSpaces() + "…") { lo = mid } else { hi = mid - 1 }
        }
        return String(chars[0..<lo]).trimmingSpaces() + "…"
    }
}
