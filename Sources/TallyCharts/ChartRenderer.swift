import TallyCore
import TallyGraphics

/// Turns chart models into frames: the single entry point of the chart stage.
public struct ChartRenderer: Sendable {
    /// Visual theme.
    public var theme: Theme
    /// Text measurer (Pango in real builds).
    public var measurer: any TextMeasurer

    /// Creates a renderer.
    public init(theme: Theme, measurer: any TextMeasurer) {
        self.theme = theme
        self.measurer = measurer
    }

    /// Draws `model` into a frame of `model.size`: title, subtitle, legend, plot and caption.
    public func render(_ model: ChartModel) -> Frame {
        var frame = Frame(size: model.size)
        let chrome = ChartChrome(theme: theme, measurer: measurer)
        switch model.content {
        case .prePostBars(let data):
            let renderer = PrePostBarsRenderer(theme: theme, measurer: measurer)
            let plot = ChartChrome(theme: theme, measurer: measurer).layout(model, legend: renderer.legend(data), into: &frame)
            renderer.draw(data, in: plot, into: &frame)
        case .timeSeries(let data):
            let renderer = TimeSeriesRenderer(theme: theme, measurer: measurer)
            let plot = chrome.layout(model, legend: renderer.legend(data), into: &frame)
            renderer.draw(data, in: plot, chartWidth: model.size.width, into: &frame)
        case .controlChart(let data), .runChart(let data):
            var isRun = false
            if case .runChart = model.content { isRun = true }
            let renderer = ControlChartRenderer(theme: theme, measurer: measurer, isRunChart: isRun)
            let plot = chrome.layout(model, legend: renderer.legend(data), into: &frame)
            renderer.draw(data, in: plot, chartWidth: model.size.width, into: &frame)
        case .pareto(let data):
            let renderer = ParetoRenderer(theme: theme, measurer: measurer)
            renderer.draw(data, in: chrome.layout(model, legend: renderer.legend(data), into: &frame), into: &frame)
        case .histogram(let data):
            let renderer = HistogramRenderer(theme: theme, measurer: measurer)
            renderer.draw(data, in: chrome.layout(model, legend: renderer.legend(data), into: &frame), into: &frame)
        case .boxPlot(let data):
            let renderer = BoxPlotRenderer(theme: theme, measurer: measurer)
            renderer.draw(data, in: chrome.layout(model, legend: renderer.legend(data), into: &frame), into: &frame)
        case .likert(let data):
            let renderer = LikertRenderer(theme: theme, measurer: measurer)
            renderer.draw(data, in: chrome.layout(model, legend: renderer.legend(data), into: &frame), into: &frame)
        case .dumbbell(let data):
            let renderer = DumbbellRenderer(theme: theme, measurer: measurer)
            renderer.draw(data, in: chrome.layout(model, legend: renderer.legend(data), into: &frame), into: &frame)
        case .kpiTile(let data):
            let renderer = KPITileRenderer(theme: theme, measurer: measurer)
            renderer.draw(data, in: chrome.layout(model, legend: renderer.legend(data), into: &frame), into: &frame)
        case .smallMultiples(let data):
            let renderer = SmallMultiplesRenderer(theme: theme, measurer: measurer)
            renderer.draw(data, in: chrome.layout(model, legend: renderer.legend(data), into: &frame), into: &frame)
        case .servqual(let data):
            let renderer = ServqualRenderer(theme: theme, measurer: measurer)
            renderer.draw(data, in: chrome.layout(model, legend: renderer.legend(data), into: &frame), into: &frame)
        }
        return frame
    }

    /// Text boxes that extend beyond the chart's bounds (should be none; tests assert it).
    public static func textOutsideBounds(_ frame: Frame) -> [TextBox] {
        let bounds = Rect(x: 0, y: 0, width: frame.size.width, height: frame.size.height)
        return frame.allTextBoxes.filter { !bounds.contains($0.bounds, tolerance: 0.5) }
    }
}
