import TallyCharts
import TallyLayout

/// What composing produces: the document to lay out and the charts to export on their own.
public struct ComposedReport: Sendable {
    /// The document.
    public var document: Document
    /// Every chart in the document, in order.
    public var charts: [ChartModel]

    /// Creates a composed report.
    public init(document: Document, charts: [ChartModel]) {
        self.document = document
        self.charts = charts
    }
}
