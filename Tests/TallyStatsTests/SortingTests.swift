import Testing
@testable import TallyStats

/// The radix sort against the standard library's stable sort, bit for bit.
@Suite struct SortingTests {
    /// A deterministic generator (xorshift), so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
    }

    @Test(arguments: [1, 511, 512, 1000, 50_000])
    func matchesStableSortBitForBit(count: Int) {
        var g = Generator(state: 0x9E37_79B9_7F4A_7C15 &+ UInt64(count))
        let specials: [Double] = [0, -0.0, .infinity, -.infinity, 1e-310, -1e-310, .greatestFiniteMagnitude, -.greatestFiniteMagnitude]
        let values: [Double] = (0..<count).map { _ in
            switch g.next() % 5 {
            case 0: return specials[Int(g.next() % UInt64(specials.count))]
            case 1: return Double(Int(g.next() % 20)) - 10  // many ties
            case 2: return Double(bitPattern: g.next() & ~(0x7FF << 52) | (UInt64(g.next() % 2046 + 1) << 52))  // any finite
            default: return (Double(g.next() % 1_000_000) / 1000) * (g.next() % 2 == 0 ? 1 : -1)
            }
        }
        let expected = values.sorted()
        let actual = Sorting.ascending(values)
        #expect(actual.map(\.bitPattern) == expected.map(\.bitPattern))
    }

    @Test func integersAsDoublesSkipSharedDigitsAndStaySorted() {
        // Handle times in whole seconds: the low mantissa digits are all zero, so those passes are skipped.
        let values = (0..<10_000).map { Double(($0 * 7919) % 3600) }
        #expect(Sorting.ascending(values) == values.sorted())
    }

    @Test func nanSortsAtTheEnds() {
        var values = (0..<1000).map { Double($0 % 17) }
        values[10] = .nan
        values[20] = -Double.nan
        let sorted = Sorting.ascending(values)
        #expect(sorted.first?.isNaN == true && sorted.last?.isNaN == true)
        #expect(Array(sorted.dropFirst().dropLast()) == values.filter { !$0.isNaN }.sorted())
    }
}

/// Merging sorted groups and recognising sorted input.
@Suite struct SortingMergeTests {
    @Test func mergedEqualsStableSortOfTheConcatenation() {
        var g = SortingTests.Generator(state: 42)
        for _ in 0..<20 {
            let groups: [[Double]] = (0..<Int(g.next() % 4)).map { _ in
                (0..<Int(g.next() % 700)).map { _ in Double(Int(g.next() % 50) - 25) / 2 }.sorted()
            }
            let zeros: [[Double]] = [[-0.0, 0.0], [0.0, -0.0].sorted()]
            for input in [groups, zeros] {
                #expect(Sorting.merged(input).map(\.bitPattern) == input.flatMap { $0 }.sorted().map(\.bitPattern))
            }
        }
    }

    @Test func sortedInputIsRecognised() {
        #expect(Sorting.isAscending([]) && Sorting.isAscending([1]) && Sorting.isAscending([1, 1, 2, .infinity]))
        #expect(!Sorting.isAscending([2, 1]) && !Sorting.isAscending([1, .nan, 2]))
        let sorted = (0..<2000).map { Double($0 / 3) }
        #expect(Sorting.ascending(sorted) == sorted)
    }
}
