// Stage 2 · APIServer: who sent a request: bearer tokens, as Kubernetes' static token file.
//
// Kubernetes authenticates every request before anything else: a client certificate, a
// bearer token, or nothing (then, if anonymous requests are allowed, the user is
// `system:anonymous`). The simplest of its authenticators is the static token file
// (`kube-apiserver --token-auth-file`): a CSV of `token,user,uid,"group1,group2"`, read
// at start. A request proves who it is with the header `Authorization: Bearer <token>`,
// which clients send when their kubeconfig's user has a `token`.
//
// This API server uses that authenticator alone. A request with a token is judged by it:
// a wrong one is 401 Unauthorized (a Status, as Kubernetes' own), wherever it is sent.
// A request without one is served only where Kubernetes serves strangers too: `/healthz`,
// `/livez`, `/readyz` (and their sub-checks) and `/version`, which its default RBAC
// opens to everyone; or when it comes from this machine (127.0.0.0/8, ::1). That last
// rule is Kubernetes' old insecure port, loopback only, whose requests were the user
// `system:unsecured` in `system:masters`. It is needed because kubectl sends a kubeconfig's
// token only over TLS (client-go reads a user's credentials only for an `https` server),
// and TLS needs a cryptography library the series does not have: without the rule, kubectl
// could not talk to the API server at all. So on loopback the token proves who you are
// (the kubelet, curl and Python's client send it; `kubectl auth whoami` shows the
// difference), and beyond loopback it is the only way in.
//
// Tokens are compared in constant time, so the time an answer takes says nothing about
// how much of a guessed token was right. Over plain HTTP a token can be read by anyone
// who can watch the traffic; TLS, which would prevent that, needs a cryptography library
// the series does not have (see the stage README). So beyond loopback the token is a lock
// for a trusted network, not for the open internet.

import APIMachinery
import ClusterKinds
import HTTP

/// Finds the user a request's bearer token names; the API server's only authenticator.
public struct TokenAuthenticator: Sendable {
    /// Paths (first segment) answered without credentials: health checks and the version.
    public static let unauthenticatedPaths: Set<String> = ["healthz", "livez", "readyz", "version"]
    /// The group every authenticated user is in, as Kubernetes adds it.
    public static let authenticatedGroup = "system:authenticated"
    /// Who a request from this machine without a token is: the user of Kubernetes' insecure port.
    public static let loopbackUser = UserInfo(username: "system:unsecured", groups: ["system:masters", authenticatedGroup])

    private let entries: [(token: [UInt8], user: UserInfo)]

    /// An authenticator of `users`, by token.
    public init(users: [String: UserInfo]) {
        entries = users.map { (Array($0.key.utf8), $0.value) }
    }

    /// What authentication made of a request.
    public enum Outcome: Sendable, Equatable {
        /// A valid token: this user, with `system:authenticated` among the groups.
        case user(UserInfo)
        /// No credentials, on a path open to everyone (from this machine: `loopbackUser`).
        case anonymous
        /// No valid credentials where they are needed: 401.
        case refused
    }

    /// Judges `request` by its `Authorization` header, its path and where it comes from.
    public func authenticate(_ request: HTTPRequest) -> Outcome {
        guard let header = request.headers["Authorization"] else {
            if Self.isLoopback(request.remoteAddress) { return .user(Self.loopbackUser) }
            let first = request.pathSegments.first ?? ""
            return Self.unauthenticatedPaths.contains(first) ? .anonymous : .refused
        }
        guard let token = Self.bearerToken(header), let user = user(for: token) else { return .refused }
        var authenticated = user
        if !authenticated.groups.contains(Self.authenticatedGroup) { authenticated.groups.append(Self.authenticatedGroup) }
        return .user(authenticated)
    }

    /// The token of `Bearer <token>` (the scheme's case does not matter, RFC 9110 §11.1).
    static func bearerToken(_ header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingSpaces
        return token.isEmpty ? nil : String(token)
    }

    /// The user whose token is `token`; every entry is compared, each in constant time.
    private func user(for token: String) -> UserInfo? {
        let given = Array(token.utf8)
        var found: UserInfo?
        for entry in entries where Self.constantTimeEqual(entry.token, given) { found = entry.user }
        return found
    }

    /// Whether a client at `address` is on this machine: 127.0.0.0/8 or ::1 (also IPv4-mapped).
    static func isLoopback(_ address: String) -> Bool {
        address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }

    /// Whether `a` and `b` are equal, in a time that depends only on their lengths.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    /// The answer to a request without valid credentials, word for word Kubernetes'.
    public static let unauthorized = Status(status: .failure, message: "Unauthorized", reason: .unauthorized, code: 401)
}
