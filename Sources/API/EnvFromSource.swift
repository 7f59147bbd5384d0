// Stage 1 · API: a whole ConfigMap or Secret as environment variables (core/v1 `EnvFromSource`).
//
// `envFrom` turns every key of a ConfigMap or Secret into a variable, its name optionally
// given a `prefix`. The kubelet reads the sources first, in order, then `env`, so a
// variable listed in `env` wins over one of the same name from `envFrom`.

/// One ConfigMap or Secret whose keys all become environment variables; exactly one of
/// `configMapRef` and `secretRef` is set.
public struct EnvFromSource: Sendable, Hashable {
    public var prefix: String
    public var configMapRef: ConfigMapEnvSource?
    public var secretRef: SecretEnvSource?

    public init(prefix: String = "", configMapRef: ConfigMapEnvSource? = nil, secretRef: SecretEnvSource? = nil) {
        self.prefix = prefix
        self.configMapRef = configMapRef
        self.secretRef = secretRef
    }
}

extension EnvFromSource: APIFields {
    public static let zero = EnvFromSource()
    public static let fields: [JSONField<EnvFromSource>] = [
        .omitEmpty("prefix", \.prefix, "Put before each key to make the variable's name."),
        .pointer("configMapRef", \.configMapRef, "A ConfigMap whose every key becomes a variable."),
        .pointer("secretRef", \.secretRef, "A Secret whose every key becomes a variable."),
    ]
}

/// The ConfigMap an `envFrom` entry reads (core/v1 `ConfigMapEnvSource`).
public struct ConfigMapEnvSource: Sendable, Hashable {
    public var name: String
    public var optional: Bool?

    public init(name: String = "", optional: Bool? = nil) {
        self.name = name
        self.optional = optional
    }
}

extension ConfigMapEnvSource: APIFields {
    public static let zero = ConfigMapEnvSource()
    public static let fields: [JSONField<ConfigMapEnvSource>] = [
        .omitEmpty("name", \.name, "The ConfigMap's name."),
        .pointer("optional", \.optional, "When true, a missing ConfigMap adds no variables instead of failing."),
    ]
}

/// The Secret an `envFrom` entry reads (core/v1 `SecretEnvSource`).
public struct SecretEnvSource: Sendable, Hashable {
    public var name: String
    public var optional: Bool?

    public init(name: String = "", optional: Bool? = nil) {
        self.name = name
        self.optional = optional
    }
}

extension SecretEnvSource: APIFields {
    public static let zero = SecretEnvSource()
    public static let fields: [JSONField<SecretEnvSource>] = [
        .omitEmpty("name", \.name, "The Secret's name."),
        .pointer("optional", \.optional, "When true, a missing Secret adds no variables instead of failing."),
    ]
}
