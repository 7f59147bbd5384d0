// Stage 2 · APIMachinery: objects as rows and columns, for `kubectl get` (meta/v1 `Table`).
//
// kubectl does not know how to print a pod; it asks the server to do it:
//
//     Accept: application/json;as=Table;v=v1;g=meta.k8s.io,application/json
//
// and the server answers with a table: column definitions (NAME, READY, STATUS, …) and
// one row per object, each row's cells in column order and typed as the column says
// (strings, integers, …). That is why `kubectl get` shows the same columns for kinds it
// has never heard of. Each row may also carry the object itself, or only its metadata
// as a `PartialObjectMetadata` (the default), for kubectl's `--sort-by` and labels.
// Every field is written even when empty: Table's Go tags have no omitempty.

import API

/// A tabular view of one or more objects; built by the API server's table printers,
/// printed by `kubectl get`.
public struct Table: Sendable, Hashable, Codable {
    /// The API version of tables.
    public static let defaultAPIVersion = "meta.k8s.io/v1"

    /// The API version; `meta.k8s.io/v1`.
    public var apiVersion: String
    /// The kind; `Table`.
    public var kind: String
    /// The list's resourceVersion, as in a list response.
    public var metadata: ListMeta
    /// The columns, in order.
    public var columnDefinitions: [TableColumnDefinition]
    /// One row per object.
    public var rows: [TableRow]

    /// Makes a table; `apiVersion` and `kind` default to `meta.k8s.io/v1` and `Table`.
    public init(
        apiVersion: String = Table.defaultAPIVersion, kind: String = "Table", metadata: ListMeta = ListMeta(),
        columnDefinitions: [TableColumnDefinition] = [], rows: [TableRow] = []
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.columnDefinitions = columnDefinitions
        self.rows = rows
    }

    private enum CodingKeys: String, CodingKey { case apiVersion, kind, metadata, columnDefinitions, rows }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        apiVersion = try c.decode(.apiVersion, or: "")
        kind = try c.decode(.kind, or: "")
        metadata = try c.decode(.metadata, or: ListMeta())
        columnDefinitions = try c.decode(.columnDefinitions, or: [])
        rows = try c.decode(.rows, or: [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUnlessEmpty(apiVersion, forKey: .apiVersion)
        try c.encodeUnlessEmpty(kind, forKey: .kind)
        try c.encode(metadata, forKey: .metadata)
        try c.encode(columnDefinitions, forKey: .columnDefinitions)
        try c.encode(rows, forKey: .rows)
    }
}
