// Stage 2 · APIMachinery: reading a label selector from text (`?labelSelector=…`, `kubectl -l`).
//
// A small lexer and a recursive-descent parser, shaped like Kubernetes' own
// (apimachinery/pkg/labels/selector.go) so that the same input fails with the same
// message. The grammar:
//
//   selector    ::= requirement | requirement "," selector
//   requirement ::= ["!"] KEY [ ("in" | "notin") "(" VALUES ")" | ("=" | "==" | "!=") VALUE ]
//
// Whitespace separates tokens and is otherwise ignored. `in` and `notin` are keywords
// only where an operator is expected: `in in (in)` is a valid selector.

extension LabelSelector {
    /// Why a label selector could not be read; the API server answers it with 400 Bad
    /// Request.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// Kubernetes' message, such as `unable to parse requirement: found '', expected: identifier`.
        public var message: String
        /// Makes an error with Kubernetes' message.
        public init(message: String) { self.message = message }
        /// The message.
        public var description: String { message }
    }

    /// Reads a selector in Kubernetes' syntax; "" selects everything.
    public init(parsing text: String) throws(ParseError) {
        var lexer = Lexer(text)
        var parser = Parser(tokens: lexer.tokens())
        self.init(requirements: try parser.parse())
    }

    /// A token of the selector syntax, with the text it was read from.
    enum Token: Equatable {
        case endOfString, identifier, openParenthesis, closeParenthesis, comma
        case doesNotExist, equals, doubleEquals, notEquals, greaterThan, lessThan, `in`, notIn
        case error
    }

    /// Splits selector text into tokens (Kubernetes' Lexer), byte by byte.
    struct Lexer {
        /// The symbols that make up operators; anything else, up to whitespace or a symbol,
        /// is an identifier or a keyword.
        static let symbols: [String: Token] = [
            "(": .openParenthesis, ")": .closeParenthesis, ",": .comma, "!": .doesNotExist,
            "=": .equals, "==": .doubleEquals, "!=": .notEquals, ">": .greaterThan, "<": .lessThan,
        ]
        static let keywords: [String: Token] = ["in": .in, "notin": .notIn]

        private let bytes: [UInt8]
        private var position = 0

        init(_ text: String) { bytes = Array(text.utf8) }

        /// Space, tab, carriage return and newline separate tokens.
        static let whitespace: Set<UInt8> = [0x20, 0x09, 0x0D, 0x0A]
        /// The bytes operators are made of.
        static let symbolBytes = Set("=!(),><".utf8)

        static func isWhitespace(_ byte: UInt8) -> Bool { whitespace.contains(byte) }
        static func isSymbol(_ byte: UInt8) -> Bool { symbolBytes.contains(byte) }

        /// Every token, ending with `.endOfString`.
        mutating func tokens() -> [(Token, String)] {
            var tokens: [(Token, String)] = []
            while true {
                let token = next()
                tokens.append(token)
                if token.0 == .endOfString || token.0 == .error { return tokens }
            }
        }

        private mutating func next() -> (Token, String) {
            while position < bytes.count && Self.isWhitespace(bytes[position]) { position += 1 }
            guard position < bytes.count else { return (.endOfString, "") }
            let start = position
            if Self.isSymbol(bytes[position]) {
                // The longest run of symbols that is still an operator: `!=` but `=` `!`.
                var best: (Token, Int)?
                while position < bytes.count && Self.isSymbol(bytes[position]) {
                    let text = String(decoding: bytes[start...position], as: UTF8.self)
                    if let token = Self.symbols[text] {
                        best = (token, position + 1)
                    } else if best != nil {
                        break
                    }
                    position += 1
                }
                guard let (token, end) = best else {
                    return (.error, "error expected: keyword found '\(String(decoding: bytes[start..<position], as: UTF8.self))'")
                }
                position = end
                return (token, String(decoding: bytes[start..<end], as: UTF8.self))
            }
            while position < bytes.count && !Self.isSymbol(bytes[position]) && !Self.isWhitespace(bytes[position]) {
                position += 1
            }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            return (Self.keywords[text] ?? .identifier, text)
        }
    }
}
