// Stage 2 · APIMachinery: one row of a `Table` (meta/v1 `TableRow`).
//
// `cells` are as many as the table's columns, each a JSON value of its column's type.
// `object` is Go's `runtime.RawExtension`: arbitrary JSON that is always written, as
// `null` when the client asked for no object (`includeObject=None`); otherwise it holds
// a `PartialObjectMetadata` or the whole object, made with `JSONValue(encoding:)`.
// `TableRowCondition` lives here; its one defined type, `Completed`, makes kubectl
// dim a finished pod.

import API

/// One object as a row of cells; built by the API server's table printers, printed by
/// `kubectl get`.
public struct TableRow: Sendable, Hashable {
    /// The row's values, in column order.
    public var cells: [JSONValue]
    /// Extra facts about the row, such as `Completed`.
    public var conditions: [TableRowCondition]
    /// The object, its metadata, or `null`.
    public var object: JSONValue

    public init(cells: [JSONValue] = [], conditions: [TableRowCondition] = [], object: JSONValue = .null) {
        self.cells = cells
        self.conditions = conditions
        self.object = object
    }
}

extension TableRow: APIFields {
    public static let zero = TableRow()
    public static let fields: [JSONField<TableRow>] = [
        .always("cells", \.cells),
        .omitEmpty("conditions", \.conditions),
        .always("object", \.object),
    ]
}

/// A fact about a table row (meta/v1 `TableRowCondition`); set by table printers.
public struct TableRowCondition: Sendable, Hashable {
    /// The condition type of a row whose object has run to completion.
    public static let completed = "Completed"

    /// The condition's type, such as `Completed`.
    public var type: String
    /// Whether it holds.
    public var status: ConditionStatus?
    /// A CamelCase reason.
    public var reason: String
    public var message: String

    public init(type: String = "", status: ConditionStatus? = nil, reason: String = "", message: String = "") {
        self.type = type
        self.status = status
        self.reason = reason
        self.message = message
    }
}

extension TableRowCondition: APIFields {
    public static let zero = TableRowCondition()
    public static let fields: [JSONField<TableRowCondition>] = [
        .always("type", \.type),
        .alwaysMember("status", \.status),
        .omitEmpty("reason", \.reason),
        .omitEmpty("message", \.message),
    ]
}
