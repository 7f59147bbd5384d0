// Stage 1 · API: a value that is a number or a name (apimachinery `intstr.IntOrString`).
//
// A probe's port may be `8080` or `http`, the name of a container port. Kubernetes
// keeps which of the two was written and writes the same kind back, so a manifest
// that said `port: http` still says so after a round trip.

/// A port (or other value) given as a number or as a name; read by the prober, which
/// resolves a name through the container's `ports`.
public enum IntOrString: Sendable, Hashable, Codable, CustomStringConvertible,
    ExpressibleByIntegerLiteral, ExpressibleByStringLiteral
{
    /// A number; Go's IntOrString holds an int32.
    case int(Int32)
    /// A name, such as a container port's name.
    case string(String)

    /// Allows `8080` wherever an IntOrString is expected.
    public init(integerLiteral value: Int32) { self = .int(value) }

    /// Allows `"http"` wherever an IntOrString is expected.
    public init(stringLiteral value: String) { self = .string(value) }

    /// Decodes from a JSON/YAML number or string, keeping which it was.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int32.self) {
            self = .int(number)
        } else if let name = try? container.decode(String.self) {
            self = .string(name)
        } else {
            // Decode again as a string, only to get the decoder's own "found …" message.
            self = .string(try container.decode(String.self))
        }
    }

    /// Encodes as the kind it holds: a number or a string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let number): try container.encode(number)
        case .string(let name): try container.encode(name)
        }
    }

    public var description: String {
        switch self {
        case .int(let number): String(number)
        case .string(let name): name
        }
    }
}
