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
        // Keep every nanosecond given (`1500us` is 1.5 ms, not 2), and refuse what does not
        // fit, as Go does ("invalid duration"), rather than trap converting to Int64.
        let nanoseconds = (total * 1e9).rounded()
        guard nanoseconds < Self.largestNanoseconds else { return nil }
        self = .nanoseconds(Int64(nanoseconds))
    }

    /// Go's durations are Int64 nanoseconds; a longer one is not a duration.
    private static let largestNanoseconds = Double(Int64.max)

    /// The duration in seconds, as a `Double`, for arithmetic and JSON.
    public var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// The duration written as Go writes it (`1m30s`, `250ms`, `5m0s`), for logs and help text.
    ///
    /// This is Go's `time.Duration.String`, which Kubernetes prints in its messages
    /// ("back-off 5m0s restarting failed container"): under a second in ms, µs or ns;
    /// otherwise seconds, with minutes and hours in front once they are not zero, and a
    /// fraction of a second without trailing zeros (`1.5s`).
    public var kubernetesDescription: String {
        let (wholeSeconds, attoseconds) = components
        let (scaled, overflow) = wholeSeconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (sum, sumOverflow) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000)
        // Beyond Go's range (292 years) the duration is shown as Go's longest, not trapped on.
        let nanoseconds = overflow || sumOverflow ? (wholeSeconds < 0 ? Int64.min : Int64.max) : sum
        if nanoseconds == 0 { return "0s" }
        let sign = nanoseconds < 0 ? "-" : ""
        let magnitude = nanoseconds.magnitude
        if magnitude < 1_000_000_000 {
            let (unit, scale): (String, UInt64) = magnitude < 1_000 ? ("ns", 1) : magnitude < 1_000_000 ? ("µs", 1_000) : ("ms", 1_000_000)
            return sign + Self.decimal(magnitude, scale: scale) + unit
        }
        let hours = magnitude / 3_600_000_000_000
        let minutes = magnitude / 60_000_000_000 % 60
        var text = sign
        if hours > 0 { text += "\(hours)h" }
        if hours > 0 || minutes > 0 { text += "\(minutes)m" }
        return text + Self.decimal(magnitude % 60_000_000_000, scale: 1_000_000_000) + "s"
    }

    /// `value / scale` in decimal, with the fraction's trailing zeros dropped (`1500, 1000` is `1.5`).
    private static func decimal(_ value: UInt64, scale: UInt64) -> String {
        let whole = "\(value / scale)"
        guard scale > 1, value % scale != 0 else { return whole }
        let digits = String(scale).count - 1
        var fraction = String(value % scale)
        fraction = String(repeating: "0", count: digits - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return whole + "." + fraction
    }
}
