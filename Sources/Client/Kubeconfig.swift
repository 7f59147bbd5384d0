// Stage 2 · Client: the kubeconfig file that points `kubectl` at this cluster.
//
// `kubectl` finds a cluster through a *kubeconfig*: a YAML file naming clusters (where
// the API server is), users (how to authenticate) and contexts (which user for which
// cluster). Our API server authenticates with bearer tokens, so the user is a `token`
// (the one `up` made for the cluster's administrator); without one the user is empty.
// `stage2 up` writes this file to `<data-dir>/kubeconfig` so that
// `kubectl --kubeconfig .cluster/stage2/kubeconfig get pods` just works.

import Foundation

/// A kubeconfig with one cluster, one user and one context.
public struct Kubeconfig: Sendable, Equatable {
    /// The name used for the cluster, the user and the context alike.
    public var name: String
    /// The API server's URL, such as `http://127.0.0.1:8080`.
    public var server: String
    /// The bearer token the user sends; nil for an API server without authentication.
    public var token: String?

    /// Makes a kubeconfig for the API server at `server`, its user proven by `token`.
    public init(name: String, server: String, token: String? = nil) {
        self.name = name
        self.server = server
        self.token = token
    }

    /// The file's text, in the layout `kubectl config view` prints.
    public var yaml: String {
        """
        apiVersion: v1
        kind: Config
        clusters:
        - cluster:
            server: \(server)
          name: \(name)
        contexts:
        - context:
            cluster: \(name)
            namespace: default
            user: \(name)
          name: \(name)
        current-context: \(name)
        preferences: {}
        users:
        - name: \(name)
          user:\(token.map { "\n    token: \($0)" } ?? " {}")

        """
    }

    /// Writes the file atomically, readable only by its owner as kubectl expects.
    public func write(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(yaml.utf8).write(to: url, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }
}
