import TallySpec

/// Stable ids for blocks: the spec's `id`, else `<section id>-<type>-<position>` (also the chart file name).
public enum BlockIdentity {
    /// The id of the block at `index` (0-based) in `section`.
    public static func id(of block: BlockSpec, at index: Int, in section: SectionSpec) -> String {
        block.id?.value ?? "\(section.id.value)-\(String(block.type.map { $0 == "_" ? "-" : $0 }))-\(index + 1)"
    }

    /// Every block of the spec with its id, in reading order.
    public static func blocks(of spec: Spec) -> [(id: String, block: BlockSpec)] {
        spec.sections.flatMap { section in section.blocks.enumerated().map { (id(of: $0.element, at: $0.offset, in: section), $0.element) } }
    }
}
