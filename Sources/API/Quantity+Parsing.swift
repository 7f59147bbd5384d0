// Stage 1 · API: the quantity grammar.
//
// Kubernetes' grammar (apimachinery/pkg/api/resource/quantity.go):
//
//   quantity        ::= signedNumber suffix
//   signedNumber    ::= number | ("+" | "-") number
//   number          ::= digits | digits "." digits | digits "." | "." digits
//   suffix          ::= binarySI | decimalExponent | decimalSI
//   binarySI        ::= Ki | Mi | Gi | Ti | Pi | Ei            (2^10 … 2^60)
//   decimalSI       ::= n | u | m | "" | k | M | G | T | P | E (10^-9 … 10^18)
//   decimalExponent ::= ("e" | "E") signedNumber               (an integer here)
//
// Note `1E` is 10^18 (exa) while `1E3` is a thousand: an `e`/`E` followed by a digit or
// sign starts an exponent. Unlike Kubernetes, which keeps arbitrary precision, we keep
// at most `maxSignificantDigits` digits and exponents up to `maxExponent`: far beyond
// any real resource amount, and enough to keep the arithmetic in an Int128.

/// Why a text is not a quantity; thrown by `Quantity(parsing:)`.
public struct QuantityError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text that failed to parse.
    public var text: String
    /// What is wrong with it.
    public var reason: String

    public var description: String { "invalid quantity \"\(text)\": \(reason)" }
}

extension Quantity {
    /// Significant digits kept; more is rejected rather than silently rounded.
    public static let maxSignificantDigits = 18
    /// Largest power of ten a quantity may carry, from its suffix and exponent together.
    public static let maxExponent = 100
    /// Digits an `e`/`E` exponent may have; enough for `maxExponent`, and no overflow.
    private static let maxExponentDigits = 4

    /// Binary suffixes and their powers of two.
    private static let binarySuffixes: [String: Int] = ["Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60]
    /// Decimal suffixes and their powers of ten.
    private static let decimalSuffixes: [String: Int] = [
        "n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18,
    ]

    /// Parses `text` such as `100m`, `64Mi`, `1.5G`, `1e3`, `+1`; called when decoding
    /// a manifest and by code that reads quantities from flags.
    public init(parsing text: String) throws(QuantityError) {
        let characters = Array(text)
        var index = 0
        var negative = false
        if index < characters.count, characters[index] == "+" || characters[index] == "-" {
            negative = characters[index] == "-"
            index += 1
        }
        var digits = ""
        var fractionDigits = 0
        var seenPoint = false
        while index < characters.count, characters[index].isASCII,
            characters[index].isNumber || characters[index] == "."
        {
            if characters[index] == "." {
                if seenPoint { throw QuantityError(text: text, reason: "more than one decimal point") }
                seenPoint = true
            } else {
                digits.append(characters[index])
                if seenPoint { fractionDigits += 1 }
            }
            index += 1
        }
        guard !digits.isEmpty else {
            throw QuantityError(
                text: text, reason: "expected a number with an optional suffix, such as 100m, 0.5, 64Mi, 1Gi or 1e3")
        }
        let suffix = String(characters[index...])
        var exponent = -fractionDigits
        var binaryShift = 0
        if let power = Quantity.binarySuffixes[suffix] {
            binaryShift = power
        } else if let power = Quantity.decimalSuffixes[suffix] {
            exponent += power
        } else if let power = Quantity.decimalExponent(suffix) {
            exponent += power
        } else {
            throw QuantityError(text: text, reason: "unable to parse quantity's suffix \"\(suffix)\"")
        }

        // Drop leading zeros; fold trailing zeros into the exponent.
        var significant = Substring(digits.drop { $0 == "0" })
        while significant.last == "0" {
            significant.removeLast()
            exponent += 1
        }
        guard significant.count <= Quantity.maxSignificantDigits else {
            throw QuantityError(text: text, reason: "more than \(Quantity.maxSignificantDigits) significant digits")
        }
        guard significant.isEmpty || abs(exponent + significant.count) <= Quantity.maxExponent else {
            throw QuantityError(text: text, reason: "exponent out of range (at most 10^\(Quantity.maxExponent))")
        }
        let magnitude = Int128(significant) ?? 0
        let numerator = (negative ? -magnitude : magnitude) << binaryShift
        self.init(written: text, numerator: numerator, exponent: significant.isEmpty ? 0 : exponent)
    }

    /// The integer after `e`/`E` in a suffix such as `e3` or `E-2`; nil if not one.
    private static func decimalExponent(_ suffix: String) -> Int? {
        guard let first = suffix.first, first == "e" || first == "E" else { return nil }
        let rest = suffix.dropFirst()
        let unsigned = rest.first == "+" || rest.first == "-" ? rest.dropFirst() : rest
        guard !unsigned.isEmpty, unsigned.count <= maxExponentDigits,
            unsigned.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        return Int(rest)
    }
}
