// Stage 2 · ClusterKinds: "who am I?" (authentication.k8s.io/v1 `SelfSubjectReview`).
//
// `kubectl auth whoami` creates an empty one, and the API server answers with the user
// it took the request to come from: name, uid, groups and extra attributes, as its
// authenticators (client certificates, tokens…) found them. Nothing is stored. This
// series' API server authenticates nobody, so every request is anonymous; the answer
// says exactly that (`SelfSubjectReviews.swift` in the API server). kubectl 1.27 asks
// `v1beta1`, later versions `v1`: the API server serves the same kind at both.

import API
import APIMachinery

/// A request to describe the requester; created by `kubectl auth whoami`.
public struct SelfSubjectReview: Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    /// The answer, filled in by the API server.
    public var status: SelfSubjectReviewStatus

    public init(
        apiVersion: String = "authentication.k8s.io/v1", kind: String = "SelfSubjectReview", metadata: ObjectMeta = ObjectMeta(),
        status: SelfSubjectReviewStatus = SelfSubjectReviewStatus()
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.status = status
    }
}

extension SelfSubjectReview: APIFields {
    public static let zero = SelfSubjectReview(apiVersion: "", kind: "")
    public static let fields: [JSONField<SelfSubjectReview>] = [
        .omitEmpty("apiVersion", \.apiVersion),
        .omitEmpty("kind", \.kind),
        .structure("metadata", \.metadata),
        .structure("status", \.status),
    ]
}

extension SelfSubjectReview: APIObject {
    /// `/apis/authentication.k8s.io/v1/selfsubjectreviews`, cluster-wide, create only.
    public static let resource = Resource(
        group: "authentication.k8s.io", kind: "SelfSubjectReview", plural: "selfsubjectreviews", scope: .cluster)
}

/// What the API server knows of the requester (authentication/v1 `SelfSubjectReviewStatus`).
public struct SelfSubjectReviewStatus: Sendable, Hashable {
    public var userInfo: UserInfo

    public init(userInfo: UserInfo = UserInfo()) {
        self.userInfo = userInfo
    }
}

extension SelfSubjectReviewStatus: APIFields {
    public static let zero = SelfSubjectReviewStatus()
    public static let fields: [JSONField<SelfSubjectReviewStatus>] = [
        .structure("userInfo", \.userInfo),
    ]
}

/// A user, as authentication found it (authentication/v1 `UserInfo`).
public struct UserInfo: Sendable, Hashable {
    /// The name that identifies the user, such as `system:anonymous`.
    public var username: String
    /// A unique value across time, when the authenticator has one.
    public var uid: String
    /// The groups the user belongs to, such as `system:unauthenticated`.
    public var groups: [String]
    /// Whatever else the authenticator knows.
    public var extra: [String: [String]]

    public init(username: String = "", uid: String = "", groups: [String] = [], extra: [String: [String]] = [:]) {
        self.username = username
        self.uid = uid
        self.groups = groups
        self.extra = extra
    }
}

extension UserInfo: APIFields {
    public static let zero = UserInfo()
    public static let fields: [JSONField<UserInfo>] = [
        .omitEmpty("username", \.username),
        .omitEmpty("uid", \.uid),
        .omitEmpty("groups", \.groups),
        .omitEmpty("extra", \.extra),
    ]
}
