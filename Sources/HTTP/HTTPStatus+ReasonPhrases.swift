// Stage 1 · HTTP: the reason phrase that goes with each status code.
//
// A status line is `HTTP/1.1 404 Not Found`: the number is for programs, the phrase for
// people reading a trace or curl's `-v`. The phrases are the ones Go's `http.StatusText`
// returns and so the ones Kubernetes' API server sends: RFC 9110's (§15), except where Go
// kept RFC 7231's older words (413 `Request Entity Too Large`, 414 `Request URI Too Long`). A server that
// makes a status from a number alone (the API server, from a `Status` object's `code`)
// takes its phrase from this table rather than inventing one: `RequestEntityTooLarge` is
// a Kubernetes *reason*, a word in the JSON body, not an HTTP reason phrase.

extension HTTPStatus {
    /// The status for `code` with RFC 9110's reason phrase; a code the table lacks gets
    /// the phrase of its class ("Client Error", "Server Error"…), never an empty one.
    public init(code: Int) {
        self.init(code: code, reason: Self.reasonPhrases[code] ?? Self.classPhrase(code))
    }

    /// The phrases Go sends, by code.
    static let reasonPhrases: [Int: String] = [
        100: "Continue", 101: "Switching Protocols",
        200: "OK", 201: "Created", 202: "Accepted", 203: "Non-Authoritative Information", 204: "No Content",
        205: "Reset Content", 206: "Partial Content",
        300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
        307: "Temporary Redirect", 308: "Permanent Redirect",
        400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
        405: "Method Not Allowed", 406: "Not Acceptable", 407: "Proxy Authentication Required",
        408: "Request Timeout", 409: "Conflict", 410: "Gone", 411: "Length Required", 412: "Precondition Failed",
        413: "Request Entity Too Large", 414: "Request URI Too Long", 415: "Unsupported Media Type",
        416: "Requested Range Not Satisfiable",
        417: "Expectation Failed", 421: "Misdirected Request", 422: "Unprocessable Entity", 426: "Upgrade Required",
        428: "Precondition Required", 429: "Too Many Requests", 431: "Request Header Fields Too Large",
        500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
        504: "Gateway Timeout", 505: "HTTP Version Not Supported",
    ]

    /// The generic phrase for a code the table does not know.
    static func classPhrase(_ code: Int) -> String {
        switch code {
        case 100..<200: "Informational"
        case 200..<300: "Success"
        case 300..<400: "Redirection"
        case 400..<500: "Client Error"
        default: "Server Error"
        }
    }
}
