import TallyCore

/// YEAR, MONTH, DAY, WEEKDAY, ISOWEEKNUM, EOMONTH, EDATE, DATE, NETWORKDAYS, TODAY, HOUR, MINUTE.
enum DateFunctions {
    static let specs: [FunctionSpec] = [
        part("YEAR") { d, _ in .number(Double(d.year)) },
        part("MONTH") { d, _ in .number(Double(d.month)) },
        part("DAY") { d, _ in .number(Double(d.day)) },
        part("HOUR") { _, serial in .number(Double(Int(((serial - serial.rounded(.down)) * 86_400).rounded()) / 3600 % 24)) },
        part("MINUTE") { _, serial in .number(Double(Int(((serial - serial.rounded(.down)) * 86_400).rounded()) / 60 % 60)) },
        part("ISOWEEKNUM") { d, _ in .number(Double(isoWeek(d))) },
        FunctionSpec(name: "WEEKDAY", minArguments: 1, maxArguments: 2, usage: "WEEKDAY(date, [return_type])") { call, c in
            guard let args = c.compileAll(call.arguments, scope: call.scope) else { return nil }
            return Elementwise.map(args, type: .number, span: call.span, compiler: c) { v in
                guard case .success(let serial) = Coercion.arithmetic(v[0]) else { return .error(v[0].error ?? .value) }
                var kind = 1.0
                if v.count > 1, case .success(let k) = Coercion.arithmetic(v[1]) { kind = k.rounded(.towardZero) }
                guard serial >= 0, serial < ExcelDate.endSerial, let kindNumber = Int(rounding: kind, .towardZero) else { return .error(.num) }
                let iso = ExcelDate.civil(serial: serial).isoWeekday  // Mon=1
                switch kindNumber {
                case 1, 17: return .number(Double(iso % 7 + 1))            // Sunday = 1
                case 2, 11: return .number(Double(iso))                    // Monday = 1
                case 3: return .number(Double(iso - 1))                    // Monday = 0
                case 12, 13, 14, 15, 16:
                    let first = kindNumber - 10                            // 12: Tuesday = 1 …
                    return .number(Double((iso - first + 7) % 7 + 1))
                default: return .error(.num)
                }
            }
        },
        FunctionSpec(name: "DATE", minArguments: 3, maxArguments: 3, usage: "DATE(year, month, day)") { call, c in
            guard let args = c.compileAll(call.arguments, scope: call.scope) else { return nil }
            return Elementwise.map(args, type: .date, span: call.span, compiler: c) { v in
                var parts: [Int] = []
                for x in v {
                    guard case .success(let n) = Coercion.arithmetic(x) else { return .error(x.error ?? .value) }
                    // Beyond ±2⁵³ no month or day count lands inside years 1900–9999.
                    guard let whole = Int(rounding: n, .towardZero) else { return .error(.num) }
                    parts.append(whole)
                }
                var year = parts[0]
                if year >= 0 && year < 1900 { year += 1900 }
                guard year >= 1900, year < 10_000 else { return .error(.num) }
                // Month and day overflow roll into the next year/month, as in Excel; a result outside 1900–9999 is #NUM!.
                let monthIndex = year * 12 + (parts[1] - 1)
                let y = Int((Double(monthIndex) / 12).rounded(.down)), m = monthIndex - y * 12 + 1
                guard y >= 1899, y < 10_000 else { return .error(.num) }
                let serial = ExcelDate.serial(CivilDate(year: y, month: m, day: 1)) + Double(parts[2] - 1)
                guard serial >= 1, serial < ExcelDate.endSerial else { return .error(.num) }
                return .date(serial)
            }
        },
        FunctionSpec(name: "EOMONTH", minArguments: 2, maxArguments: 2, usage: "EOMONTH(start_date, months)") { call, c in
            monthShift(call, &c, endOfMonth: true)
        },
        FunctionSpec(name: "EDATE", minArguments: 2, maxArguments: 2, usage: "EDATE(start_date, months)") { call, c in
            monthShift(call, &c, endOfMonth: false)
        },
        FunctionSpec(name: "NETWORKDAYS", minArguments: 2, maxArguments: 3, usage: "NETWORKDAYS(start_date, end_date, [holidays])") { call, c in
            guard let args = c.compileAll(call.arguments, scope: call.scope) else { return nil }
            if args.count == 3, args[2].constant == nil {
                c.error(args[2].span, "NETWORKDAYS' holidays must be a fixed date or a parameter")
                return nil
            }
            return Elementwise.map(args, type: .number, span: call.span, compiler: c) { v in
                guard case .success(let a) = Coercion.arithmetic(v[0]) else { return .error(v[0].error ?? .value) }
                guard case .success(let b) = Coercion.arithmetic(v[1]) else { return .error(v[1].error ?? .value) }
                guard a >= 0, a < ExcelDate.endSerial, b >= 0, b < ExcelDate.endSerial else { return .error(.num) }
                var holidays: Set<Int> = []
                if v.count == 3, let h = v[2].number, let day = Int(rounding: h, .down) { holidays.insert(day) }
                return .number(Double(networkDays(Int(a.rounded(.down)), Int(b.rounded(.down)), holidays: holidays)))
            }
        },
        FunctionSpec(name: "TODAY", minArguments: 0, maxArguments: 0, usage: "TODAY()") { call, c in
            guard let asOf = c.schema.asOf else {
                c.error(call.span, "TODAY() needs the report's `as_of` date", hint: "set `as_of:` in the report spec")
                return nil
            }
            var node = Node.constant(.date(ExcelDate.serial(asOf)), span: call.span)
            node.type = .date
            return node
        },
    ]

    /// ISO 8601 week number (weeks start Monday; week 1 holds the year's first Thursday).
    static func isoWeek(_ date: CivilDate) -> Int {
        let days = date.daysSinceEpoch
        let thursday = days - (date.isoWeekday - 1) + 3
        let year = CivilDate(daysSinceEpoch: thursday).year
        let jan1 = CivilDate(year: year, month: 1, day: 1).daysSinceEpoch
        return (thursday - jan1) / 7 + 1
    }

    /// Weekdays (Mon–Fri) from a to b inclusive, minus holidays; negative when b < a.
    static func networkDays(_ a: Int, _ b: Int, holidays: Set<Int>) -> Int {
        let (lo, hi, sign) = a <= b ? (a, b, 1) : (b, a, -1)
        func isWorkday(_ serial: Int) -> Bool {
            let iso = CivilDate(daysSinceEpoch: serial - Int(ExcelDate.epochSerial)).isoWeekday
            return iso <= 5
        }
        let span = hi - lo + 1
        var count = span / 7 * 5
        var day = lo + span / 7 * 7
        while day <= hi {
            if isWorkday(day) { count += 1 }
            day += 1
        }
        for h in holidays where h >= lo && h <= hi && isWorkday(h) { count -= 1 }
        return sign * count
    }

    /// YEAR-like functions on a serial date.
    static func part(_ name: String, _ f: @escaping @Sendable (CivilDate, Double) -> FormulaValue) -> FunctionSpec {
        FunctionSpec(name: name, minArguments: 1, maxArguments: 1, usage: "\(name)(date)") { call, c in
            guard let args = c.compileAll(call.arguments, scope: call.scope),
                  Operators.requireNumeric(args[0], what: name, compiler: &c) else { return nil }
            return Elementwise.mapNumber(args[0], span: call.span, compiler: c) { serial in
                guard serial >= 0, serial < ExcelDate.endSerial else { return .error(.num) }
                return f(ExcelDate.civil(serial: serial), serial)
            }
        }
    }

    /// EOMONTH / EDATE.
    static func monthShift(_ call: Call, _ c: inout Compiler, endOfMonth: Bool) -> Node? {
        guard let args = c.compileAll(call.arguments, scope: call.scope) else { return nil }
        let ok0 = Operators.requireNumeric(args[0], what: call.name, compiler: &c)
        let ok1 = Operators.requireNumeric(args[1], what: call.name, compiler: &c)
        guard ok0, ok1 else { return nil }
        return Operators.arithmetic(args[0], args[1], type: .date, span: call.span, compiler: c) { serial, months in
            // 120,000 months is beyond any shift that stays inside years 1900–9999.
            guard serial >= 0, serial < ExcelDate.endSerial, abs(months) < 120_000 else { return .error(.num) }
            let d = ExcelDate.civil(serial: serial)
            let index = d.year * 12 + (d.month - 1) + Int(months.rounded(.towardZero))
            let y = Int((Double(index) / 12).rounded(.down)), m = index - y * 12 + 1
            guard y >= 1900, y < 10_000 else { return .error(.num) }
            let last = CivilDate.daysInMonth(year: y, month: m)
            let day = endOfMonth ? last : min(d.day, last)
            return .date(ExcelDate.serial(CivilDate(year: y, month: m, day: day)))
        }
    }
}
