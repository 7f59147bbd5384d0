// Stage 2 · APIMachinery: the parser half of reading a label selector.
//
// Works on the lexer's tokens with one token of lookahead. Where Kubernetes' messages say
// what was found and what was expected, these say the same, word for word.

extension LabelSelector {
    /// Where the parser is: reading a key and operator, or reading values. In values,
    /// the keywords `in` and `notin` are plain identifiers.
    enum Context { case keyAndOperator, values }

    /// Turns tokens into requirements (Kubernetes' Parser).
    struct Parser {
        /// The operators allowed between a key and its values, as Kubernetes lists them.
        static let binaryOperators = "in, notin, =, ==, !=, gt, lt"

        let tokens: [(Token, String)]
        var position = 0

        init(tokens: [(Token, String)]) { self.tokens = tokens }

        func lookahead(_ context: Context) -> (Token, String) {
            let (token, text) = tokens[min(position, tokens.count - 1)]
            if context == .values && (token == .in || token == .notIn) { return (.identifier, text) }
            return (token, text)
        }

        mutating func consume(_ context: Context) -> (Token, String) {
            let token = lookahead(context)
            position += 1
            return token
        }

        static func failure(_ message: String) -> ParseError { ParseError(message: message) }

        mutating func parse() throws(ParseError) -> [Requirement] {
            var requirements: [Requirement] = []
            while true {
                let (token, text) = lookahead(.values)
                switch token {
                case .identifier, .doesNotExist:
                    do {
                        requirements.append(try parseRequirement())
                    } catch {
                        throw Self.failure("unable to parse requirement: \(error.message)")
                    }
                    let (next, nextText) = consume(.values)
                    switch next {
                    case .endOfString:
                        return requirements
                    case .comma:
                        let (after, afterText) = lookahead(.values)
                        if after != .identifier && after != .doesNotExist {
                            throw Self.failure("found '\(afterText)', expected: identifier after ','")
                        }
                    default:
                        throw Self.failure("found '\(nextText)', expected: ',' or 'end of string'")
                    }
                case .endOfString:
                    return requirements
                default:
                    throw Self.failure("found '\(text)', expected: !, identifier, or 'end of string'")
                }
            }
        }

        mutating func parseRequirement() throws(ParseError) -> Requirement {
            var (token, key) = consume(.values)
            var op: Operator?
            if token == .doesNotExist {
                op = .doesNotExist
                (token, key) = consume(.values)
            }
            guard token == .identifier else { throw Self.failure("found '\(key)', expected: identifier") }
            let keyProblems = LabelSelector.problems(withKey: key)
            guard keyProblems.isEmpty else { throw Self.failure(LabelSelector.invalid(key, keyProblems)) }
            let (next, _) = lookahead(.values)
            if op == nil && (next == .endOfString || next == .comma) { op = .exists }
            if let op { return Requirement(key: key, operator: op, values: []) }

            let (operatorToken, operatorText) = consume(.keyAndOperator)
            let values: [String]
            switch operatorToken {
            case .in: op = .in; values = try parseValues()
            case .notIn: op = .notIn; values = try parseValues()
            case .equals: op = .equals; values = try parseExactValue()
            case .doubleEquals: op = .doubleEquals; values = try parseExactValue()
            case .notEquals: op = .notEquals; values = try parseExactValue()
            case .greaterThan: op = .greaterThan; values = try parseExactValue()
            case .lessThan: op = .lessThan; values = try parseExactValue()
            default: throw Self.failure("found '\(operatorText)', expected: \(Self.binaryOperators)")
            }
            return try LabelSelector.validated(key: key, operator: op ?? .exists, values: values)
        }

        /// `( a, b, … )`, where empty values are allowed: `()` and `(a,)` hold "".
        mutating func parseValues() throws(ParseError) -> [String] {
            let (open, openText) = consume(.values)
            guard open == .openParenthesis else { throw Self.failure("found '\(openText)' expected: '('") }
            let (token, text) = lookahead(.values)
            switch token {
            case .identifier, .comma:
                let values = try parseIdentifiers()
                let (close, closeText) = consume(.values)
                guard close == .closeParenthesis else { throw Self.failure("found '\(closeText)', expected: ')'") }
                return values
            case .closeParenthesis:
                _ = consume(.values)
                return [""]
            default:
                throw Self.failure("found '\(text)', expected: ',', ')' or identifier")
            }
        }

        mutating func parseIdentifiers() throws(ParseError) -> [String] {
            var values: [String] = []
            while true {
                let (token, text) = consume(.values)
                switch token {
                case .identifier:
                    values.append(text)
                    let (next, nextText) = lookahead(.values)
                    switch next {
                    case .comma: continue
                    case .closeParenthesis: return values
                    default: throw Self.failure("found '\(nextText)', expected: ',' or ')'")
                    }
                case .comma:
                    // A comma with nothing before or after it stands for the empty value.
                    if values.isEmpty { values.append("") }
                    let (next, _) = lookahead(.values)
                    if next == .closeParenthesis {
                        values.append("")
                        return values
                    }
                    if next == .comma {
                        _ = consume(.values)
                        values.append("")
                    }
                default:
                    throw Self.failure("found '\(text)', expected: ',', or identifier")
                }
            }
        }

        /// The one value after `=`, `==` or `!=`; nothing there means "".
        mutating func parseExactValue() throws(ParseError) -> [String] {
            let (next, _) = lookahead(.values)
            if next == .endOfString || next == .comma { return [""] }
            let (token, text) = consume(.values)
            guard token == .identifier else { throw Self.failure("found '\(text)', expected: identifier") }
            return [text]
        }
    }

    /// A requirement whose key and values pass Kubernetes' checks (NewRequirement).
    static func validated(key: String, operator op: Operator, values: [String]) throws(ParseError) -> Requirement {
        var problems: [String] = []
        let keyProblems = Self.problems(withKey: key)
        if !keyProblems.isEmpty { problems.append(invalid(key, keyProblems)) }
        switch op {
        case .in, .notIn:
            if values.isEmpty { problems.append("values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty") }
        case .equals, .doubleEquals, .notEquals:
            if values.count != 1 { problems.append("values: Invalid value: \(values): exact-match compatibility requires one single value") }
        case .exists, .doesNotExist:
            if !values.isEmpty { problems.append("values: Invalid value: \(values): values set must be empty for exists and does not exist") }
        case .greaterThan, .lessThan:
            if values.count != 1 { problems.append("values: Invalid value: \(values): for 'Gt', 'Lt' operators, exactly one value is required") }
            for (index, value) in values.enumerated() where Int64(value) == nil {
                problems.append("values[\(index)]: Invalid value: \"\(value)\": for 'Gt', 'Lt' operators, the value must be an integer")
            }
        }
        for value in values {
            let valueProblems = Self.problems(withValue: value)
            if !valueProblems.isEmpty { problems.append(invalid(value, valueProblems)) }
        }
        guard problems.isEmpty else {
            throw ParseError(message: problems.count == 1 ? problems[0] : "[\(problems.joined(separator: ", "))]")
        }
        return Requirement(key: key, operator: op, values: values)
    }
}
