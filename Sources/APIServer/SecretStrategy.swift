// Stage 2 · APIServer: what the API server does to a Secret on create and update.
//
// Kubernetes' secret strategy (`pkg/registry/core/secret/strategy.go`) with the part of
// the v1 conversion that every client notices: `stringData` is merged into `data` (a
// `stringData` key wins) and dropped, on every write, so it is never stored nor read
// back. `type` defaults to `Opaque` and may not change; keys follow the ConfigMap rules;
// an `immutable` Secret keeps its data. The type-specific checks (a `kubernetes.io/tls`
// Secret must hold `tls.crt` and `tls.key`, …) are left out.

import API
import APIMachinery
import ClusterKinds

/// Kubernetes' Secret strategy, in part.
public enum SecretStrategy: RESTStrategy {
    public static func prepareForCreate(_ secret: inout Secret) {
        mergeStringData(&secret)
        if secret.type.isEmpty { secret.type = Secret.opaque }
    }

    public static func prepareForUpdate(_ secret: inout Secret, old: Secret) {
        secret.metadata.keepSystemFields(from: old.metadata)
        mergeStringData(&secret)
        if secret.type.isEmpty { secret.type = Secret.opaque }
    }

    /// Moves `stringData` into `data`, as Kubernetes' conversion from v1 does.
    static func mergeStringData(_ secret: inout Secret) {
        for (key, value) in secret.stringData {
            secret.data[key] = Base64Bytes(value)
        }
        secret.stringData = [:]
    }

    public static func validate(_ secret: Secret) -> [FieldError] {
        var errors = ConfigMapStrategy.nameErrors(secret.metadata.name)
        for key in secret.data.keys.sorted() {
            errors += ConfigMapStrategy.configKeyErrors(key, field: "data[\(key)]")
        }
        return errors
    }

    public static func validateUpdate(_ secret: Secret, old: Secret) -> [FieldError] {
        var errors = validate(secret)
        if secret.metadata.name != old.metadata.name {
            errors.append(FieldError(.invalid, "metadata.name", value: secret.metadata.name, "field is immutable"))
        }
        if secret.type != old.type {
            errors.append(FieldError(.invalid, "type", value: secret.type, "field is immutable"))
        }
        if old.immutable == true {
            if secret.immutable != true { errors.append(FieldError(.forbidden, "immutable", ConfigMapStrategy.immutableMessage)) }
            if secret.data != old.data { errors.append(FieldError(.forbidden, "data", ConfigMapStrategy.immutableMessage)) }
        }
        return errors
    }

    /// Secrets can be selected by `type` too (`SecretSelectableFields`).
    public static var selectableFieldNames: Set<String> { Set(selectableFields(Secret()).keys) }
    public static func selectableFields(_ secret: Secret) -> [String: String] {
        ["metadata.name": secret.metadata.name, "metadata.namespace": secret.metadata.namespace, "type": secret.type]
    }

    public static var columns: [TableColumnDefinition] { SecretPrinter.columns }
    public static func cells(_ secret: Secret, now: Time) -> [String] { SecretPrinter.cells(secret, now: now) }
}
