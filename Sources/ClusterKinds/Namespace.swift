// Stage 2 · ClusterKinds: a scope for names (core/v1 `Namespace`).
//
// Namespaces divide one cluster into many: two pods may share a name in different
// namespaces. The API server creates `default`, `kube-system` and `kube-public` when it
// starts, and refuses to create objects in a namespace that does not exist or is being
// deleted (Terminating). Deleting a namespace first marks it Terminating; the object
// disappears once its `spec.finalizers` (normally `kubernetes`) are all gone.
// `NamespaceSpec` and `NamespaceStatus` live in this file: one field each, read only
// together with the namespace. Left out: `status.conditions` (deletion diagnostics).

import API

/// A namespace; created by users and by the API server at start-up, read by the API
/// server on every namespaced create and by `kubectl get namespaces`.
public struct Namespace: Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    /// The namespace's name and the rest of its identity (namespaces have no namespace).
    public var metadata: ObjectMeta
    /// What must happen before the namespace is really deleted.
    public var spec: NamespaceSpec
    /// Active or Terminating.
    public var status: NamespaceStatus

    /// Makes a namespace; `apiVersion` and `kind` default to `v1` and `Namespace`.
    public init(
        apiVersion: String = "v1", kind: String = "Namespace", metadata: ObjectMeta = ObjectMeta(),
        spec: NamespaceSpec = NamespaceSpec(), status: NamespaceStatus = NamespaceStatus()
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

extension Namespace: APIFields {
    public static let zero = Namespace(apiVersion: "", kind: "")
    public static let fields: [JSONField<Namespace>] = [
        .omitEmpty("apiVersion", \.apiVersion),
        .omitEmpty("kind", \.kind),
        .structure("metadata", \.metadata),
        .structure("spec", \.spec),
        .structure("status", \.status),
    ]
}

/// A namespace's desired state (core/v1 `NamespaceSpec`); the API server sets the
/// `kubernetes` finalizer on create, and the namespace controller removes it.
public struct NamespaceSpec: Sendable, Hashable {
    /// The finalizer that holds every namespace until its contents are deleted.
    public static let kubernetesFinalizer = "kubernetes"

    /// Names of the cleanups that must finish before the namespace is removed.
    public var finalizers: [String]

    public init(finalizers: [String] = []) {
        self.finalizers = finalizers
    }
}

extension NamespaceSpec: APIFields {
    public static let zero = NamespaceSpec()
    public static let fields: [JSONField<NamespaceSpec>] = [
        .omitEmpty("finalizers", \.finalizers),
    ]
}

/// A namespace's observed state (core/v1 `NamespaceStatus`); set by the API server.
public struct NamespaceStatus: Sendable, Hashable {
    /// Active, or Terminating once deletion was requested; nil is Go's "".
    public var phase: NamespacePhase?

    public init(phase: NamespacePhase? = nil) {
        self.phase = phase
    }
}

extension NamespaceStatus: APIFields {
    public static let zero = NamespaceStatus()
    public static let fields: [JSONField<NamespaceStatus>] = [
        .member("phase", \.phase),
    ]
}
