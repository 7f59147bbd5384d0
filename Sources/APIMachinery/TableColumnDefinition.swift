// Stage 2 · APIMachinery: one column of a `Table` (meta/v1 `TableColumnDefinition`).
//
// `type` and `format` are OpenAPI words: `string`, `integer`, `number`, `boolean`;
// format `name` marks the column that holds the object's name (kubectl uses it for
// `-o name`), `date` a timestamp. Columns with a priority above 0 are shown only with
// `-o wide` (a pod's IP and NODE). All five fields are always written.

import API

/// Describes one column of a table; defined by the API server's table printers, used by
/// kubectl for the header and for `-o wide`.
public struct TableColumnDefinition: Sendable, Hashable {
    /// The header, such as `Name`; kubectl prints it upper-cased.
    public var name: String
    /// The OpenAPI type of the column's cells, such as `string` or `integer`.
    public var type: String
    /// An OpenAPI format refining the type, such as `name`; often "".
    public var format: String
    /// What the column shows, for humans.
    public var description: String
    /// 0 for columns always shown; higher for those shown only with `-o wide`.
    public var priority: Int32

    public init(name: String = "", type: String = "", format: String = "", description: String = "", priority: Int32 = 0) {
        self.name = name
        self.type = type
        self.format = format
        self.description = description
        self.priority = priority
    }
}

extension TableColumnDefinition: APIFields {
    public static let zero = TableColumnDefinition()
    public static let fields: [JSONField<TableColumnDefinition>] = [
        .always("name", \.name),
        .always("type", \.type),
        .always("format", \.format),
        .always("description", \.description),
        .always("priority", \.priority),
    ]
}
