// Stage 1 · Common: durations written the way Kubernetes' command lines write them.
//
// Kubernetes components take durations as Go writes them: `10s`, `500ms`, `5m`,
// `1m30s`, `2h`. Every component's flags (`--file-check-frequency 3s`,
// `--backoff-max 5m`) parse through here, and print back the same way.

import Foundation

/// Parses and prints durations in Go's notation, which Kubernetes flags use.
extension Duration {
    /// Reads a Go-style duration such as `1m30s` or `250ms`; nil when it is not one.
    public init?(kubernetes text: String) {
        let units: [(suffix: String, seconds: Double)] = [
            ("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600),
        ]
        var rest = Substring(text)
        var total = 0.0
        guard !rest.isEmpty else { return nil }
        if rest == "0" { self = .zero; return }
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            // Longest suffix first, so that `ms` is not read as `m` followed by garbage.
            guard let unit = units.sorted(by: { $0.suffix.count > $1.suffix.count })
                .first(where: { rest.hasPrefix($0.suffix) }) else { return nil }
            rest = rest.dropFirst(unit.suffix.count)
            total += value * unit.seconds
        }
        self = .milliseconds(Int64((total * 1000).rounded()))
        if total < 0.001 { self = .nanoseconds(Int64((total * 1e9).rounded())) }
    }

    /// The duration in seconds, as a `Double`, for arithmetic and JSON.
    public var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// The duration written as Go writes it (`1m30s`, `250ms`), for logs and help text.
    public var kubernetesDescription: String {
        let milliseconds = Int64((seconds * 1000).rounded())
        if milliseconds == 0 { return "0s" }
        if milliseconds < 1000 { return "\(milliseconds)ms" }
        var remaining = milliseconds / 1000
        let fraction = milliseconds % 1000
        var text = ""
        if remaining >= 3600 { text += "\(remaining / 3600)h"; remaining %= 3600 }
        if remaining >= 60 || (!text.isEmpty && remaining > 0) {
            if remaining >= 60 || !text.isEmpty { text += "\(remaining / 60)m"; remaining %= 60 }
        }
        if remaining > 0 || fraction > 0 || text.isEmpty {
            text += fraction > 0 ? "\(remaining).\(String(format: "%03d", fraction))s" : "\(remaining)s"
        }
        return text
    }
}
