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
public struct TableRow: Sendable, Hashable, Codable {
    /// The row's values, in column order. Always written.
    public var cells: [JSONValue]
    /// Extra facts about the row, such as `Completed`.
    public var conditions: [TableRowCondition]
    /// The object, its metadata, or `null`. Always written.
    public var object: JSONValue

    /// Makes a row.
    public init(cells: [JSONValue] = [], conditions: [TableRowCondition] = [], object: JSONValue = .null) {
        self.cells = cells
        self.conditions = conditions
        self.object = object
    }

    private enum CodingKeys: String, CodingKey { case cells, conditions, object }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        cells = try c.decode(.cells, or: [])
        conditions = try c.decode(.conditions, or: [])
        object = try c.decode(.object, or: .null)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(cells, forKey: .cells)
        try c.encodeUnlessEmpty(conditions, forKey: .conditions)
        try c.encode(object, forKey: .object)
    }
}

/// A fact about a table row (meta/v1 `TableRowCondition`); set by table printers.
public struct TableRowCondition: Sendable, Hashable, Codable {
    /// The condition type of a row whose object has run to completion.
    public static let completed = "Completed"

    /// The condition's type, such as `Completed`. Always written.
    public var type: String
    /// Whether it holds. Always written; nil is Go's "".
    public var status: ConditionStatus?
    /// A CamelCase reason.
    public var reason: String
    /// A human-readable message.
    public var message: String

    /// Makes a row condition.
    public init(type: String = "", status: ConditionStatus? = nil, reason: String = "", message: String = "") {
        self.type = type
        self.status = status
        self.reason = reason
        self.message = message
    }

    private enum CodingKeys: String, CodingKey { case type, status, reason, message }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decode(.type, or: "")
        status = try c.decodeMember(.status)
        reason = try c.decode(.reason, or: "")
        message = try c.decode(.message, or: "")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encodeAlways(status, forKey: .status)
        try c.encodeUnlessEmpty(reason, forKey: .reason)
        try c.encodeUnlessEmpty(message, forKey: .message)
    }
}
