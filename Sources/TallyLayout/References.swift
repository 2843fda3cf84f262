import TallyGraphics

/// A heading as the contents list and the evidence table see it.
struct HeadingEntry: Sendable, Hashable {
    /// Heading text.
    var title: String
    /// 1 = section, 2 = sub-section, …
    var level: Int
    /// Link destination.
    var anchor: String
}

/// Cross-references: what each anchor is called, the headings in order, and (after a pass) on which page
/// each anchor landed.
struct References: Sendable, Equatable {
    /// Anchor → 1-based page number (empty on the first pass).
    var pageOf: [String: Int] = [:]
    /// Anchor → the title a reader knows it by (heading text, chart title, table caption).
    var titleOf: [String: String] = [:]
    /// Every heading in reading order, including the ones evidence and audit blocks emit (titles as shown,
    /// section numbers included).
    var headings: [HeadingEntry] = []
    /// Anchor → section number ("2.1") when the document numbers its sections.
    var numberOf: [String: String] = [:]
    /// Counters of the section numbering, one per level.
    private var counters: [Int] = []
    /// Whether `.heading` blocks are numbered.
    private var numbering = false

    /// The heading text as printed: "2.1  Results" when numbered.
    func displayTitle(_ text: String, anchor: String) -> String {
        numberOf[anchor].map { "\($0)  \(text)" } ?? text
    }

    /// Collects titles and headings from the document's blocks.
    static func registry(for document: Document) -> References {
        var references = References()
        references.numbering = document.numbersSections
        references.collect(document.blocks)
        return references
    }

    private mutating func collect(_ blocks: [DocumentBlock]) {
        for block in blocks {
            if case .keepTogether(let inner) = block {
                collect(inner)
                continue
            }
            if numbering, case .heading(_, let level, let anchor) = block {
                let depth = max(1, min(6, level))
                if counters.count < depth { counters += Array(repeating: 0, count: depth - counters.count) }
                counters[depth - 1] += 1
                counters = Array(counters.prefix(depth))
                numberOf[anchor] = counters.map(String.init).joined(separator: ".")
            }
            for var heading in block.headings {
                heading.title = displayTitle(heading.title, anchor: heading.anchor)
                headings.append(heading)
                if titleOf[heading.anchor] == nil { titleOf[heading.anchor] = heading.title }
            }
            switch block {
            case .chart(let model, _):
                titleOf["chart-" + model.id] = titleOf["chart-" + model.id] ?? model.title
            case .table(let table):
                if let anchor = table.anchor { titleOf[anchor] = titleOf[anchor] ?? table.caption ?? anchor }
            case .markdown, .titleBlock, .heading, .paragraph, .bullets, .numbered, .pageBreak, .cover, .contents, .evidence, .signatures, .audit, .keepTogether:
                break
            }
        }
    }

    /// "p. 4" for an anchor on a known page, "p. –" while unknown.
    func pageLabel(_ anchor: String) -> String {
        pageOf[anchor].map { "p. \($0)" } ?? "p. –"
    }
}

extension DocumentBlock {
    /// Headings this block draws (its bookmarks), in order, those of nested blocks included.
    var headings: [HeadingEntry] {
        switch self {
        case .heading(let text, let level, let anchor): return [HeadingEntry(title: text, level: level, anchor: anchor)]
        case .contents(let title, _): return [HeadingEntry(title: title, level: 1, anchor: ContentsLayout.anchor)]
        case .evidence(let model): return [HeadingEntry(title: model.title, level: 1, anchor: model.anchor)]
        case .audit(let model): return model.headings
        case .keepTogether(let blocks): return blocks.flatMap(\.headings)
        default: return []
        }
    }
}
