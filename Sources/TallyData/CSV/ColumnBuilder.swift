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

    /// Appends `count` rows given as packed words (row r at bit r % 64 of word r / 64).
    mutating func append(words other: UnsafeBufferPointer<UInt64>, count n: Int) {
        if count & 63 == 0 {
            words.append(contentsOf: other[0..<((n + 63) / 64)])
            count += n
            return
        }
        for i in 0..<n { append(other[i >> 6] & (1 << UInt64(i & 63)) != 0) }
    }

    /// Appends another builder's rows (word by word, shifting when this one ends mid-word).
    mutating func append(contentsOf other: ValidityBuilder) {
        let shift = UInt64(count & 63)
        if shift == 0 {
            words.append(contentsOf: other.words)
            count += other.count
            return
        }
        words.reserveCapacity((count + other.count + 63) / 64)
        for w in other.words {
            words[words.count - 1] |= w << shift
            words.append(w >> (64 - shift))
        }
        count += other.count
        // Drop words past the new end (bits beyond `count` are already clear).
        let needed = (count + 63) / 64
        if words.count > needed { words.removeLast(words.count - needed) }
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
        case .text:
            textOffsets.reserveCapacity(n + 1)
            // Reserved but untouched capacity costs address space, not memory.
            textBytes.reserveCapacity(n * plan.averageBytes * 5 / 4 + 4096)
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

    /// Appends a batch of fields (one column of up to a few thousand records) in a loop specialised by type.
    ///
    /// Returns false when a declared column cannot read a value; the caller then truncates and replays the
    /// batch record by record (`append`) to find, report or skip the exact record.
    mutating func appendBatch(
        _ base: UnsafePointer<UInt8>, _ starts: UnsafePointer<Int>, _ ends: UnsafePointer<Int>,
        _ flags: UnsafePointer<UInt8>, _ n: Int, context: ParseContext, scratch: inout [UInt8]
    ) -> Bool {
        let declared = plan.declared
        let thousands = context.thousands
        let decimal = context.decimal
        var validity = self.validity
        var misfit = self.misfit
        self.validity = ValidityBuilder()
        defer {
            self.validity = validity
            self.misfit = misfit
        }
        // The storage array is moved out (no copy) so the loop owns it exclusively; everything the loop
        // mutates is passed inout (a captured `var` would be boxed and access-checked on every row).
        @inline(__always)
        func run<T>(_ key: WritableKeyPath<ColumnBuilder, [T]>, _ zero: T, _ parse: (UnsafePointer<UInt8>, Int, Int) -> T?) -> Bool {
            var array = self[keyPath: key]
            self[keyPath: key] = []
            defer { self[keyPath: key] = array }
            return ColumnBuilder.loop(&array, &validity, &misfit, zero, base, starts, ends, flags, n, declared, context, parse)
        }
        switch type {
        case .integer:
            return run(\.integers, 0) { p, s, e in NumberParser.integer(p, s, e, thousands: thousands) }
        case .decimal:
            return run(\.numbers, 0) { p, s, e in NumberParser.decimal(p, s, e, decimal: decimal, thousands: thousands) }
        case .boolean:
            let tokens = context.booleans
            return run(\.booleans, false) { p, s, e in tokens.value(p, s, e) }
        case .datetime where plan.format == nil:
            guard let zone = plan.zone else {
                return run(\.datetimes, 0) { p, s, e in
                    DateParser.isoDateTime(p, s, e).map { $0.localSeconds - Int64($0.offset ?? 0) }
                }
            }
            if case .fixed(let fixed) = zone.kind {
                return run(\.datetimes, 0) { p, s, e in
                    DateParser.isoDateTime(p, s, e).map { $0.localSeconds - Int64($0.offset ?? fixed) }
                }
            }
            var cache = zoneCache
            defer { zoneCache = cache }
            return run(\.datetimes, 0) { p, s, e in
                DateParser.isoDateTime(p, s, e).map { $0.localSeconds - Int64($0.offset ?? zone.offset(forLocal: $0.localSeconds, cache: &cache)) }
            }
        case .date where plan.format == nil:
            return run(\.dates, 0) { p, s, e in DateParser.isoDate(p, s, e).map { Int32(truncatingIfNeeded: $0) } }
        case .category:
            self.validity = validity
            defer { validity = self.validity }
            for r in 0..<n {
                if flags[r] == 2 {
                    _ = append(base, starts[r], ends[r], flag: 2, context: context, scratch: &scratch)
                    continue
                }
                let (s, e) = ParseContext.trimmed(base, starts[r], ends[r])
                if context.isMissing(base, s, e) {
                    codes.append(0)
                    self.validity.append(false)
                } else {
                    codes.append(dictionary.code(base, starts[r], ends[r]))
                    self.validity.append(true)
                }
            }
            if !plan.declared, dictionary.count > 4096, dictionary.count * 4 > codes.count { demoteToText() }
            return true
        default:
            self.validity = validity
            self.misfit = misfit
            defer {
                validity = self.validity
                misfit = self.misfit
            }
            for r in 0..<n where !append(base, starts[r], ends[r], flag: flags[r], context: context, scratch: &scratch) {
                return false
            }
            return true
        }
    }

    /// The typed batch loop: trim, missing check, parse into a scratch buffer and validity words, then one
    /// bulk append per batch (no per-value capacity or uniqueness checks).
    @inline(__always)
    static func loop<T>(
        _ array: inout [T], _ validity: inout ValidityBuilder, _ misfit: inout Bool, _ zero: T, _ base: UnsafePointer<UInt8>,
        _ starts: UnsafePointer<Int>, _ ends: UnsafePointer<Int>, _ flags: UnsafePointer<UInt8>, _ n: Int, _ declared: Bool,
        _ context: ParseContext, _ parse: (UnsafePointer<UInt8>, Int, Int) -> T?
    ) -> Bool {
        withUnsafeTemporaryAllocation(of: T.self, capacity: n) { values in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: (n + 63) / 64) { words in
                guard let out = values.baseAddress, let bits = words.baseAddress else { return true }
                bits.initialize(repeating: 0, count: words.count)
                var sawMisfit = false
                for r in 0..<n {
                    let (s, e) = ParseContext.trimmed(base, starts[r], ends[r])
                    if context.isMissing(base, s, e) {
                        (out + r).initialize(to: zero)
                        continue
                    }
                    // A value with doubled quotes holds a `"`, which no typed parser accepts.
                    if flags[r] != 2, let v = parse(base, s, e) {
                        (out + r).initialize(to: v)
                        bits[r >> 6] |= 1 << UInt64(r & 63)
                    } else {
                        if declared {
                            (out + r).initialize(to: zero)
                            (out).deinitialize(count: r + 1)
                            return false
                        }
                        sawMisfit = true
                        (out + r).initialize(to: zero)
                    }
                }
                array.append(contentsOf: UnsafeBufferPointer(start: out, count: n))
                out.deinitialize(count: n)
                validity.append(words: UnsafeBufferPointer(start: bits, count: words.count), count: n)
                if sawMisfit { misfit = true }
                return true
            }
        }
    }

    /// Drops rows (and category levels) added after a checkpoint, before a batch is replayed record by record.
    mutating func truncate(to rows: Int, levels: Int) {
        while count > rows { removeLast() }
        if type == .category, dictionary.count > levels { dictionary.truncate(to: levels) }
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
