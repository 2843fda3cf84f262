import Foundation

/// How a wall-clock datetime without an offset becomes an instant: a fixed offset or a named zone's rules.
///
/// Named zones use Foundation's `TimeZone`, asked once per local hour and cached (a 1M-row column spends
/// its time in a 64-entry direct-mapped cache, not in ICU).
struct TimeZoneRule: Sendable {
    /// A fixed offset from UTC in seconds, or a named zone.
    enum Kind: Sendable {
        case fixed(Int)
        case named(TimeZone)
    }

    /// The rule.
    let kind: Kind
    /// The name as declared.
    let name: String

    /// Parses `UTC`, `Z`, `GMT`, `+01:00`, `-0530`, `UTC+2`, or an IANA name such as `Europe/London`.
    init?(_ text: String) {
        name = text
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var body = Substring(trimmed)
        if ["utc", "z", "gmt"].contains(trimmed.lowercased()) { kind = .fixed(0); return }
        if trimmed.uppercased().hasPrefix("UTC") || trimmed.uppercased().hasPrefix("GMT") { body = body.dropFirst(3) }
        if let first = body.first, first == "+" || first == "-" {
            let bytes = Array(body.utf8)
            let parsed: (value: Int?, Void)? = bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return nil }
                // Accept `+1` and `+01` as whole hours.
                if bytes.count == 2 || (bytes.count == 3 && bytes[1] <= 0x31) {
                    guard let h = DateParser.digits(base, 1, bytes.count - 1) else { return nil }
                    return ((first == "-" ? -1 : 1) * h * 3600, ())
                }
                return DateParser.zoneSuffix(base, 0, bytes.count)
            }
            guard let offset = parsed?.value else { return nil }
            kind = .fixed(offset)
            return
        }
        guard let zone = TimeZone(identifier: trimmed) else { return nil }
        kind = .named(zone)
    }

    /// Seconds to subtract from a local reading to get UTC; gaps and overlaps resolve to the earlier offset.
    func offset(forLocal local: Int64, cache: inout ZoneCache) -> Int {
        switch kind {
        case .fixed(let seconds): return seconds
        case .named(let zone):
            let hour = local >= 0 ? local / 3600 : (local - 3599) / 3600
            let slot = Int(UInt64(bitPattern: hour) & 63)
            if cache.hours[slot] == hour { return cache.offsets[slot] }
            let guess = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))
            let utc = local - Int64(guess)
            let actual = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc)))
            let offset = max(guess, actual)
            // Only cache whole hours that do not straddle a transition.
            let startOffset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(hour * 3600 - Int64(offset))))
            let endOffset = zone.secondsFromGMT(
                for: Date(timeIntervalSince1970: TimeInterval(hour * 3600 + 3599 - Int64(offset))))
            if startOffset == endOffset, startOffset == offset {
                cache.hours[slot] = hour
                cache.offsets[slot] = offset
            }
            return offset
        }
    }

    /// The UTC offset in force at an instant (for bucketing instants into local days).
    func offset(forUTC utc: Int64, cache: inout ZoneCache) -> Int {
        switch kind {
        case .fixed(let seconds): return seconds
        case .named(let zone):
            let hour = utc >= 0 ? utc / 3600 : (utc - 3599) / 3600
            let slot = Int(UInt64(bitPattern: hour) & 63)
            if cache.hours[slot] == hour { return cache.offsets[slot] }
            let value = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc)))
            let end = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(hour * 3600 + 3599)))
            let start = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(hour * 3600)))
            if start == end {
                cache.hours[slot] = hour
                cache.offsets[slot] = value
            }
            return value
        }
    }
}

/// A small direct-mapped cache of offsets by hour, owned by one worker.
struct ZoneCache {
    /// Hour numbers (since the epoch) held in each slot; `Int64.min` when empty.
    var hours = [Int64](repeating: Int64.min, count: 64)
    /// The cached offsets.
    var offsets = [Int](repeating: 0, count: 64)
}
