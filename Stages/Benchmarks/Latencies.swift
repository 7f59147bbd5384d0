// Stage 3 · bench: a set of measured times, and the table rows that print them.
//
// Every benchmark but `store` measures a latency many times and prints its 50th and 99th
// percentiles, in milliseconds, in a table of right-aligned columns.

/// Measured times in milliseconds, sorted.
struct Latencies {
    let milliseconds: [Double]

    init(_ milliseconds: [Double]) { self.milliseconds = milliseconds.sorted() }

    var count: Int { milliseconds.count }
    var p50: Double { percentile(0.50) }
    var p99: Double { percentile(0.99) }
    var maximum: Double { milliseconds.last ?? 0 }

    func percentile(_ fraction: Double) -> Double {
        guard !milliseconds.isEmpty else { return 0 }
        return milliseconds[min(milliseconds.count - 1, Int(Double(milliseconds.count) * fraction))]
    }

    /// Milliseconds from `start` to `end`.
    static func between(_ start: ContinuousClock.Instant, _ end: ContinuousClock.Instant) -> Double {
        WriteLoad.milliseconds(end - start)
    }
}

enum Table {
    /// One row: the first cell `first` wide, the others `width` wide, right-aligned.
    static func row(_ cells: [String], first: Int = 12, width: Int = 11) -> String {
        cells.enumerated().map { position, cell in
            String(repeating: " ", count: max(0, (position == 0 ? first : width) - cell.count)) + cell
        }.joined(separator: " ")
    }

    /// A figure to two decimals under 10, one above.
    static func format(_ value: Double) -> String { StoreWriteBenchmark.format(value) }

    /// A whole count with a thousands separator.
    static func count(_ value: Double) -> String { StoreWriteBenchmark.count(value) }
}
