// Stage 2 · HTTPClient: the `http://host:port/path?query` URLs the cluster's components are given.
//
// Components learn where the API server is from a flag (`--server http://127.0.0.1:6443`);
// tests learn it from a server bound to port 0. Foundation's `URL` would parse these, but
// it accepts much we cannot serve (`https`, `file`, user names) and its behaviour differs
// between Linux and macOS in corners; this small parser accepts exactly what `HTTPClient`
// can reach, and says clearly what it cannot. (`https://` gets its own error: the series
// runs its cluster on plain HTTP on a trusted machine, and has no TLS.)

/// A parsed `http://` URL: where a client connects, and what target it asks for.
public struct HTTPURL: Sendable, Hashable, CustomStringConvertible {
    /// The port `http://` means when none is written.
    public static let defaultPort = 80

    /// The host as written, without brackets for IPv6 (`::1`).
    public let host: String
    /// The port, from the URL or the default of 80.
    public let port: Int
    /// The path and query, still percent-encoded, such as `/api/v1/pods?watch=1`; `/` when absent.
    public let target: String

    /// A URL from its parts; `target` must start with `/`.
    public init(host: String, port: Int, target: String = "/") {
        self.host = host
        self.port = port
        self.target = target
    }

    /// Parses `http://host[:port][/path][?query]`; throws `unsupportedScheme` for `https` and
    /// any other scheme, `invalidURL` for anything malformed. A fragment (`#…`) is dropped.
    public init(_ text: String) throws(HTTPClientError) {
        guard let schemeEnd = text.range(of: "://") else { throw .invalidURL(text, reason: "expected http://host:port") }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" else { throw .unsupportedScheme(scheme) }
        var rest = text[schemeEnd.upperBound...]
        if let fragment = rest.firstIndex(of: "#") { rest = rest[..<fragment] }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var target = String(rest[authorityEnd...])
        if target.isEmpty || target.first == "?" { target = "/" + target }
        guard !authority.contains("@") else { throw .invalidURL(text, reason: "user names are not supported") }
        guard target.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
            throw .invalidURL(text, reason: "the path must be percent-encoded ASCII")
        }

        let (host, portText) = try Self.splitAuthority(authority, in: text)
        guard !host.isEmpty else { throw .invalidURL(text, reason: "no host") }
        var port = Self.defaultPort
        if let portText {
            guard let number = Int(portText), portText.allSatisfy(\.isASCII), (1...65535).contains(number) else {
                throw .invalidURL(text, reason: "port must be a number from 1 to 65535")
            }
            port = number
        }
        self.init(host: String(host), port: port, target: target)
    }

    /// `host` and the text after its `:`, if any; IPv6 hosts come in brackets (`[::1]:8080`).
    private static func splitAuthority(_ authority: Substring, in text: String) throws(HTTPClientError) -> (Substring, Substring?) {
        if authority.first == "[" {
            guard let close = authority.firstIndex(of: "]") else { throw .invalidURL(text, reason: "unclosed [ in host") }
            let host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            guard after.isEmpty || after.first == ":" else { throw .invalidURL(text, reason: "unexpected text after ]") }
            return (host, after.isEmpty ? nil : after.dropFirst())
        }
        guard let colon = authority.firstIndex(of: ":") else { return (authority, nil) }
        return (authority[..<colon], authority[authority.index(after: colon)...])
    }

    /// The `Host` header's value: `host:port`, with brackets around an IPv6 address.
    public var authority: String {
        let host = host.contains(":") ? "[\(host)]" : host
        return port == Self.defaultPort ? host : "\(host):\(port)"
    }

    /// The URL as text, such as `http://127.0.0.1:6443/`.
    public var description: String { "http://\(authority)\(target)" }
}
