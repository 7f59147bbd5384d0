// Stage 2 · APIServer: the tokens `up` keeps for its cluster, made once per data directory.
//
// A one-command cluster needs credentials nobody has to make by hand. So `up` keeps a
// static token file (`TokenFile`) in its data directory with two users, each with its
// own random token, as a real cluster gives each component its own identity:
//
//   admin               groups system:masters    the kubeconfig's user: kubectl, curl, you
//   system:node:node1   groups system:nodes      the kubelet, as Kubernetes names a node's kubelet
//
// The first start writes the file; later starts read it, so the kubeconfig and every
// token copied from it keep working across restarts. The API server authenticates with
// the file's users (`TokenAuthenticator`); there is no authorization yet, so both users
// may do anything, but neither can be impersonated by someone without the file.

import ClusterKinds
import Foundation

/// The administrator's and the node's tokens of one data directory, and their authenticator.
public struct ClusterTokens: Sendable {
    /// The token file's name in the data directory.
    public static let fileName = "tokens.csv"
    /// The kubeconfig's user: Kubernetes' conventional cluster administrator.
    public static let administrator = UserInfo(username: "admin", uid: "admin", groups: ["system:masters"])

    /// The user of the kubelet of node `name`: `system:node:<name>` in `system:nodes`, as Kubernetes' node authorizer expects.
    public static func node(_ name: String) -> UserInfo {
        UserInfo(username: "system:node:\(name)", uid: "system:node:\(name)", groups: ["system:nodes"])
    }

    /// Authenticates every user of the file.
    public let authenticator: TokenAuthenticator
    /// The administrator's token, for the kubeconfig.
    public let administratorToken: String
    /// The node's token, for its kubelet.
    public let nodeToken: String

    /// Reads the token file at `path`, first making it (or adding to it) with the
    /// administrator and node `nodeName` when they are missing.
    public init(file path: String, nodeName: String) throws {
        let users = try TokenFile.loadOrCreate(at: path, users: [Self.administrator, Self.node(nodeName)])
        guard let administrator = TokenFile.token(of: Self.administrator.username, in: users),
              let node = TokenFile.token(of: Self.node(nodeName).username, in: users) else {
            throw TokenFile.Malformed(description: "\(path): no token for \(Self.administrator.username) or node \(nodeName)")
        }
        authenticator = TokenAuthenticator(users: users)
        administratorToken = administrator
        nodeToken = node
    }
}
