// Stage 2 · APIServer: what `/…/{name}/{subresource}` does, looked up in a table.
//
// A subresource is a part of an object with its own URL and its own rules:
//
//   pods/status   get, update, patch: the status alone (the kubelet's writes), spec kept
//   pods/log      get: the container's log, fetched from the kubelet (`PodLogSubresource`)
//   pods/binding  create: place a pod on a node (the scheduler, stage 4)
//   pods/eviction create: delete the pod, politely (`kubectl drain`; `PodEvictionSubresource`)
//   deployments/scale                                                     (stage 5)
//
// Each resource's table of subresources is given by the composition root when it
// registers the resource (`ResourceRegistration`), so a later stage adds `binding` to
// pods in its own `main`, with a new type, and no stage-2 file changes.

import API
import APIMachinery
import HTTP
// Stage 4 > admission reads other objects from the store
import Storage
// Stage 4 <

/// The handler of one subresource of `Strategy`'s resource; registered by the composition root.
public protocol Subresource<Strategy>: Sendable {
    associatedtype Strategy: RESTStrategy
    /// The verbs it allows, as discovery lists them; others are 405 Method Not Allowed.
    var verbs: [String] { get }
    /// Answers a request for it, with the parent resource's storage at hand (and through
    /// `storage.store`, any other resource's).
    func serve(_ request: HTTPRequest, info: RequestInfo, storage: RESTStorage<Strategy>) async throws(Status) -> HTTPResponse
    /// The kind it takes and answers, for discovery, when not the parent's (`pods/eviction`
    /// takes a policy/v1 Eviction, `pods/exec` is a PodExecOptions); nil for the parent's own kind.
    var kind: SubresourceKind? { get }
}

extension Subresource {
    public var kind: SubresourceKind? { nil }
}

// Stage 4 > admission: a write may be changed or refused by rules that read other objects (Priority)
/// A step every create and update of `Strategy`'s kind passes through before the strategy
/// prepares, validates and stores it: Kubernetes' admission plug-ins, which may change the
/// object (fill in a pod's priority) or refuse it with a Status (403 for an unknown priority
/// class). Registered with the resource (`ResourceRegistration`); a status update, and any
/// other subresource, does not pass through it, as in Kubernetes' Priority plug-in.
public protocol AdmissionPlugin<Strategy>: Sendable {
    associatedtype Strategy: RESTStrategy
    /// Changes `object`, being created in `namespace`, or throws its refusal; reads other objects through `store`.
    func admitCreate(_ object: inout Strategy.Object, namespace: String, store: any KeyValueStore) async throws(Status)
    /// Changes `object`, replacing `old`, or throws its refusal.
    func admitUpdate(_ object: inout Strategy.Object, old: Strategy.Object, store: any KeyValueStore) async throws(Status)
}

extension AdmissionPlugin {
    /// Most plug-ins have nothing to say about updates.
    public func admitUpdate(_ object: inout Strategy.Object, old: Strategy.Object, store: any KeyValueStore) async throws(Status) {}
}
// Stage 4 <

/// The group, version and kind of a subresource whose kind is not its parent's.
public struct SubresourceKind: Sendable, Hashable {
    public var group: String
    public var version: String
    public var kind: String

    public init(group: String, version: String, kind: String) {
        self.group = group
        self.version = version
        self.kind = kind
    }
}

/// `…/status`: reads and writes of the status alone; the strategy's
/// `prepareForStatusUpdate` keeps the rest. Every kind with a status has it.
public struct StatusSubresource<Strategy: RESTStrategy>: Subresource {
    public init() {}

    public var verbs: [String] { ["get", "patch", "update"] }

    public func serve(_ request: HTTPRequest, info: RequestInfo, storage: RESTStorage<Strategy>) async throws(Status) -> HTTPResponse {
        switch info.verb {
        case "update": try await storage.serveUpdate(request, info: info, status: true)
        case "patch": try await storage.servePatch(request, info: info, status: true)
        default: try APIResponse.object(await storage.get(namespace: info.namespace, name: info.name))
        }
    }
}
