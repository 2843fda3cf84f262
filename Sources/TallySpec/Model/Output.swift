import TallyCore

/// What files a build writes and how pages look (`output:`).
public struct OutputSpec: Sendable, Hashable {
    /// File formats to write (default: PDF).
    public var formats: [OutputFormat]
    /// The output directory as written (nil: `out/<spec file stem>`), relative to the working directory.
    public var directory: String?
    /// Page size and orientation.
    public var page: PageSpec
    /// Resolution of PNG output, 72–600.
    public var dpi: Int
    /// The visual theme.
    public var theme: Theme
    /// The font family (must be installed; a missing font is an error).
    public var font: String

    /// Creates output settings with the loader's defaults.
    public init(
        formats: [OutputFormat] = [.pdf], directory: String? = nil, page: PageSpec = PageSpec(), dpi: Int = 150,
        theme: Theme = .default, font: String = "DejaVu Sans"
    ) {
        self.formats = formats
        self.directory = directory
        self.page = page
        self.dpi = dpi
        self.theme = theme
        self.font = font
    }

    /// The directory to write into for a spec at `specPath`: `directory` relative to the spec's folder (like
    /// `data.*.file`), or `out/<spec file name>` in the working directory when the spec names none.
    public func resolvedDirectory(specPath: String) -> String {
        guard let directory else { return "out/" + Path.stem(of: specPath) }
        return Path.normalised(Path.join(Path.directory(of: specPath), directory))
    }
}

/// An output file format.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// The report as one PDF.
    case pdf
    /// One PNG per chart.
    case png
    /// One SVG per chart.
    case svg
    /// One PNG per PDF page (for slide decks and portfolios that take images).
    case pages
}

/// Page size and orientation.
public struct PageSpec: Sendable, Hashable {
    /// The paper size.
    public var size: PageSize
    /// Portrait or landscape.
    public var orientation: PageOrientation

    /// Creates page settings (default A4 portrait).
    public init(size: PageSize = .a4, orientation: PageOrientation = .portrait) {
        self.size = size
        self.orientation = orientation
    }
}

/// A paper size.
public enum PageSize: String, Sendable, CaseIterable {
    case a4 = "A4"
    case letter

    /// Width and height in PostScript points, portrait.
    public var points: (width: Double, height: Double) {
        switch self {
        case .a4: return (595.2756, 841.8898)
        case .letter: return (612, 792)
        }
    }
}

/// Page orientation.
public enum PageOrientation: String, Sendable, CaseIterable {
    case portrait, landscape
}

/// A visual theme.
public enum Theme: String, Sendable, CaseIterable {
    case `default`, print, compact
}
