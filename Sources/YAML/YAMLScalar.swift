// Stage 1 · YAML: what a plain scalar means — YAML 1.1 resolution, as PyYAML does it.
//
// `replicas: 3` is a number and `name: "3"` a string; `enabled: yes` is a boolean in
// YAML 1.1 (the version Kubernetes' tools speak) but `y` is not. This file holds those
// rules, copied from PyYAML's resolver regexes and `SafeConstructor`, written as small
// matchers instead of regular expressions so that they are fast and dependency-free:
//
//   null   ~ null Null NULL and the empty scalar
//   bool   yes/no/true/false/on/off, each lower-case, Capitalised or UPPER-CASE
//   int    1_000, 0b1010, 0x1F, 017 (octal), 1:30 (sexagesimal, = 90)
//   float  needs a dot: 1.5, 1., .5, 1.5e+3, 1:30.5, .inf, -.Inf, .nan  (1e3 is a string)
//
// Timestamps (`2001-12-14`) are left as strings: PyYAML would make a datetime that JSON
// cannot hold, and Kubernetes' own reader leaves them as strings too. Integers too large
// for `Int` are kept exact, as their decimal digits (`.bigInteger`), as PyYAML keeps them:
// `123456789012345678901234567890` stays that number, not `1.2345678901234568e+29`.

/// Resolves and constructs scalar values; called by `YAMLParser` for every scalar.
enum YAMLScalar {
    /// The value of a plain (unquoted, untagged) scalar. Throws only for text the int
    /// pattern accepts but that holds no digits (`0x_`), which PyYAML cannot read either.
    static func resolvePlain(_ text: String, at mark: YAMLMark) throws(YAMLError) -> YAMLValue {
        let bytes = Array(text.utf8)
        if isNull(bytes) { return .null }
        if let bool = boolValue(text) { return .bool(bool) }
        if let first = bytes.first, "-+0123456789.".utf8.contains(first) {
            if matchesInt(bytes) {
                guard let value = constructInt(text) else {
                    throw YAMLError("cannot read '\(text)' as an integer: it has no digits", at: mark)
                }
                return value
            }
            if matchesFloat(bytes), let value = constructFloat(text) { return .double(value) }
        }
        return .string(text)
    }

    static func isNull(_ bytes: [UInt8]) -> Bool {
        bytes.isEmpty || ["~", "null", "Null", "NULL"].contains { Array($0.utf8) == bytes }
    }

    static let trueWords: Set<String> = ["yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
    static let falseWords: Set<String> = ["no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]

    static func boolValue(_ text: String) -> Bool? {
        if trueWords.contains(text) { return true }
        if falseWords.contains(text) { return false }
        return nil
    }

    // MARK: Matching (the resolver's regexes)

    /// `[-+]?(0b[01_]+ | 0[0-7_]+ | 0 | [1-9][0-9_]* | 0x[0-9a-fA-F_]+ | [1-9][0-9_]*(:[0-5]?[0-9])+)`
    static func matchesInt(_ bytes: [UInt8]) -> Bool {
        var s = bytes[...]
        if let first = s.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { s = s.dropFirst() }
        guard let first = s.first else { return false }
        let rest = s.dropFirst()
        if first == UInt8(ascii: "0") {
            if rest.isEmpty { return true }
            if rest.first == UInt8(ascii: "b") { return rest.count > 1 && rest.dropFirst().allSatisfy { "01_".utf8.contains($0) } }
            if rest.first == UInt8(ascii: "x") { return rest.count > 1 && rest.dropFirst().allSatisfy { isHex($0) || $0 == UInt8(ascii: "_") } }
            return rest.allSatisfy { "01234567_".utf8.contains($0) }
        }
        guard isDigit(first) else { return false }
        let (head, tail) = splitAtColon(rest)
        guard head.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "_") }) else { return false }
        return tail.isEmpty || matchesSexagesimalParts(tail, allowsFraction: false)
    }

    /// The float regex; see the file comment for its shapes.
    static func matchesFloat(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        var s = bytes[...]
        let hasSign = s.first == UInt8(ascii: "-") || s.first == UInt8(ascii: "+")
        if hasSign { s = s.dropFirst() }
        if [".inf", ".Inf", ".INF"].contains(String(decoding: s, as: UTF8.self)) { return true }
        if [".nan", ".NaN", ".NAN"].contains(text) { return true }
        guard let first = s.first else { return false }
        if first == UInt8(ascii: ".") {
            // `.5` is a float, `+.5` is not (the regex has no sign on this branch).
            guard !hasSign, let second = s.dropFirst().first, isDigit(second) else { return false }
            return matchesFraction(s.dropFirst())
        }
        guard isDigit(first) else { return false }
        let (head, tail) = splitAtColon(s.dropFirst())
        if !tail.isEmpty {
            return head.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "_") })
                && matchesSexagesimalParts(tail, allowsFraction: true)
        }
        guard let dot = head.firstIndex(of: UInt8(ascii: ".")) else { return false }
        return head[..<dot].allSatisfy { isDigit($0) || $0 == UInt8(ascii: "_") }
            && matchesFraction(head[dot...].dropFirst())
    }

    /// `[0-9_]*([eE][-+][0-9]+)?` — the part after the dot.
    static func matchesFraction(_ s: ArraySlice<UInt8>) -> Bool {
        guard let e = s.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else {
            return s.allSatisfy { isDigit($0) || $0 == UInt8(ascii: "_") }
        }
        let exponent = s[e...].dropFirst()
        guard let sign = exponent.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") else { return false }
        let digits = exponent.dropFirst()
        return s[..<e].allSatisfy { isDigit($0) || $0 == UInt8(ascii: "_") }
            && !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    /// `(:[0-5]?[0-9])+`, and for floats a final `.[0-9_]*`; `s` starts at the first `:`.
    static func matchesSexagesimalParts(_ s: ArraySlice<UInt8>, allowsFraction: Bool) -> Bool {
        var rest = s
        while rest.first == UInt8(ascii: ":") {
            rest = rest.dropFirst()
            let digits = rest.prefix(while: isDigit)
            let isValid = digits.count == 1 || (digits.count == 2 && digits.first.map { $0 <= UInt8(ascii: "5") } == true)
            guard isValid else { return false }
            rest = rest.dropFirst(digits.count)
        }
        if rest.isEmpty { return !allowsFraction }
        guard allowsFraction, rest.first == UInt8(ascii: ".") else { return false }
        return rest.dropFirst().allSatisfy { isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    static func splitAtColon(_ s: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, ArraySlice<UInt8>) {
        guard let colon = s.firstIndex(of: UInt8(ascii: ":")) else { return (s, s[s.endIndex...]) }
        return (s[..<colon], s[colon...])
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    static func isHex(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "f")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "F"))
    }

    // MARK: Constructing (SafeConstructor)

    /// An integer from text the int regex accepted (or that a `!!int` tag insists on);
    /// nil when the digits are missing, as in `0b_`.
    static func constructInt(_ text: String) -> YAMLValue? {
        var value = String(text.filter { $0 != "_" })
        var sign = 1
        if value.hasPrefix("-") { sign = -1 }
        if value.hasPrefix("-") || value.hasPrefix("+") { value.removeFirst() }
        if value == "0" { return .int(0) }
        if value.hasPrefix("0b") { return number(String(value.dropFirst(2)), radix: 2, sign: sign) }
        if value.hasPrefix("0x") { return number(String(value.dropFirst(2)), radix: 16, sign: sign) }
        if value.hasPrefix("0") { return number(value, radix: 8, sign: sign) }
        if value.contains(":") {
            var total = 0.0
            for part in value.split(separator: ":", omittingEmptySubsequences: false) {
                guard let digit = Double(part) else { return nil }
                total = total * 60 + digit
            }
            return exactInt(Double(sign) * total)
        }
        return number(value, radix: 10, sign: sign)
    }

    /// Digits in `radix`; past `Int`'s range the value is kept exact, as its decimal
    /// digits (`.bigInteger`), as PyYAML keeps it.
    static func number(_ digits: String, radix: Int, sign: Int) -> YAMLValue? {
        guard !digits.isEmpty else { return nil }
        if let value = Int((sign < 0 ? "-" : "") + digits, radix: radix) { return .int(value) }
        if radix == 10 { return .bigInteger((sign < 0 ? "-" : "") + digits) }
        if digits.count <= YAMLLimits.maxConvertedIntegerDigits {
            guard let decimal = decimalDigits(of: digits, radix: radix) else { return nil }
            return .bigInteger((sign < 0 ? "-" : "") + decimal)
        }
        // Too long to convert in bounded time: the nearest double, as before.
        var total = 0.0
        for ch in digits {
            guard let digit = ch.hexDigitValue, digit < radix else { return nil }
            total = total * Double(radix) + Double(digit)
        }
        return .double(Double(sign) * total)
    }

    /// `digits` in `radix` (2, 8 or 16) written in decimal, by schoolbook arithmetic on
    /// base-10⁹ limbs; nil for a digit the radix does not have. The cost grows with the
    /// square of the length, which `YAMLLimits.maxConvertedIntegerDigits` bounds.
    static func decimalDigits(of digits: String, radix: Int) -> String? {
        let limbBase: UInt64 = 1_000_000_000
        var limbs: [UInt64] = [0]  // least significant first
        for ch in digits {
            guard let digit = ch.hexDigitValue, digit < radix else { return nil }
            var carry = UInt64(digit)
            for position in limbs.indices {
                let value = limbs[position] * UInt64(radix) + carry
                limbs[position] = value % limbBase
                carry = value / limbBase
            }
            if carry > 0 { limbs.append(carry) }
        }
        var text = String(limbs.last ?? 0)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }

    static func exactInt(_ value: Double) -> YAMLValue {
        if let exact = Int(exactly: value) { return .int(exact) }
        return .double(value)
    }

    /// A float from text the float regex accepted (or a `!!float` tag insists on).
    static func constructFloat(_ text: String) -> Double? {
        var value = String(text.filter { $0 != "_" }).lowercased()
        var sign = 1.0
        if value.hasPrefix("-") { sign = -1 }
        if value.hasPrefix("-") || value.hasPrefix("+") { value.removeFirst() }
        if value == ".inf" { return sign * .infinity }
        if value == ".nan" { return .nan }
        if value.contains(":") {
            var total = 0.0
            for part in value.split(separator: ":", omittingEmptySubsequences: false) {
                guard let digit = Double(part) else { return nil }
                total = total * 60 + digit
            }
            return sign * total
        }
        // Swift's parser accepts the shapes Python's `float()` does here ("1.", ".5",
        // "1.5e+3"); names such as "nan" or "inf" never reach it (the regex needs a dot).
        guard let number = Double(value), !value.contains("x"), !value.contains("p") else { return nil }
        return sign * number
    }
}
