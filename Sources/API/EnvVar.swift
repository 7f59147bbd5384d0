// Stage 1 · API: one environment variable of a container (core/v1 `EnvVar`, `EnvVarSource`).
//
// A variable has either a literal `value` (which may refer to earlier variables as
// `$(NAME)`) or a `valueFrom`, which the kubelet resolves just before it starts the
// container:
//
//   - `fieldRef`: a field of the pod itself, the *downward API* (`metadata.name`,
//     `status.podIP`, `metadata.labels['app']`…), so a program learns where it runs;
//   - `resourceFieldRef`: the container's own CPU or memory limit or request;
//   - `configMapKeyRef` / `secretKeyRef`: one key of a ConfigMap or Secret in the pod's
//     namespace (stage 2 serves those objects; `optional: true` skips a missing one).
//
// The selectors are Kubernetes' small reference types, each in Go's field order.

/// A `NAME=value` pair the kubelet puts into a container's environment.
public struct EnvVar: Sendable, Hashable {
    public var name: String = ""
    public var value: String = ""
    public var valueFrom: EnvVarSource?

    public init(name: String = "", value: String = "", valueFrom: EnvVarSource? = nil) {
        self.name = name
        self.value = value
        self.valueFrom = valueFrom
    }
}

extension EnvVar: APIFields {
    public static let zero = EnvVar()
    public static let fields: [JSONField<EnvVar>] = [
        .always("name", \.name, "The variable's name."),
        .omitEmpty("value", \.value, "The value; $(NAME) refers to a variable defined earlier, $$ is a literal $."),
        .pointer("valueFrom", \.valueFrom,
            "Where the value comes from when value is empty: a field of the pod, a resource, a ConfigMap or Secret key."),
    ]
}

/// Where an environment variable's value comes from; exactly one member is set.
public struct EnvVarSource: Sendable, Hashable {
    public var fieldRef: ObjectFieldSelector?
    public var resourceFieldRef: ResourceFieldSelector?
    public var configMapKeyRef: ConfigMapKeySelector?
    public var secretKeyRef: SecretKeySelector?

    public init(
        fieldRef: ObjectFieldSelector? = nil, resourceFieldRef: ResourceFieldSelector? = nil,
        configMapKeyRef: ConfigMapKeySelector? = nil, secretKeyRef: SecretKeySelector? = nil
    ) {
        self.fieldRef = fieldRef
        self.resourceFieldRef = resourceFieldRef
        self.configMapKeyRef = configMapKeyRef
        self.secretKeyRef = secretKeyRef
    }
}

extension EnvVarSource: APIFields {
    public static let zero = EnvVarSource()
    public static let fields: [JSONField<EnvVarSource>] = [
        .pointer("fieldRef", \.fieldRef, "A field of the pod (the downward API), such as metadata.name or status.podIP."),
        .pointer("resourceFieldRef", \.resourceFieldRef, "A CPU or memory limit or request of a container."),
        .pointer("configMapKeyRef", \.configMapKeyRef, "One key of a ConfigMap in the pod's namespace."),
        .pointer("secretKeyRef", \.secretKeyRef, "One key of a Secret in the pod's namespace."),
    ]
}

/// A field of the pod, by path (core/v1 `ObjectFieldSelector`): `metadata.name`,
/// `metadata.labels['app']`, `status.podIP`. The API server defaults `apiVersion` to `v1`.
public struct ObjectFieldSelector: Sendable, Hashable {
    public var apiVersion: String
    public var fieldPath: String

    public init(apiVersion: String = "", fieldPath: String = "") {
        self.apiVersion = apiVersion
        self.fieldPath = fieldPath
    }
}

extension ObjectFieldSelector: APIFields {
    public static let zero = ObjectFieldSelector()
    public static let fields: [JSONField<ObjectFieldSelector>] = [
        .omitEmpty("apiVersion", \.apiVersion, "The version the path is read in; v1 by default."),
        .always("fieldPath", \.fieldPath, "The path of the field, such as metadata.labels['app']."),
    ]
}

/// A container's resource limit or request (core/v1 `ResourceFieldSelector`), such as
/// `limits.memory`, divided by `divisor` (zero stands for 1) and rounded up.
public struct ResourceFieldSelector: Sendable, Hashable {
    public var containerName: String
    public var resource: String
    public var divisor: Quantity

    public init(containerName: String = "", resource: String = "", divisor: Quantity = Quantity(value: 0)) {
        self.containerName = containerName
        self.resource = resource
        self.divisor = divisor
    }
}

extension ResourceFieldSelector: APIFields {
    public static let zero = ResourceFieldSelector()
    public static let fields: [JSONField<ResourceFieldSelector>] = [
        .omitEmpty("containerName", \.containerName, "The container whose resources are read; the one being started when empty."),
        .always("resource", \.resource, "limits.cpu, limits.memory, requests.cpu, requests.memory or their ephemeral-storage."),
        .structure("divisor", \.divisor, "The unit of the value (1m, 1Mi…); the value is rounded up. 1 when zero."),  // a struct in Go: always written, "0" when unset
    ]
}

/// One key of a ConfigMap in the pod's namespace (core/v1 `ConfigMapKeySelector`; Go
/// inlines the `LocalObjectReference` that holds `name`).
public struct ConfigMapKeySelector: Sendable, Hashable {
    public var name: String
    public var key: String
    public var optional: Bool?

    public init(name: String = "", key: String = "", optional: Bool? = nil) {
        self.name = name
        self.key = key
        self.optional = optional
    }
}

extension ConfigMapKeySelector: APIFields {
    public static let zero = ConfigMapKeySelector()
    public static let fields: [JSONField<ConfigMapKeySelector>] = [
        .omitEmpty("name", \.name, "The ConfigMap's name."),
        .always("key", \.key, "The key to read."),
        .pointer("optional", \.optional,
            "When true, a missing ConfigMap or key leaves the variable unset instead of keeping the container from starting."),
    ]
}

/// One key of a Secret in the pod's namespace (core/v1 `SecretKeySelector`).
public struct SecretKeySelector: Sendable, Hashable {
    public var name: String
    public var key: String
    public var optional: Bool?

    public init(name: String = "", key: String = "", optional: Bool? = nil) {
        self.name = name
        self.key = key
        self.optional = optional
    }
}

extension SecretKeySelector: APIFields {
    public static let zero = SecretKeySelector()
    public static let fields: [JSONField<SecretKeySelector>] = [
        .omitEmpty("name", \.name, "The Secret's name."),
        .always("key", \.key, "The key to read."),
        .pointer("optional", \.optional,
            "When true, a missing Secret or key leaves the variable unset instead of keeping the container from starting."),
    ]
}

extension EnvVarSource {
    /// Kubernetes' `SetDefaults_ObjectFieldSelector`: a field path is read in `v1`.
    public mutating func applyDefaults() {
        if fieldRef?.apiVersion.isEmpty == true { fieldRef?.apiVersion = "v1" }
    }
}
