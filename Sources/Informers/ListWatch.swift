// Stage 3 · Informers: how to list and how to watch one resource (client-go's ListWatch).
//
// A `Reflector` needs two calls and nothing else: "list everything, and tell me the
// version that list is at", and "watch every change after version N". Which resource,
// which namespace and which selectors are fixed once, here, so that the list and the
// watch always look at the same objects: the kubelet lists and watches pods with
// `spec.nodeName=<its node>`, and sees exactly the pods bound to it. Tests give a
// reflector a scripted `ListWatch` instead, to provoke what a real server rarely does.

import API
import APIMachinery
import Client

/// The list and watch calls of one resource, as a `Reflector` makes them.
public protocol ListWatch<Object>: Sendable {
    associatedtype Object: APIObject

    /// Every object, with the resourceVersion the list was read at.
    func list() async throws -> List<Object>

    /// Every change strictly after `resourceVersion`, until the server ends the watch.
    func watch(from resourceVersion: String) async throws -> AsyncThrowingStream<WatchEvent<Object>, Error>
}

/// A `ListWatch` over the API server, through `APIClient`.
public struct APIListWatch<Object: APIObject>: ListWatch {
    /// How long a watch asks the server to stay open: client-go's reflectors ask for 5 to
    /// 10 minutes, so that no watch runs forever and each is re-established now and then.
    public static var watchTimeoutSeconds: ClosedRange<Int> { 300...599 }

    public let client: APIClient
    /// "" for all namespaces.
    public let namespace: String
    public let labelSelector: String?
    public let fieldSelector: String?

    public init(client: APIClient, namespace: String = "", labelSelector: String? = nil, fieldSelector: String? = nil) {
        self.client = client
        self.namespace = namespace
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
    }

    public func list() async throws -> List<Object> {
        try await client.list(Object.self, namespace: namespace, labelSelector: labelSelector, fieldSelector: fieldSelector)
    }

    public func watch(from resourceVersion: String) async throws -> AsyncThrowingStream<WatchEvent<Object>, Error> {
        let options = ListOptions(
            labelSelector: labelSelector, fieldSelector: fieldSelector, resourceVersion: resourceVersion,
            allowWatchBookmarks: true, timeoutSeconds: Int.random(in: Self.watchTimeoutSeconds))
        return try await client.watch(Object.self, namespace: namespace, options: options)
    }
}
