/// Growing packed validity bits that can also drop their last row (a skipped record rolls back).
struct ValidityBuilder {
    /// Packed words.
    var words: [UInt64] = []
    /// Rows so far.
    var count = 0

    /// Appends one row.
    @inline(__always)
    mutating func append(_ valid: Bool) {
        if count & 63 == 0 { words.append(0) }
        if valid { words[count >> 6] |= 1 << UInt64(count & 63) }
        count += 1
    }

    /// Removes the last row.
    mutating func removeLast() {
        count -= 1
        words[count >> 6] &= ~(1 << UInt64(count & 63))
        if count & 63 == 0 { words.removeLast() }
    }

    /// Appends another builder's rows.
    mutating func append(contentsOf other: ValidityBuilder) {
        if count & 63 == 0 {
            words.append(contentsOf: other.words)
            count += other.count
            return
        }
        for i in 0..<other.count { append(other.words[i >> 6] & (1 << UInt64(i & 63)) != 0) }
    }

    /// The finished bitmap.
    var bitmap: ValidityBitmap { ValidityBitmap(words: words, count: count) }
}

/// Collects one column's values for a range of records, parsing each field straight into typed storage.
struct ColumnBuilder {
    /// What this column should hold.
    let plan: ColumnPlan
    /// Current storage kind (an inferred category can turn into text when nearly every value differs).
    private(set) var type: ColumnType
    /// `integer` values.
    var integers: [Int64] = []
    /// `decimal`, `percent`, `duration` values.
    var numbers: [Double] = []
    /// `boolean` values.
    var booleans: [Bool] = []
    /// `date` values.
    var dates: [Int32] = []
    /// `datetime` values.
    var datetimes: [Int64] = []
    /// `category` codes.
    var codes: [Int32] = []
    /// `category` levels.
    var dictionary = CategoryDictionary()
    /// `text` bytes.
    var textBytes: [UInt8] = []
    /// `text` offsets (count + 1 entries).
    var textOffsets: [Int] = [0]
    /// Which rows hold values.
    var validity = ValidityBuilder()
    /// An inferred column met a value its type cannot hold: the column is re-read and re-inferred afterwards.
    var misfit = false
    /// Offset cache for named time zones.
    var zoneCache = ZoneCache()

    /// Creates an empty builder, reserving room for about `expectedRows` rows.
    init(plan: ColumnPlan, expectedRows: Int) {
        self.plan = plan
        type = plan.type
        let n = max(0, expectedRows)
        switch plan.type {
        case .integer: integers.reserveCapacity(n)
        case .decimal, .percent, .duration: numbers.reserveCapacity(n)
        case .boolean: booleans.reserveCapacity(n)
        case .date: dates.reserveCapacity(n)
        case .datetime: datetimes.reserveCapacity(n)
        case .category: codes.reserveCapacity(n)
        case .text: textOffsets.reserveCapacity(n + 1)
        }
        validity.words.reserveCapacity(n / 64 + 1)
    }

    /// Appends a missing value.
    @inline(__always)
    mutating func appendMissing() {
        switch type {
        case .integer: integers.append(0)
        case .decimal, .percent, .duration: numbers.append(0)
        case .boolean: booleans.append(false)
        case .date: dates.append(0)
        case .datetime: datetimes.append(0)
        case .category: codes.append(0)
        case .text: textOffsets.append(textBytes.count)
        }
        validity.append(false)
    }

    /// Parses one field and appends it; false when a declared column cannot read the value (nothing appended).
    ///
    /// `flag` is the scanner's quoting flag; doubled quotes are unescaped into `scratch` first.
    @inline(__always)
    mutating func append(
        _ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, flag: UInt8, context: ParseContext,
        scratch: inout [UInt8]
    ) -> Bool {
        if flag == 2 {
            scratch.removeAll(keepingCapacity: true)
            var i = start
            while i < end {
                scratch.append(base[i])
                i += base[i] == 34 ? 2 : 1
            }
            return scratch.withUnsafeBufferPointer { buffer in
                guard let p = buffer.baseAddress else { return appendParsed(base, start, start, context: context) }
                return appendParsed(p, 0, buffer.count, context: context)
            }
        }
        return appendParsed(base, start, end, context: context)
    }

    /// Parses unescaped bytes and appends them (see `append`).
    @inline(__always)
    private mutating func appendParsed(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, context: ParseContext) -> Bool {
        let (s, e) = ParseContext.trimmed(p, start, end)
        if context.isMissing(p, s, e) {
            appendMissing()
            return true
        }
        switch type {
        case .integer:
            guard let v = NumberParser.integer(p, s, e, thousands: context.thousands) else { return misfitOrFail() }
            integers.append(v)
        case .decimal:
            guard let v = NumberParser.decimal(p, s, e, decimal: context.decimal, thousands: context.thousands) else {
                return misfitOrFail()
            }
            numbers.append(v)
        case .percent:
            guard let v = NumberParser.percent(p, s, e, decimal: context.decimal, thousands: context.thousands) else {
                return misfitOrFail()
            }
            numbers.append(v)
        case .duration:
            guard let v = DurationParser.seconds(p, s, e, decimal: context.decimal, allowPlain: plan.declared) else {
                return misfitOrFail()
            }
            numbers.append(v)
        case .boolean:
            guard let v = context.booleans.value(p, s, e) else { return misfitOrFail() }
            booleans.append(v)
        case .date:
            if let format = plan.format {
                guard let v = format.parse(p, s, e), v.offset == nil, v.localSeconds % 86_400 == 0 || format.hasTime
                else { return misfitOrFail() }
                dates.append(Int32(truncatingIfNeeded: v.localSeconds >= 0 ? v.localSeconds / 86_400 : (v.localSeconds - 86_399) / 86_400))
            } else {
                guard let v = DateParser.isoDate(p, s, e) else { return misfitOrFail() }
                dates.append(Int32(truncatingIfNeeded: v))
            }
        case .datetime:
            let parsed = plan.format.map { $0.parse(p, s, e) } ?? DateParser.isoDateTime(p, s, e)
            guard let v = parsed else { return misfitOrFail() }
            let offset = v.offset ?? plan.zone.map { $0.offset(forLocal: v.localSeconds, cache: &zoneCache) } ?? 0
            datetimes.append(v.localSeconds - Int64(offset))
        case .category:
            codes.append(dictionary.code(p, start, end))
            if !plan.declared, dictionary.count > 4096, dictionary.count * 4 > codes.count { demoteToText() }
        case .text:
            textBytes.append(contentsOf: UnsafeBufferPointer(start: p + start, count: end - start))
            textOffsets.append(textBytes.count)
        }
        validity.append(true)
        return true
    }

    /// For a declared column: report failure. For an inferred one: remember the misfit and store a gap.
    @inline(__always)
    private mutating func misfitOrFail() -> Bool {
        if plan.declared { return false }
        misfit = true
        appendMissing()
        return true
    }

    /// Turns a category builder into a text builder (values are kept exactly).
    mutating func demoteToText() {
        guard type == .category else { return }
        var bytes: [UInt8] = []
        var offsets: [Int] = [0]
        offsets.reserveCapacity(codes.capacity + 1)
        for (row, code) in codes.enumerated() {
            if validity.words[row >> 6] & (1 << UInt64(row & 63)) != 0 {
                let k = Int(code)
                bytes.append(contentsOf: dictionary.bytes[dictionary.offsets[k]..<dictionary.offsets[k + 1]])
            }
            offsets.append(bytes.count)
        }
        textBytes = bytes
        textOffsets = offsets
        codes = []
        dictionary = CategoryDictionary()
        type = .text
    }

    /// Removes the last row (when a later field of the same record fails and the record is skipped).
    mutating func removeLast() {
        switch type {
        case .integer: integers.removeLast()
        case .decimal, .percent, .duration: numbers.removeLast()
        case .boolean: booleans.removeLast()
        case .date: dates.removeLast()
        case .datetime: datetimes.removeLast()
        case .category: codes.removeLast()
        case .text:
            textOffsets.removeLast()
            textBytes.removeLast(textBytes.count - (textOffsets.last ?? 0))
        }
        validity.removeLast()
    }

    /// Number of rows so far.
    var count: Int { validity.count }
}
