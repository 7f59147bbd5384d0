// Stage 2 · ClusterKinds: an identity for the processes of a pod (core/v1 `ServiceAccount`).
//
// People authenticate to the API server as users; programs in pods do so as service
// accounts. A pod names one in `spec.serviceAccountName`, and in Kubernetes the kubelet
// mounts a token for it so the pod can call the API. Every namespace has a `default`
// service account, made by a controller of the controller manager; in this series that
// controller arrives with stage 5, so until then none exists unless you create it, and
// the API server, like one run without its ServiceAccount admission plugin, neither
// fills in `default` nor requires the named account to exist. There are no tokens yet
// (no authentication), so `secrets` is only what a client writes.

import API
import APIMachinery

/// A service account; listed by `kubectl get serviceaccounts`.
public struct ServiceAccount: Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var secrets: [ObjectReference]
    public var imagePullSecrets: [LocalObjectReference]
    public var automountServiceAccountToken: Bool?

    public init(
        apiVersion: String = "v1", kind: String = "ServiceAccount", metadata: ObjectMeta = ObjectMeta(),
        secrets: [ObjectReference] = [], imagePullSecrets: [LocalObjectReference] = [],
        automountServiceAccountToken: Bool? = nil
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.secrets = secrets
        self.imagePullSecrets = imagePullSecrets
        self.automountServiceAccountToken = automountServiceAccountToken
    }
}

extension ServiceAccount: APIFields {
    public static let zero = ServiceAccount(apiVersion: "", kind: "")
    public static let fields: [JSONField<ServiceAccount>] = [
        .omitEmpty("apiVersion", \.apiVersion, "The version of the API the object is written in: v1."),
        .omitEmpty("kind", \.kind, "The kind of object: ServiceAccount."),
        .structure("metadata", \.metadata, "The account's name, namespace, labels and bookkeeping."),
        .omitEmpty("secrets", \.secrets, "Secrets of the namespace that the account's pods may use."),
        .omitEmpty("imagePullSecrets", \.imagePullSecrets,
            "Secrets with registry credentials, given to the account's pods for pulling images."),
        .pointer("automountServiceAccountToken", \.automountServiceAccountToken,
            "Whether the account's pods get an API token mounted; the pod may say otherwise."),
    ]
}

extension ServiceAccount: APIObject {
    /// `/api/v1/namespaces/{ns}/serviceaccounts`; `kubectl get sa`.
    public static let resource = Resource(kind: "ServiceAccount", plural: "serviceaccounts", scope: .namespaced, shortNames: ["sa"])
}

public typealias ServiceAccountList = List<ServiceAccount>

extension PatchSchema {
    /// Service accounts (core/v1 `ServiceAccount`): `secrets` merge by name.
    public static let serviceAccount = PatchSchema(objectMeta.merging(["secrets": .mergeByKey("name")]) { first, _ in first })
}
