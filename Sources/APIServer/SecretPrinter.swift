// Stage 2 · APIServer: a Secret as one row of `kubectl get secrets`.
//
// A port of `printSecret` from Kubernetes' `printers.go`: the name, the type, DATA (the
// number of keys; never their values) and the age.

import API
import APIMachinery
import ClusterKinds

/// The columns and cells of secrets in `kubectl get`.
public enum SecretPrinter {
    public static let columns: [APIMachinery.TableColumnDefinition] = [
        .init(name: "Name", type: "string", format: "name", description: "Name must be unique within a namespace.", priority: 0),
        .init(name: "Type", type: "string", description: "Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types", priority: 0),
        .init(name: "Data", type: "string", description: "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4", priority: 0),
        .init(name: "Age", type: "string", description: "CreationTimestamp is a timestamp representing the server time when this object was created.", priority: 0),
    ]

    public static func cells(_ secret: Secret, now: Time) -> [String] {
        [
            secret.metadata.name,
            secret.type,
            "\(secret.data.count)",
            PodPrinter.age(since: secret.metadata.creationTimestamp, now: now),
        ]
    }
}
