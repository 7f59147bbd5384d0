// Stage 3 · bench: what every benchmark is, and the options they share.

/// One subcommand of `bench`: a name, a line of help, and a run.
protocol Benchmark {
    /// The subcommand: `bench <name>`.
    static var name: String { get }
    /// One line for `bench --help`.
    static var summary: String { get }
    /// Runs the benchmark and prints its figures.
    static func run(options: BenchmarkOptions) async throws
}

/// `--name value` options after the subcommand, read as each benchmark needs them.
struct BenchmarkOptions {
    private var values: [String: String] = [:]

    init(_ arguments: [String]) {
        var rest = arguments[...]
        while let option = rest.popFirst() {
            guard option.hasPrefix("--") else { continue }
            values[String(option.dropFirst(2))] = rest.first?.hasPrefix("--") == false ? rest.popFirst() : ""
        }
    }

    /// The value of `--name`, or nil when absent.
    func string(_ name: String) -> String? { values[name] }

    /// The value of `--name` as a number, or `fallback`.
    func double(_ name: String, default fallback: Double) throws -> Double {
        guard let text = values[name] else { return fallback }
        guard let value = Double(text), value > 0 else { throw BenchmarkError("--\(name) needs a positive number, not \(text)") }
        return value
    }

    /// The value of `--name` as a whole number, or `fallback`.
    func int(_ name: String, default fallback: Int) throws -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text), value > 0 else { throw BenchmarkError("--\(name) needs a positive whole number, not \(text)") }
        return value
    }
}

/// A benchmark that cannot run, with the reason.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
