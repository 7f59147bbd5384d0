// Stage 2 · APIMachinery: one column of a `Table` (meta/v1 `TableColumnDefinition`).
//
// `type` and `format` are OpenAPI words: `string`, `integer`, `number`, `boolean`;
// format `name` marks the column that holds the object's name (kubectl uses it for
// `-o name`), `date` a timestamp. Columns with a priority above 0 are shown only with
// `-o wide` (a pod's IP and NODE). All five fields are always written.

/// Describes one column of a table; defined by the API server's table printers, used by
/// kubectl for the header and for `-o wide`.
public struct TableColumnDefinition: Sendable, Hashable, Codable {
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

    /// Makes a column definition.
    public init(name: String = "", type: String = "", format: String = "", description: String = "", priority: Int32 = 0) {
        self.name = name
        self.type = type
        self.format = format
        self.description = description
        self.priority = priority
    }

    private enum CodingKeys: String, CodingKey { case name, type, format, description, priority }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(.name, or: "")
        type = try c.decode(.type, or: "")
        format = try c.decode(.format, or: "")
        description = try c.decode(.description, or: "")
        priority = try c.decode(.priority, or: 0)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(type, forKey: .type)
        try c.encode(format, forKey: .format)
        try c.encode(description, forKey: .description)
        try c.encode(priority, forKey: .priority)
    }
}
