/// Row expressions inside an aggregate (`AVERAGE(IF(ISBLANK(a), "", (a - b) * 24))`) evaluated a block of rows at a
/// time and reduced block by block, instead of as whole-table vectors.
///
/// Why: over a whole table every intermediate of such an expression is a fresh 8–9 MB array (values and status
/// codes), so the page faults and memory traffic cost more than the arithmetic. A block's intermediates are a few
/// tens of kilobytes that stay in cache and are reused by the allocator. Every row-level operation computes row i
/// from row i alone, so a block's elements are exactly the whole vector's elements for those rows; the register-run
/// kernel keeps its per-group accumulators in arrays between calls, so reducing block after block performs the
/// same operations in the same row order as one pass over the whole vector: results are bit-identical.
enum RowChunks {
    /// Rows per block: big enough to amortise per-node overhead, small enough for a block's arrays to stay in cache.
    static let rows = 4096

    /// Count, sum, min, max and first error per group of a row-level expression over grouped rows, block by block.
    /// Nil (the caller evaluates the whole vector instead) when the table is small, sizes do not line up, or a block
    /// is not a number vector: the whole vector would then take the general summary path, whose `MAX` treats ±0
    /// ties differently, so mixing paths across blocks is allowed only when `max` is not read (`readsMax` false) or
    /// the expression is statically numeric (then every block and the whole vector are number vectors).
    static func summary(_ node: Node, ctx: EvaluationContext, groups: Int, minMax: Bool, readsMax: Bool) -> Aggregation.Summary? {
        let total = ctx.table.rowCount
        guard ctx.streaming, node.level == .row, node.columnName == nil, ctx.rowWindow == nil, total > rows,
              readsMax == false || node.type == .number || node.type == .date,
              ctx.groupIds.count >= total, ctx.table.columns.allSatisfy({ $0.count >= total }) else { return nil }
        var summary = Aggregation.Summary(groups: groups)
        var start = 0
        while start < total {
            let window = start..<Swift.min(total, start + rows)
            let v = node.run(EvaluationContext(window: window, of: ctx))
            guard case .numbers(let xs, _) = v.payload, v.count == window.count, xs.count == window.count else { return nil }
            Aggregation.summariseRuns(xs, codes: v.status.materialized(window.count) ?? [], mask: nil,
                                      ids: Array(ctx.groupIds[window]), groups: groups, count: &summary.count,
                                      sum: &summary.sum, min: &summary.min, max: &summary.max, error: &summary.error,
                                      minMax: minMax)
            start = window.upperBound
        }
        return summary
    }
}
