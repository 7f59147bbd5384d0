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
public struct Table: Sendable, Hashable {
    /// The API version of tables.
    public static let defaultAPIVersion = "meta.k8s.io/v1"

    /// The API version; `meta.k8s.io/v1`.
    public var apiVersion: String
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
}

extension Table: APIFields {
    public static let zero = Table(apiVersion: "", kind: "")
    public static let fields: [JSONField<Table>] = [
        .omitEmpty("apiVersion", \.apiVersion),
        .omitEmpty("kind", \.kind),
        .structure("metadata", \.metadata),
        .always("columnDefinitions", \.columnDefinitions),
        .always("rows", \.rows),
    ]
}
