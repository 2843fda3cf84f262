import CCairo
import TallyGraphics

/// Document information written into the PDF's Info dictionary.
public struct PDFMetadata: Sendable, Hashable {
    /// Document title.
    public var title: String
    /// Author.
    public var author: String
    /// Subject (e.g. the report subtitle).
    public var subject: String
    /// Comma-separated keywords.
    public var keywords: String
    /// Producing tool, e.g. "Tally 0.1.0".
    public var creator: String
    /// Creation date as `YYYY-MM-DDThh:mm:ss` (from `as_of`/SOURCE_DATE_EPOCH, never the clock).
    public var creationDate: String

    /// Creates metadata.
    public init(title: String, author: String, subject: String = "", keywords: String = "", creator: String, creationDate: String) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.creationDate = creationDate
    }
}

/// Writes pages as one PDF with embedded, subset fonts, metadata and bookmarks.
public enum PDFExporter {
    /// Renders `pages` to PDF bytes.
    public static func export(_ pages: [Page], metadata: PDFMetadata) throws(CairoError) -> [UInt8] {
        guard let first = pages.first else { throw CairoError("a PDF needs at least one page") }
        let sink = ByteSink()
        let status: cairo_status_t = CairoLock.shared.run {
            let surface = cairo_pdf_surface_create_for_stream(
                ByteSink.write, Unmanaged.passUnretained(sink).toOpaque(), first.frame.size.width, first.frame.size.height)!
            defer { cairo_surface_destroy(surface) }
            cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata.title)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, metadata.author)
            if !metadata.subject.isEmpty { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, metadata.subject) }
            if !metadata.keywords.isEmpty { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords) }
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, metadata.creator)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, metadata.creationDate)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, metadata.creationDate)
            let cr = cairo_create(surface)!
            defer { cairo_destroy(cr) }
            let painter = CairoPainter(cr: cr, emitTags: true)
            var parents: [Int32] = [Int32(CAIRO_PDF_OUTLINE_ROOT)]
            for page in pages {
                cairo_pdf_surface_set_size(surface, page.frame.size.width, page.frame.size.height)
                painter.draw(page.frame)
                for entry in page.outline {
                    let level = max(0, min(entry.level, parents.count - 1))
                    // Quote the name as Cairo's attribute syntax wants it (a ' or \ in an anchor would end it early).
                    let attributes = "dest='\(entry.destination.replacingAll("\\", with: "\\\\").replacingAll("'", with: "\\'"))'"
                    let id = cairo_pdf_surface_add_outline(surface, parents[level], entry.title, attributes, cairo_pdf_outline_flags_t(0))
                    parents = Array(parents.prefix(level + 1)) + [id]
                }
                cairo_show_page(cr)
            }
            cairo_surface_finish(surface)
            return cairo_surface_status(surface)
        }
        try CairoError.check(status)
        return sink.bytes
    }
}
