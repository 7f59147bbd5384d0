// Stage 1 · API: an amount of a resource (apimachinery `resource.Quantity`).
//
// Resource amounts are written with suffixes: `100m` of CPU is a tenth of a core,
// `64Mi` of memory is 64 × 2^20 bytes, `1.5G` is 1.5 × 10^9, `1e3` is a thousand.
// A `Quantity` keeps the text as written (that is what it encodes back to, so a
// manifest survives a round trip unchanged) and, beside it, the exact number:
//
//     value = numerator × 10^exponent
//
// `numerator` is an Int128 that already includes any binary suffix (2^10 … 2^60), and
// the pair is normalised (no trailing zeros in the numerator), so two quantities are
// equal exactly when their values are: `1000m == 1`, `1Ki == 1024`. The grammar and
// the parser are in `Quantity+Parsing.swift`.

/// An exact amount of CPU, memory or another resource, as used in container requests
/// and limits; read by the kubelet (cgroup limits) and by the scheduler (fit).
public struct Quantity: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The text this quantity was written as, and the text it encodes to.
    public let written: String
    /// The value's digits (binary suffix multiplied in), normalised: no trailing zeros.
    let numerator: Int128
    /// The power of ten the numerator is scaled by.
    let exponent: Int

    /// Makes a quantity from its written form and exact value; used by the parser.
    init(written: String, numerator: Int128, exponent: Int) {
        var numerator = numerator
        var exponent = exponent
        while numerator != 0, numerator % 10 == 0 {
            numerator /= 10
            exponent += 1
        }
        self.written = written
        self.numerator = numerator
        self.exponent = numerator == 0 ? 0 : exponent
    }

    /// A whole number of units, written plainly (`500`); for code that builds objects.
    public init(value: Int64) {
        self.init(written: String(value), numerator: Int128(value), exponent: 0)
    }

    /// A number of thousandths, written with the `m` suffix (`250m`).
    public init(milliValue: Int64) {
        self.init(written: "\(milliValue)m", numerator: Int128(milliValue), exponent: -3)
    }

    /// The value in whole units, rounded away from zero like Kubernetes' `Value()`
    /// (`100m` → 1), and saturating at Int64's limits.
    public var value: Int64 { scaled(by: 0) }

    /// The value in thousandths, rounded away from zero like `MilliValue()`
    /// (`0.1` → 100, `1n` → 1).
    public var milliValue: Int64 { scaled(by: 3) }

    /// The value times 10^`power`, rounded away from zero, saturating.
    private func scaled(by power: Int) -> Int64 {
        let magnitude = numerator.magnitude
        let shift = exponent + power
        var result: UInt128
        if shift >= 0 {
            guard let product = Quantity.multiply(magnitude, byPowerOfTen: shift) else {
                return numerator < 0 ? .min : .max
            }
            result = product
        } else if -shift > Quantity.maxPowerOfTenInUInt128 {
            result = magnitude == 0 ? 0 : 1
        } else {
            let divisor = Quantity.multiply(1, byPowerOfTen: -shift)!
            result = magnitude / divisor + (magnitude % divisor == 0 ? 0 : 1)
        }
        if numerator < 0 {
            return result > UInt128(Int64.max) + 1 ? .min : Int64(-Int128(result))
        }
        return result > UInt128(Int64.max) ? .max : Int64(result)
    }

    /// Whole numbers below this, decoded from a YAML/JSON float, are written without a fraction.
    static let largestPlainWholeNumber = 1e15

    /// The largest n with 10^n representable in a UInt128.
    static let maxPowerOfTenInUInt128 = 38

    /// `value` × 10^`power`, or nil when that does not fit in a UInt128.
    static func multiply(_ value: UInt128, byPowerOfTen power: Int) -> UInt128? {
        var result = value
        for _ in 0..<power {
            let (product, overflow) = result.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            result = product
            if result == 0 { break }
        }
        return result
    }

    public static func == (a: Quantity, b: Quantity) -> Bool {
        a.numerator == b.numerator && a.exponent == b.exponent
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(numerator)
        hasher.combine(exponent)
    }

    /// Orders by value, exactly: `999m < 1 < 1001m`, `1Gi > 1G`.
    public static func < (a: Quantity, b: Quantity) -> Bool {
        let (aSign, bSign) = (a.numerator.signum(), b.numerator.signum())
        if aSign != bSign { return aSign < bSign }
        if aSign == 0 { return false }
        return aSign > 0 ? magnitude(of: a, isBelow: b) : magnitude(of: b, isBelow: a)
    }

    /// Compares |a| and |b| at the smaller of the two exponents. Only the side with the
    /// larger exponent is scaled up; if that overflows, that side is certainly larger.
    private static func magnitude(of a: Quantity, isBelow b: Quantity) -> Bool {
        let common = min(a.exponent, b.exponent)
        guard let aScaled = multiply(a.numerator.magnitude, byPowerOfTen: a.exponent - common) else { return false }
        guard let bScaled = multiply(b.numerator.magnitude, byPowerOfTen: b.exponent - common) else { return true }
        return aScaled < bScaled
    }

    /// The written form, such as `64Mi`.
    public var description: String { written }

    /// Decodes from a string (`"64Mi"`) or a number (YAML `cpu: 1`, `cpu: 0.5`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text: String
        if let number = try? container.decode(Int64.self) {
            text = String(number)
        } else if let number = try? container.decode(Double.self) {
            // A whole number is written plainly (YAML `cpu: 2.0` → "2"); others as Swift prints them.
            let isPlainWhole = number == number.rounded() && abs(number) < Quantity.largestPlainWholeNumber
            text = isPlainWhole ? String(Int64(number)) : "\(number)"
        } else {
            text = try container.decode(String.self)
        }
        do {
            self = try Quantity(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    /// Encodes the written form as a string, as Kubernetes always does.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(written)
    }
}
