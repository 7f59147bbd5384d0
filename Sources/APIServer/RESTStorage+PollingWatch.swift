// Stage 2 · APIServer: watch, the simple way — list again and again, send the differences.
//
// Clients do not only read: they *watch*. `kubectl get pods -w` prints each change as
// it happens, and `kubectl delete` watches the pod to return the moment it is gone. A
// watch is a long answer, one JSON event per line, streamed as things change:
//
//   {"type":"ADDED","object":{…}}
//   {"type":"MODIFIED","object":{…}}
//   {"type":"DELETED","object":{…}}
//
// Stage 2's store cannot tell anyone what changed, so this watch finds out by listing
// every `pollInterval` and comparing resourceVersions. It is correct but wasteful, and
// it can miss a change that is undone between two looks. Stage 3 gives the store a
// history of revisions and replaces this file with a real watch.

import API
import APIMachinery
import Foundation
import HTTP

extension RESTStorage {
    /// How often the polling watch lists again.
    static var pollInterval: Duration { .milliseconds(250) }

    /// Streams watch events for the objects the selectors match, until the client goes
    /// or `timeoutSeconds` passes.
    ///
    /// Without a `resourceVersion` (or with "0"), the current objects come first as
    /// ADDED events, as Kubernetes sends them; with one, only later changes are sent.
    ///
    /// When `asTable` (as `kubectl get -w` asks), each event's object is a one-row Table,
    /// with the column definitions in the first event only, as Kubernetes sends them.
    func pollingWatch(namespace: String?, labels: LabelSelector, fields: FieldSelector, query: [String: String],
                      asTable: Bool = false) -> HTTPResponse {
        let sendsCurrentState = (query["resourceVersion"] ?? "").isEmpty || query["resourceVersion"] == "0"
        let timeout = query["timeoutSeconds"].flatMap(Int.init).map { Duration.seconds($0) } ?? .seconds(1800)
        return HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"]) { writer in
            let clock = ContinuousClock()
            let deadline = clock.now.advanced(by: timeout)
            var known: [String: Object] = [:]
            var first = true
            var columnsSent = false
            func event(_ type: String, _ object: Object) throws -> [UInt8] {
                guard asTable else { return try Self.event(type, object) }
                var table = try self.table([object], resourceVersion: object.metadata.resourceVersion, include: query["includeObject"])
                if columnsSent { table.columnDefinitions = [] }
                columnsSent = true
                return Array(#"{"type":"\#(type)","object":"#.utf8) + [UInt8](try APIJSON.encode(table)) + Array("}\n".utf8)
            }
            while clock.now < deadline && !writer.isClientGone() {
                let (items, _) = try await list(namespace: namespace, labels: labels, fields: fields)
                var seen = Set<String>()
                for item in items {
                    let key = "\(item.metadata.namespace)/\(item.metadata.name)"
                    seen.insert(key)
                    let previous = known[key]
                    known[key] = item
                    if previous == nil && (!first || sendsCurrentState) {
                        try await writer.write(event("ADDED", item))
                    } else if let previous, previous.metadata.resourceVersion != item.metadata.resourceVersion {
                        try await writer.write(event("MODIFIED", item))
                    }
                }
                for (key, object) in known where !seen.contains(key) {
                    known[key] = nil
                    try await writer.write(event("DELETED", object))
                }
                first = false
                try await Task.sleep(for: Self.pollInterval)
            }
        }
    }

    /// One watch event, as a line of JSON.
    static func event(_ type: String, _ object: Object) throws -> [UInt8] {
        let objectJSON = try APIJSON.encode(object)
        return Array(#"{"type":"\#(type)","object":"#.utf8) + [UInt8](objectJSON) + Array("}\n".utf8)
    }
}
