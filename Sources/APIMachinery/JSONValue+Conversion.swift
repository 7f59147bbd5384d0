// Stage 2 · APIMachinery: turning typed API objects into `JSONValue` and back.
//
// The API server puts whole objects into table rows (`includeObject=Object`) and into
// merge patches it applies; both steps go through JSON text, with the same encoder that
// writes every response, so a value holds exactly what the wire would carry.

import API
import Foundation

extension JSONValue {
    /// The JSON of `value` as a `JSONValue`; used by the API server to put an object (or
    /// its `PartialObjectMetadata`) into a table row.
    public init<T: Encodable>(encoding value: T) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: APIJSON.encode(value))
    }

    /// This value read as the API type `type`; errors carry the field path.
    public func decoded<T: Decodable>(as type: T.Type) throws -> T {
        try APIJSON.decode(type, from: APIJSON.encode(self))
    }
}
