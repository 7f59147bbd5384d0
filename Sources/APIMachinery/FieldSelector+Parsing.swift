// Stage 2 · APIMachinery: reading a field selector from text.
//
// As Kubernetes' fields.ParseSelector: split at commas that are not escaped, sort the
// terms (so equal selectors compare equal), split each term at the first operator, then
// unescape the value. The field name cannot be escaped, so the first `=` or `!=` in a
// term always ends it.

extension FieldSelector {
    /// Why a field selector was rejected; the API server answers it with 400 Bad Request.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// Kubernetes' message.
        public var message: String
        /// Makes an error with Kubernetes' message.
        public init(message: String) { self.message = message }
        /// The message.
        public var description: String { message }
    }

    /// The operators, longest first where they overlap, so that `a==b` is not read as
    /// `a` `=` `=b`.
    static let operators: [Operator] = [.notEquals, .doubleEquals, .equals]

    /// Reads a selector in Kubernetes' syntax; "" selects everything.
    public init(parsing text: String) throws(ParseError) {
        var requirements: [Requirement] = []
        for term in Self.terms(of: text).sorted() where !term.isEmpty {
            guard let (field, op, rawValue) = Self.split(term) else {
                throw ParseError(message: "invalid selector: '\(text)'; can't understand '\(term)'")
            }
            requirements.append(Requirement(field: field, operator: op, value: try Self.unescape(rawValue)))
        }
        self.init(requirements: requirements)
    }

    /// The comma-separated terms; an escaped comma (`\,`) stays inside its term.
    static func terms(of text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var terms: [String] = []
        var current = ""
        var escaped = false
        for character in text {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "," {
                terms.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        terms.append(current)
        return terms
    }

    /// A term split at its first operator into field, operator and raw value.
    static func split(_ term: String) -> (String, Operator, String)? {
        var index = term.startIndex
        while index < term.endIndex {
            let rest = term[index...]
            for op in operators where rest.hasPrefix(op.rawValue) {
                let valueStart = term.index(index, offsetBy: op.rawValue.count)
                return (String(term[..<index]), op, String(term[valueStart...]))
            }
            index = term.index(after: index)
        }
        return nil
    }

    /// A value with its escapes undone; an unescaped `,` or `=` or an unknown escape is
    /// an error (Kubernetes' UnescapeValue).
    static func unescape(_ value: String) throws(ParseError) -> String {
        var result = ""
        var escaped = false
        for character in value {
            if escaped {
                guard character == "\\" || character == "," || character == "=" else {
                    throw ParseError(message: "invalid field selector: invalid escape sequence: \\\(character)")
                }
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "," || character == "=" {
                // Kubernetes prints the character's code point here (Go's %v of a rune).
                let code = character.unicodeScalars.first.map { String($0.value) } ?? "?"
                throw ParseError(message: "invalid field selector: unescaped character in value: \(code)")
            } else {
                result.append(character)
            }
        }
        if escaped { throw ParseError(message: "invalid field selector: invalid escape sequence: \\") }
        return result
    }

    /// A value with `\`, `,` and `=` escaped, so that it reads back unchanged.
    static func escape(_ value: String) -> String {
        var result = ""
        for character in value {
            if character == "\\" || character == "," || character == "=" { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
