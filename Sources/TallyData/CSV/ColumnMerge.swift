/// Concatenating the per-chunk builders of one column into a finished `Column`.
enum ColumnMerge {
    /// Joins the parts in order (moving, not copying, a single part's storage). An inferred category whose
    /// values mostly differ (distinct > half the values) becomes text.
    static func merge(_ parts: inout [ColumnBuilder], plan: ColumnPlan) -> Column {
        if parts.contains(where: { $0.type == .text }) || (plan.type == .category && !plan.declared && tooManyLevels(parts)) {
            for k in parts.indices { parts[k].demoteToText() }
        }
        let type = parts.first?.type ?? plan.type
        var validity = ValidityBuilder()
        for k in parts.indices { validity.append(contentsOf: parts[k].validity) }
        let storage: ColumnStorage
        switch type {
        case .integer: storage = .integers(concat(&parts, \.integers))
        case .decimal, .percent, .duration: storage = .numbers(concat(&parts, \.numbers))
        case .boolean: storage = .booleans(concat(&parts, \.booleans))
        case .date: storage = .dates(concat(&parts, \.dates))
        case .datetime: storage = .datetimes(concat(&parts, \.datetimes))
        case .category:
            if parts.count == 1 {
                storage = .categories(codes: parts[0].codes, levels: parts[0].dictionary.levels)
            } else {
                // Re-code every part into one dictionary; levels stay in order of first appearance.
                // Part 0's levels come first, so its codes stay as they are: its storage is reused.
                var global = CategoryDictionary()
                var codes = parts[0].codes
                parts[0].codes = []
                codes.reserveCapacity(parts.reduce(codes.count) { $0 + $1.codes.count })
                for k in parts.indices {
                    if k == 0 {
                        let local = parts[0].dictionary
                        local.bytes.withUnsafeBufferPointer { buffer in
                            guard let p = buffer.baseAddress else {
                                for _ in 0..<local.count { _ = [UInt8(0)].withUnsafeBufferPointer { one in one.baseAddress.map { global.code($0, 0, 0) } } }
                                return
                            }
                            for level in 0..<local.count { _ = global.code(p, local.offsets[level], local.offsets[level + 1]) }
                        }
                        continue
                    }
                    let local = parts[k].dictionary
                    let remap: [Int32] = local.bytes.withUnsafeBufferPointer { buffer in
                        guard let p = buffer.baseAddress else {
                            return (0..<local.count).map { _ in [UInt8(0)].withUnsafeBufferPointer { one in one.baseAddress.map { global.code($0, 0, 0) } ?? 0 } }
                        }
                        return (0..<local.count).map { global.code(p, local.offsets[$0], local.offsets[$0 + 1]) }
                    }
                    let words = parts[k].validity.words
                    for (row, code) in parts[k].codes.enumerated() {
                        // Missing rows keep code 0, as in a single-part column.
                        let valid = words[row >> 6] & (1 << UInt64(row & 63)) != 0
                        codes.append(valid ? remap[Int(code)] : 0)
                    }
                    parts[k].codes = []
                }
                storage = .categories(codes: codes, levels: global.levels)
            }
        case .text:
            if parts.count == 1 {
                storage = .texts(TextStorage(bytes: parts[0].textBytes, offsets: parts[0].textOffsets))
            } else {
                var bytes = parts[0].textBytes
                var offsets = parts[0].textOffsets
                parts[0].textBytes = []
                parts[0].textOffsets = []
                bytes.reserveCapacity(parts.reduce(0) { $0 + $1.textBytes.count } + bytes.count)
                offsets.reserveCapacity(parts.reduce(1) { $0 + $1.textOffsets.count } + offsets.count)
                for k in parts.indices.dropFirst() {
                    let shift = bytes.count
                    bytes.append(contentsOf: parts[k].textBytes)
                    for o in parts[k].textOffsets.dropFirst() { offsets.append(o + shift) }
                    parts[k].textBytes = []
                    parts[k].textOffsets = []
                }
                storage = .texts(TextStorage(bytes: bytes, offsets: offsets))
            }
        }
        return Column(name: plan.name, type: plan.type == .category && type == .text ? .text : plan.type,
                      storage: storage, validity: validity.bitmap)
    }

    /// Whether an inferred category has more distinct values than half its values (then it is text).
    static func tooManyLevels(_ parts: [ColumnBuilder]) -> Bool {
        let values = parts.reduce(0) { $0 + $1.validity.count - countMissing($1.validity) }
        var global = Set<String>()
        for part in parts {
            for k in 0..<part.dictionary.count { global.insert(part.dictionary.level(k)) }
            if global.count * 2 > values { return true }
        }
        return global.count * 2 > values
    }

    /// Missing rows in a builder's validity.
    static func countMissing(_ v: ValidityBuilder) -> Int { v.count - v.words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Concatenates one storage array across parts, emptying each part as it goes.
    static func concat<T>(_ parts: inout [ColumnBuilder], _ key: WritableKeyPath<ColumnBuilder, [T]>) -> [T] {
        if parts.count == 1 {
            let only = parts[0][keyPath: key]
            parts[0][keyPath: key] = []
            return only
        }
        // Part 0 usually has room reserved for everything, so only the later parts are copied.
        var out = parts[0][keyPath: key]
        parts[0][keyPath: key] = []
        out.reserveCapacity(parts.reduce(out.count) { $0 + $1[keyPath: key].count })
        for k in parts.indices.dropFirst() {
            out.append(contentsOf: parts[k][keyPath: key])
            parts[k][keyPath: key] = []
        }
        return out
    }

    /// Builds a column from exact field values under a plan that fits them all (re-inference path).
    static func build(values: [[UInt8]], plan: ColumnPlan, context: ParseContext) -> Column {
        var builder = ColumnBuilder(plan: plan, expectedRows: values.count)
        var scratch: [UInt8] = []
        for value in values {
            let ok = value.withUnsafeBufferPointer { buffer -> Bool in
                guard let p = buffer.baseAddress else { builder.appendMissing(); return true }
                return builder.append(p, 0, buffer.count, flag: 0, context: context, scratch: &scratch)
            }
            if !ok { builder.appendMissing() }
        }
        var parts = [builder]
        return merge(&parts, plan: plan)
    }
}

