/// Rows grouped by the values of key columns: a group id per row and one key row per group.
public struct Grouping: Sendable, Equatable {
    /// Group id of each row (0-based, groups numbered in order of first appearance).
    public var groupOfRow: [Int32]
    /// One row per group holding the key columns' values (missing keys form their own group).
    public var keys: Table
    /// Number of groups.
    public var groupCount: Int { keys.rowCount }

    /// Row indices of each group, in row order.
    public var rowsByGroup: [[Int]] {
        var rows = [[Int]](repeating: [], count: groupCount)
        for (row, group) in groupOfRow.enumerated() { rows[Int(group)].append(row) }
        return rows
    }
}

extension Table {
    /// Groups rows by the named key columns (names matched like `column(named:)`); nil if a name is unknown.
    ///
    /// Works on columns: each key column becomes one integer per row (category codes, dates and integers
    /// as they are; numbers by bit pattern; text interned), then the integer tuples are hashed.
    public func grouped(by names: [String]) -> Grouping? {
        var keyColumns: [Column] = []
        for name in names {
            guard let column = column(named: name) else { return nil }
            keyColumns.append(column)
        }
        let components = keyColumns.map { Table.keyComponents($0) }
        var groupOfRow = [Int32](repeating: 0, count: rowCount)
        var firstRows: [Int] = []
        if components.count == 1 {
            var ids: [Int64?: Int32] = [:]
            let values = components[0]
            for row in 0..<rowCount {
                let key = values[row]
                if let id = ids[key] { groupOfRow[row] = id } else {
                    let id = Int32(firstRows.count)
                    ids[key] = id
                    firstRows.append(row)
                    groupOfRow[row] = id
                }
            }
        } else {
            var ids: [[Int64?]: Int32] = [:]
            var key = [Int64?](repeating: nil, count: components.count)
            for row in 0..<rowCount {
                for k in components.indices { key[k] = components[k][row] }
                if let id = ids[key] { groupOfRow[row] = id } else {
                    let id = Int32(firstRows.count)
                    ids[key] = id
                    firstRows.append(row)
                    groupOfRow[row] = id
                }
            }
        }
        let keys = Table(name: name, columns: keyColumns, rowCount: rowCount).selecting(rows: firstRows)
        return Grouping(groupOfRow: groupOfRow, keys: keys)
    }

    /// One integer per row identifying the value (equal values ⇔ equal integers); nil when missing.
    static func keyComponents(_ column: Column) -> [Int64?] {
        let n = column.count
        var out = [Int64?](repeating: nil, count: n)
        switch column.storage {
        case .integers(let v):
            for i in 0..<n where column.validity[i] { out[i] = v[i] }
        case .numbers(let v):
            // -0.0 groups with 0.0.
            for i in 0..<n where column.validity[i] { out[i] = Int64(bitPattern: (v[i] == 0 ? 0.0 : v[i]).bitPattern) }
        case .booleans(let v):
            for i in 0..<n where column.validity[i] { out[i] = v[i] ? 1 : 0 }
        case .dates(let v):
            for i in 0..<n where column.validity[i] { out[i] = Int64(v[i]) }
        case .datetimes(let v):
            for i in 0..<n where column.validity[i] { out[i] = v[i] }
        case .categories(let codes, _):
            for i in 0..<n where column.validity[i] { out[i] = Int64(codes[i]) }
        case .texts(let t):
            var interned: [ArraySlice<UInt8>: Int64] = [:]
            for i in 0..<n where column.validity[i] {
                let bytes = t.utf8(i)
                if let id = interned[bytes] { out[i] = id } else {
                    let id = Int64(interned.count)
                    interned[bytes] = id
                    out[i] = id
                }
            }
        }
        return out
    }
}
