// Stage 2 · APIServer: where a watch's events come from, chosen by the composition root.
//
// `GET …?watch=true` is answered with a stream of `WatchEvent`s, one JSON line each (see
// `WatchEvent.swift`). The endpoint parses the request into a `WatchRequest` and writes
// whatever events it is given into a `WatchSink`, as JSON or, for `kubectl get -w`, as
// one-row Tables; what it does not decide is where the events come from. That is a
// `WatchSource`, handed to `APIServer.init` by the stage's `main`:
//
//   stage 2   PollingWatch    lists again and again and sends the differences
//   stage 3   a real watch    the store's history of changes, fanned out to watchers
//
// A source sends until the sink closes (the client left, or `timeoutSeconds` passed),
// checking `isClosed` each time it wakes, or until it sends an ERROR and stops.

import API
import APIMachinery
import Foundation
// Stage 3 > a list's values, read by the watch source
import Storage
// Stage 3 <

/// How the API server finds the changes a watch asks for; stage 2's is `PollingWatch`.
public protocol WatchSource: Sendable {
    /// Sends the changes `request` asks for, of `storage`'s resource, into `sink` until
    /// the sink closes.
    func watch<Strategy: RESTStrategy>(_ storage: RESTStorage<Strategy>, _ request: WatchRequest, into sink: WatchSink<Strategy>) async throws
    // Stage 3 > a source that remembers may refuse a watch before it starts, and reads lists, as Kubernetes' watch cache does

    /// The Status to answer `request` with instead of a stream (a resourceVersion that is
    /// not one is a 400), or nil to start the watch. Stage 2's refuses nothing.
    func refusal(of request: WatchRequest) -> Status?

    /// The values under `prefix` a list reads, and their revision: at a continue token's
    /// revision, or as a `resourceVersion` asks. Nil leaves the API server to read the
    /// store as it is now, as stage 2's does for every list.
    func listValues(under prefix: String, _ read: ListRead) async throws(Status) -> (items: [StoredValue], revision: Int64)?
    // Stage 3 <
}

// Stage 3 > what a list asks of a source that reads lists, and the defaults of a source that does not
/// What a list (or one page of it) asks for: read from its query and continue token.
public struct ListRead: Sendable, Equatable {
    /// `resourceVersion`, as sent ("" when absent).
    public var resourceVersion = ""
    /// `resourceVersionMatch`: "", `NotOlderThan` or `Exact`.
    public var resourceVersionMatch = ""
    /// `limit`, when the list is paged.
    public var limit: Int?
    /// For a page after the first: the revision its continue token pins (-1: the latest).
    public var continueRevision: Int64?
    /// For a page after the first: a token that continues the list at the latest revision,
    /// which Kubernetes hands back when the pinned one has been compacted.
    public var latestContinueToken = ""

    public init() {}
}

extension WatchSource {
    public func refusal(of request: WatchRequest) -> Status? { nil }

    public func listValues(under prefix: String, _ read: ListRead) async throws(Status) -> (items: [StoredValue], revision: Int64)? {
        nil
    }
}
// Stage 3 <

/// What a watch request asks for, read from its URL.
public struct WatchRequest: Sendable {
    /// How long a watch lasts when the client does not say (`timeoutSeconds`); Kubernetes
    /// picks 30 to 60 minutes.
    public static let defaultTimeout = Duration.seconds(1800)

    /// The namespace watched, or nil for every namespace.
    public var namespace: String?
    public var labels = LabelSelector.everything
    public var fields = FieldSelector.everything
    /// Where to start: "" or "0" for "the current objects as ADDED, then changes";
    /// a version for "only changes after it".
    public var resourceVersion = ""
    /// Whether the client accepts BOOKMARK events (`allowWatchBookmarks=true`).
    public var allowsBookmarks = false
    /// The whole query, for the parameters a later watch reads (`sendInitialEvents`…).
    public var query: [String: String] = [:]

    /// Whether the watch starts with every current object as ADDED, as Kubernetes does
    /// for a watch without a resourceVersion (or with "0").
    public var sendsCurrentState: Bool { resourceVersion.isEmpty || resourceVersion == "0" }
}

/// Where a `WatchSource` sends its events: one client's response, one line an event.
/// Belongs to the task serving that client; not shared.
public final class WatchSink<Strategy: RESTStrategy> {
    private let isClientGone: () -> Bool
    private let write: ([UInt8]) async throws -> Void
    private let deadline: ContinuousClock.Instant
    private let asTable: Bool
    private let includeObject: IncludeObjectPolicy
    /// Tables carry their column definitions in the first event only, as Kubernetes sends them.
    private var columnsSent = false

    /// A sink that writes each event's line with `write` until `timeout` passes or
    /// `isClientGone`; with `asTable`, objects are sent as one-row Tables.
    public init(
        timeout: Duration, asTable: Bool = false, includeObject: IncludeObjectPolicy = .metadata,
        isClientGone: @escaping () -> Bool, write: @escaping ([UInt8]) async throws -> Void
    ) {
        deadline = ContinuousClock.now.advanced(by: timeout)
        self.asTable = asTable
        self.includeObject = includeObject
        self.isClientGone = isClientGone
        self.write = write
    }

    /// True once the client has gone or the watch's time is up: the source should stop.
    public var isClosed: Bool { isClientGone() || ContinuousClock.now >= deadline }

    // Stage 3 > a source that sleeps between events wakes when the watch's time is up
    /// When the watch's `timeoutSeconds` run out.
    public var closesAt: ContinuousClock.Instant { deadline }
    // Stage 3 <

    /// Sends one event to the client; throws once the client has gone.
    public func send(_ event: WatchEvent<Strategy.Object>) async throws {
        try await write(line(for: event))
    }

    // Stage 3 > a source that holds an event's object as JSON already sends it as it is
    /// Sends an event of `type` whose object is already `objectJSON`, and returns true;
    /// returns false, sending nothing, when this sink writes Tables and needs the object.
    public func sendEncoded(type: String, objectJSON: [UInt8]) async throws -> Bool {
        guard !asTable else { return false }
        try await write(Array(#"{"type":"\#(type)","object":"#.utf8) + objectJSON + Array("}\n".utf8))
        return true
    }
    // Stage 3 <

    /// `{"type":"ADDED","object":{…}}` and a newline: clients split the stream on newlines.
    func line(for event: WatchEvent<Strategy.Object>) throws -> [UInt8] {
        let object: Data
        switch event {
        case .added(let item), .modified(let item), .deleted(let item):
            if asTable {
                var table = try TableBuilder.table(
                    of: [item], strategy: Strategy.self, resourceVersion: item.metadata.resourceVersion, includeObject: includeObject)
                if columnsSent { table.columnDefinitions = [] }
                columnsSent = true
                object = try APIJSON.encode(table)
            } else {
                object = try APIJSON.encode(item)
            }
        case .bookmark(let resourceVersion):
            // The watched kind with nothing but the version reached.
            let resource = Strategy.Object.resource
            object = try APIJSON.encode(Bookmark(
                apiVersion: resource.groupVersion, kind: resource.kind, metadata: ListMeta(resourceVersion: resourceVersion)))
        case .error(let status):
            object = try APIJSON.encode(status)
        }
        return Array(#"{"type":"\#(event.type)","object":"#.utf8) + [UInt8](object) + Array("}\n".utf8)
    }
}

/// A bookmark's object: `{"apiVersion":"v1","kind":"Pod","metadata":{"resourceVersion":"12746"}}`.
private struct Bookmark: Encodable {
    let apiVersion: String
    let kind: String
    let metadata: ListMeta
}
