// Stage 2 · APIServer: resources that answer a question instead of storing an object.
//
// Some of Kubernetes' kinds are only ever created, and the "created" object is never
// stored: the POST is a question, and the answer is the same object with its status
// filled in (201 Created). `kubectl auth can-i` asks with a SelfSubjectAccessReview,
// `kubectl auth whoami` with a SelfSubjectReview. Such a kind registers a `Review`
// instead of a strategy:
//
//   ResourceRegistration(review: SelfSubjectAccessReviewer.self)
//   ResourceRegistration(review: SelfSubjectReviewer.self, version: "v1beta1")   (the same kind, one more version)
//
// Discovery lists it with the single verb `create`; any other method on its path is 405.

import API
import APIMachinery
import ClusterKinds
import HTTP
import Storage

/// The answer of a create-only kind; registered by the composition root.
public protocol Review: Sendable {
    associatedtype Object: APIObject
    /// The object asked with, answered: its status filled in; 422 when the question is malformed.
    static func answer(_ object: Object) throws(Status) -> Object
    /// The object answered for `user`, the requester authentication found; by default as `answer(_:)`.
    static func answer(_ object: Object, user: UserInfo) throws(Status) -> Object
    /// The object in a protobuf body, as kubectl 1.28 and later send it; nil if it is not one.
    static func object(protobuf body: [UInt8]) -> Object?
}

extension Review {
    public static func object(protobuf body: [UInt8]) -> Object? { nil }
    public static func answer(_ object: Object, user: UserInfo) throws(Status) -> Object { try answer(object) }
}

/// The endpoint of a `Review`'s kind, at the version it was registered with.
struct ReviewEndpoint<Reviewer: Review>: ResourceEndpoint {
    let resource: Resource

    func serve(_ request: HTTPRequest, info: RequestInfo) async throws(Status) -> HTTPResponse {
        guard info.verb == "create", info.name.isEmpty else { throw Status.noRoute }
        _ = try DryRun.isRequested(by: request, options: "CreateOptions")
        var object: Reviewer.Object
        if RESTStorage<NamespaceStrategy>.mediaType(request) == ProtobufEnvelope.mediaType, let asked = Reviewer.object(protobuf: request.body) {
            object = asked
        } else {
            // The body reader serves every kind; it sits on `RESTStorage` for those that are stored.
            object = try RESTStorage<NamespaceStrategy>.decodeBody(request)
        }
        object = try Reviewer.answer(object, user: info.user)
        object.apiVersion = resource.groupVersion
        object.kind = resource.kind
        return try APIResponse.object(object, status: .created)
    }
}

extension ResourceRegistration {
    /// Registers `reviewer`'s kind, create only, at its own version or at `version`.
    public init<Reviewer: Review>(review reviewer: Reviewer.Type, version: String? = nil) {
        var served = Reviewer.Object.resource
        if let version { served.version = version }
        let resource = served
        self.init(resource: resource, verbs: ["create"], subresourceVerbs: [:]) { _, _ in ReviewEndpoint<Reviewer>(resource: resource) }
    }
}

// Stage 4 > a create-only resource that acts on other objects (`bindings`, the old path of pods/binding)
/// The endpoint of a create-only resource answered by a function of the request and the
/// server's store: a request about other objects, never stored itself.
struct CreateOnlyEndpoint: ResourceEndpoint {
    let resource: Resource
    let store: any KeyValueStore
    let create: @Sendable (HTTPRequest, RequestInfo, any KeyValueStore) async throws(Status) -> HTTPResponse

    func serve(_ request: HTTPRequest, info: RequestInfo) async throws(Status) -> HTTPResponse {
        guard info.verb == "create", info.name.isEmpty, info.subresource.isEmpty else { throw Status.noRoute }
        return try await create(request, info, store)
    }
}

extension ResourceRegistration {
    /// Registers `resource`, create only, answered by `create` with the server's store at
    /// hand; discovery lists it with the single verb `create`, like a review.
    public init(
        createOnly resource: Resource,
        create: @escaping @Sendable (HTTPRequest, RequestInfo, any KeyValueStore) async throws(Status) -> HTTPResponse
    ) {
        self.init(resource: resource, verbs: ["create"], subresourceVerbs: [:]) { store, _ in
            CreateOnlyEndpoint(resource: resource, store: store, create: create)
        }
    }
}
// Stage 4 <
