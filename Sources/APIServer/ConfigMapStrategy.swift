// Stage 2 · APIServer: what the API server checks of a ConfigMap on create and update.
//
// Kubernetes' configmap strategy (`pkg/registry/core/configmap/strategy.go`) and
// `ValidateConfigMap`: every key is a valid config key (it becomes a file name in a
// volume, and often a variable name), no key is in both `data` and `binaryData`, and a
// ConfigMap that was `immutable` keeps its data and stays immutable. The same key rules
// apply to a Secret's keys (`SecretStrategy`).

import API
import APIMachinery
import ClusterKinds

/// Kubernetes' ConfigMap strategy, in part.
public enum ConfigMapStrategy: RESTStrategy {
    public static func validate(_ configMap: ConfigMap) -> [FieldError] {
        var errors = nameErrors(configMap.metadata.name)
        for key in configMap.data.keys.sorted() {
            errors += configKeyErrors(key, field: "data[\(key)]")
        }
        for key in configMap.binaryData.keys.sorted() {
            errors += configKeyErrors(key, field: "binaryData[\(key)]")
            if configMap.data[key] != nil {
                errors.append(FieldError(.invalid, "data[\(key)]", value: key, "duplicate of key present in binaryData"))
            }
        }
        return errors
    }

    public static func validateUpdate(_ configMap: ConfigMap, old: ConfigMap) -> [FieldError] {
        var errors = validate(configMap)
        if configMap.metadata.name != old.metadata.name {
            errors.append(FieldError(.invalid, "metadata.name", value: configMap.metadata.name, "field is immutable"))
        }
        if old.immutable == true {
            if configMap.immutable != true { errors.append(FieldError(.forbidden, "immutable", immutableMessage)) }
            if configMap.data != old.data { errors.append(FieldError(.forbidden, "data", immutableMessage)) }
            if configMap.binaryData != old.binaryData { errors.append(FieldError(.forbidden, "binaryData", immutableMessage)) }
        }
        return errors
    }

    public static var columns: [TableColumnDefinition] { ConfigMapPrinter.columns }
    public static func cells(_ configMap: ConfigMap, now: Time) -> [String] { ConfigMapPrinter.cells(configMap, now: now) }

    /// Kubernetes' words for a change to an immutable ConfigMap or Secret.
    public static let immutableMessage = "field is immutable when `immutable` is set"

    /// The default name rule: a DNS subdomain.
    static func nameErrors(_ name: String) -> [FieldError] {
        if name.isEmpty { return [FieldError(.required, "metadata.name", "name or generateName is required")] }
        return NameValidation.subdomain(name).map { FieldError(.invalid, "metadata.name", value: name, $0) }
    }

    /// A key's problems (`NameValidation.configKey`) as field errors of `field`.
    static func configKeyErrors(_ key: String, field: String) -> [FieldError] {
        NameValidation.configKey(key).map { FieldError(.invalid, field, value: key, $0) }
    }
}
