// Stage 2 · ClusterKinds: "may I do this?" (authorization.k8s.io/v1 `SelfSubjectAccessReview`).
//
// `kubectl auth can-i create pods` creates one of these: the spec names an action (a
// verb on a resource, or on a path such as `/healthz`), and the API server answers with
// the same object, its status saying whether the requester may. Nothing is stored: the
// "create" is a question. Kubernetes asks its authorizers (RBAC…); this series has none
// yet, so every action is allowed, and the reason says why (`SelfSubjectReviews.swift`
// in the API server). `ResourceAttributes` and `NonResourceAttributes` live here:
// they are only ever read as part of a review.

import API
import APIMachinery

/// A question about the requester's own permissions; created by `kubectl auth can-i`,
/// answered by the API server.
public struct SelfSubjectAccessReview: Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    /// The action asked about: exactly one of the two attributes.
    public var spec: SelfSubjectAccessReviewSpec
    /// The answer, filled in by the API server.
    public var status: SubjectAccessReviewStatus

    public init(
        apiVersion: String = "authorization.k8s.io/v1", kind: String = "SelfSubjectAccessReview", metadata: ObjectMeta = ObjectMeta(),
        spec: SelfSubjectAccessReviewSpec = SelfSubjectAccessReviewSpec(), status: SubjectAccessReviewStatus = SubjectAccessReviewStatus()
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

extension SelfSubjectAccessReview: APIFields {
    public static let zero = SelfSubjectAccessReview(apiVersion: "", kind: "")
    public static let fields: [JSONField<SelfSubjectAccessReview>] = [
        .omitEmpty("apiVersion", \.apiVersion),
        .omitEmpty("kind", \.kind),
        .structure("metadata", \.metadata),
        .structure("spec", \.spec),
        .structure("status", \.status),
    ]
}

extension SelfSubjectAccessReview: APIObject {
    /// `/apis/authorization.k8s.io/v1/selfsubjectaccessreviews`, cluster-wide, create only.
    public static let resource = Resource(
        group: "authorization.k8s.io", kind: "SelfSubjectAccessReview", plural: "selfsubjectaccessreviews", scope: .cluster)
}

/// The action a review asks about (authorization/v1 `SelfSubjectAccessReviewSpec`).
public struct SelfSubjectAccessReviewSpec: Sendable, Hashable {
    /// A verb on a resource: `create` `pods` in `default`.
    public var resourceAttributes: ResourceAttributes?
    /// A verb on a path that is not a resource: `get` `/healthz`.
    public var nonResourceAttributes: NonResourceAttributes?

    public init(resourceAttributes: ResourceAttributes? = nil, nonResourceAttributes: NonResourceAttributes? = nil) {
        self.resourceAttributes = resourceAttributes
        self.nonResourceAttributes = nonResourceAttributes
    }
}

extension SelfSubjectAccessReviewSpec: APIFields {
    public static let zero = SelfSubjectAccessReviewSpec()
    public static let fields: [JSONField<SelfSubjectAccessReviewSpec>] = [
        .pointer("resourceAttributes", \.resourceAttributes),
        .pointer("nonResourceAttributes", \.nonResourceAttributes),
    ]
}

/// A request about a resource, as an authorizer sees it (authorization/v1 `ResourceAttributes`).
public struct ResourceAttributes: Sendable, Hashable {
    public var namespace: String
    /// A Kubernetes verb: get, list, create, delete, … or `*`.
    public var verb: String
    public var group: String
    public var version: String
    /// The resource, plural: `pods`.
    public var resource: String
    public var subresource: String
    public var name: String

    public init(
        namespace: String = "", verb: String = "", group: String = "", version: String = "", resource: String = "",
        subresource: String = "", name: String = ""
    ) {
        self.namespace = namespace
        self.verb = verb
        self.group = group
        self.version = version
        self.resource = resource
        self.subresource = subresource
        self.name = name
    }
}

extension ResourceAttributes: APIFields {
    public static let zero = ResourceAttributes()
    public static let fields: [JSONField<ResourceAttributes>] = [
        .omitEmpty("namespace", \.namespace),
        .omitEmpty("verb", \.verb),
        .omitEmpty("group", \.group),
        .omitEmpty("version", \.version),
        .omitEmpty("resource", \.resource),
        .omitEmpty("subresource", \.subresource),
        .omitEmpty("name", \.name),
    ]
}

/// A request about a path that is no resource (authorization/v1 `NonResourceAttributes`).
public struct NonResourceAttributes: Sendable, Hashable {
    /// The URL path, such as `/healthz`.
    public var path: String
    /// The lower-cased HTTP method, such as `get`.
    public var verb: String

    public init(path: String = "", verb: String = "") {
        self.path = path
        self.verb = verb
    }
}

extension NonResourceAttributes: APIFields {
    public static let zero = NonResourceAttributes()
    public static let fields: [JSONField<NonResourceAttributes>] = [
        .omitEmpty("path", \.path),
        .omitEmpty("verb", \.verb),
    ]
}

/// The answer to an access review (authorization/v1 `SubjectAccessReviewStatus`).
public struct SubjectAccessReviewStatus: Sendable, Hashable {
    /// Whether the action is allowed; always written.
    public var allowed: Bool
    /// Whether it is explicitly denied (false with `allowed` false means "no opinion").
    public var denied: Bool
    /// Why, in words.
    public var reason: String
    /// Set when an authorizer failed; the answer may still be usable.
    public var evaluationError: String

    public init(allowed: Bool = false, denied: Bool = false, reason: String = "", evaluationError: String = "") {
        self.allowed = allowed
        self.denied = denied
        self.reason = reason
        self.evaluationError = evaluationError
    }
}

extension SubjectAccessReviewStatus: APIFields {
    public static let zero = SubjectAccessReviewStatus()
    public static let fields: [JSONField<SubjectAccessReviewStatus>] = [
        .always("allowed", \.allowed),
        .omitEmpty("denied", \.denied),
        .omitEmpty("reason", \.reason),
        .omitEmpty("evaluationError", \.evaluationError),
    ]
}
