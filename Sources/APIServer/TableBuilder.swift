// Stage 2 · APIServer: objects as a `Table`, for `kubectl get`.
//
// When kubectl lists pods it sends
//
//     Accept: application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json
//
// meaning "a meta.k8s.io/v1 Table if you can, else v1beta1, else the plain list".
// `wantsTable(accept:)` reads that header; `table(of:strategy:…)` builds the answer from
// a list and the columns and cells of the kind's strategy (most often its printer's).
// Each row carries, besides its cells, what `?includeObject=` asks for: the object's
// `PartialObjectMetadata` by default (kubectl reads labels and namespace from it), the
// whole object (`Object`, for `--sort-by`), or `null` (`None`).

import API
import APIMachinery

/// Builds the `Table` answers to `kubectl get`; called by the API server's list and get
/// handlers when `wantsTable(accept:)` says so.
public enum TableBuilder {
    /// The group that defines `Table`.
    public static let tableGroup = "meta.k8s.io"
    /// The versions of `Table` this server can write (v1beta1 has the same shape).
    public static let tableVersions: Set<String> = ["v1", "v1beta1"]
    /// The media type tables are written in; protobuf tables are not offered.
    public static let jsonMediaType = "application/json"

    /// A table of `objects` printed as `strategy` says, at time `now`, carrying each
    /// object as `includeObject` says; `resourceVersion` is the list's, as in a list response.
    public static func table<Strategy: RESTStrategy>(
        of objects: [Strategy.Object], strategy: Strategy.Type, resourceVersion: String = "",
        includeObject: IncludeObjectPolicy = .metadata, now: Time = .now()
    ) throws(Status) -> Table {
        var rows: [TableRow] = []
        for object in objects {
            let carried: JSONValue
            do {
                carried = switch includeObject {
                case .none: .null
                case .metadata: try JSONValue(encoding: PartialObjectMetadata(metadata: object.metadata))
                case .object: try JSONValue(encoding: object)
                }
            } catch {
                throw Status.internalError("cannot encode a table row: \(error)")
            }
            rows.append(TableRow(cells: strategy.cells(object, now: now).map(JSONValue.string), object: carried))
        }
        return Table(metadata: ListMeta(resourceVersion: resourceVersion), columnDefinitions: strategy.columns, rows: rows)
    }

    /// Reads `?includeObject=`: Metadata when absent, nil when not one of the three.
    public static func includeObject(queryValue: String?) -> IncludeObjectPolicy? {
        guard let queryValue, !queryValue.isEmpty else { return .metadata }
        return IncludeObjectPolicy(rawValue: queryValue)
    }

    /// True when the `Accept` header asks for a JSON `Table` of meta.k8s.io v1 or v1beta1,
    /// in any parameter order (`as=Table;g=meta.k8s.io;v=v1` or `as=Table;v=v1;g=meta.k8s.io`).
    public static func wantsTable(accept: String) -> Bool {
        accept.split(separator: ",").contains { range in
            let mediaRange = MediaRange(String(range))
            return mediaRange.type == jsonMediaType
                && mediaRange.parameters["as"] == "Table"
                && mediaRange.parameters["g"] == tableGroup
                && mediaRange.parameters["v"].map(tableVersions.contains) == true
        }
    }
}

/// One entry of an `Accept` header, `type/subtype;key=value;…`, split into its parts.
struct MediaRange {
    /// `application/json`, lower-cased (media types are case-insensitive).
    let type: String
    /// The parameters; names lower-cased, values as sent (`Table` is case-sensitive).
    let parameters: [String: String]

    /// Parses one media range; malformed parameters are skipped.
    init(_ text: String) {
        let parts = text.split(separator: ";").map { $0.trimmingSpaces() }
        type = (parts.first ?? "").lowercased()
        var parameters: [String: String] = [:]
        for parameter in parts.dropFirst() {
            guard let equals = parameter.firstIndex(of: "=") else { continue }
            let name = parameter[..<equals].trimmingSpaces().lowercased()
            var value = parameter[parameter.index(after: equals)...].trimmingSpaces()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            parameters[name] = value
        }
        self.parameters = parameters
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (HTTP's optional whitespace).
    fileprivate func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
