// Stage 1 · YAML: printing a double the way Python's `repr(float)` does.
//
// Swift and Python both print the shortest digits that read back as the same double,
// but they switch to exponent notation at different magnitudes (Python: below 1e-4 or
// from 1e16 up; Swift: from 2^53 up) and spell some values differently (`inf`). Taking
// Swift's digits and laying them out by Python's rule makes `jsonText` agree with
// `json.dumps` on every double.

/// Formats doubles in Python's `repr` style; used by the JSON renderer.
enum PythonFloat {
    /// Python prints `d.ddde±XX` when the decimal exponent is below this…
    static let smallestPlainExponent = -4
    /// …or at least this; otherwise plain digits with a `.0` if needed.
    static let largestPlainExponent = 16

    static func repr(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        let (digits, exponent) = decimalDigits(of: abs(value))
        let sign = value < 0 ? "-" : ""
        // `exponent` is the position of the decimal point: value = 0.digits × 10^exponent.
        let scientific = exponent - 1
        if scientific < smallestPlainExponent || scientific >= largestPlainExponent {
            var mantissa = String(digits.prefix(1))
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let magnitude = String(abs(scientific))
            return sign + mantissa + "e" + (scientific < 0 ? "-" : "+")
                + (magnitude.count < 2 ? "0" + magnitude : magnitude)
        }
        if exponent <= 0 {
            return sign + "0." + String(repeating: "0", count: -exponent) + digits
        }
        if exponent >= digits.count {
            return sign + digits + String(repeating: "0", count: exponent - digits.count) + ".0"
        }
        let point = digits.index(digits.startIndex, offsetBy: exponent)
        return sign + digits[..<point] + "." + digits[point...]
    }

    /// The shortest round-tripping digits of a positive finite `value` (no leading or
    /// trailing zeros) and the decimal point's position, read off Swift's `description`.
    static func decimalDigits(of value: Double) -> (digits: String, exponent: Int) {
        let text = value.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        let integerPart = mantissa.prefix { $0 != "." }
        let fractionPart = mantissa.drop { $0 != "." }.dropFirst()
        var digits = String(integerPart) + String(fractionPart)
        var point = integerPart.count + exponent
        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            point -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        return (digits, point)
    }
}
