// Stage 1 · API: the checks of env sources and of configMap, secret and downwardAPI volumes.
//
// Kubernetes' `validateEnvVarValueFrom`, `validateEnvFrom` and the volume source checks,
// for the sources this series models: each `valueFrom` and `envFrom` names exactly one
// source, a downward API path is one the kubelet can fill in (env and volumes allow
// different ones), a resource is one of the container's, a ConfigMap or Secret key
// follows the config key rule, and a volume file's path stays inside the volume.

extension PodValidation {
    /// The downward API paths an env variable may use (labels and annotations by subscript only).
    static let envFieldPaths = ["metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName",
                                "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"]
    /// The downward API paths a volume file may use.
    static let volumeFieldPaths = ["metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"]
    /// The resources a `resourceFieldRef` may name.
    static let resourceFieldNames = ["limits.cpu", "limits.ephemeral-storage", "limits.memory",
                                     "requests.cpu", "requests.ephemeral-storage", "requests.memory"]

    /// Every problem with one container's `env[].valueFrom` and `envFrom`.
    static func validateEnvSources(_ container: Container, path: String) -> [FieldError] {
        var errors: [FieldError] = []
        for (index, variable) in container.env.enumerated() {
            guard let from = variable.valueFrom else { continue }
            let field = "\(path).env[\(index)].valueFrom"
            let count = [from.fieldRef != nil, from.resourceFieldRef != nil, from.configMapKeyRef != nil, from.secretKeyRef != nil]
                .filter { $0 }.count
            if !variable.value.isEmpty {
                errors.append(FieldError(.invalid, field, value: "", "may not be specified when `value` is not empty"))
            }
            if count == 0 {
                errors.append(FieldError(.invalid, field, value: "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"))
            } else if count > 1 {
                errors.append(FieldError(.invalid, field, value: "", "may not have more than one field specified at a time"))
            }
            if let selector = from.fieldRef {
                errors += validate(selector, path: "\(field).fieldRef", allowed: envFieldPaths)
            }
            if let selector = from.resourceFieldRef {
                errors += validate(selector, path: "\(field).resourceFieldRef")
            }
            if let selector = from.configMapKeyRef {
                errors += validateKeyReference(name: selector.name, key: selector.key, path: "\(field).configMapKeyRef")
            }
            if let selector = from.secretKeyRef {
                errors += validateKeyReference(name: selector.name, key: selector.key, path: "\(field).secretKeyRef")
            }
        }
        for (index, source) in container.envFrom.enumerated() {
            let field = "\(path).envFrom[\(index)]"
            switch (source.configMapRef, source.secretRef) {
            case (nil, nil):
                errors.append(FieldError(.invalid, field, value: "", "must specify one of: `configMapRef` or `secretRef`"))
            case (.some, .some):
                errors.append(FieldError(.invalid, field, value: "", "may not have more than one field specified at a time"))
            case (let configMap?, nil) where configMap.name.isEmpty:
                errors.append(FieldError(.required, "\(field).configMapRef.name"))
            case (nil, let secret?) where secret.name.isEmpty:
                errors.append(FieldError(.required, "\(field).secretRef.name"))
            default:
                break
            }
        }
        return errors
    }

    /// Every problem with the configMap, secret or downwardAPI source of the volume at `path`.
    static func validateFileSource(_ source: VolumeSource, path: String) -> [FieldError] {
        var errors: [FieldError] = []
        if let configMap = source.configMap {
            if configMap.name.isEmpty { errors.append(FieldError(.required, "\(path).configMap.name")) }
            errors += validate(configMap.items, defaultMode: configMap.defaultMode, path: "\(path).configMap")
        }
        if let secret = source.secret {
            if secret.secretName.isEmpty { errors.append(FieldError(.required, "\(path).secret.secretName")) }
            errors += validate(secret.items, defaultMode: secret.defaultMode, path: "\(path).secret")
        }
        if let downwardAPI = source.downwardAPI {
            errors += validateMode(downwardAPI.defaultMode, path: "\(path).downwardAPI.defaultMode")
            for (index, item) in downwardAPI.items.enumerated() {
                let field = "\(path).downwardAPI.items[\(index)]"
                errors += validateRelativePath(item.path, path: "\(field).path")
                switch (item.fieldRef, item.resourceFieldRef) {
                case (let selector?, nil): errors += validate(selector, path: "\(field).fieldRef", allowed: volumeFieldPaths)
                case (nil, let selector?): errors += validate(selector, path: "\(field).resourceFieldRef")
                case (.some, .some):
                    errors.append(FieldError(.invalid, field, value: "", "fieldRef and resourceFieldRef can not be specified simultaneously"))
                case (nil, nil):
                    errors.append(FieldError(.required, field, "one of fieldRef and resourceFieldRef is required"))
                }
                errors += validateMode(item.mode, path: "\(field).mode")
            }
        }
        return errors
    }

    private static func validate(_ selector: ObjectFieldSelector, path: String, allowed: [String]) -> [FieldError] {
        let fieldPath = selector.fieldPath
        if fieldPath.isEmpty { return [FieldError(.required, "\(path).fieldPath")] }
        if selector.apiVersion.isEmpty { return [FieldError(.required, "\(path).apiVersion")] }
        for prefix in ["metadata.labels", "metadata.annotations"] where fieldPath.hasPrefix(prefix + "['") && fieldPath.hasSuffix("']") {
            return []
        }
        guard allowed.contains(fieldPath) else {
            let supported = allowed.map { "\"\($0)\"" }.joined(separator: ", ")
            return [FieldError(.notSupported, "\(path).fieldPath", value: fieldPath, "supported values: \(supported)")]
        }
        return []
    }

    private static func validate(_ selector: ResourceFieldSelector, path: String) -> [FieldError] {
        if selector.resource.isEmpty { return [FieldError(.required, "\(path).resource")] }
        guard resourceFieldNames.contains(selector.resource) else {
            let supported = resourceFieldNames.map { "\"\($0)\"" }.joined(separator: ", ")
            return [FieldError(.notSupported, "\(path).resource", value: selector.resource, "supported values: \(supported)")]
        }
        return []
    }

    private static func validateKeyReference(name: String, key: String, path: String) -> [FieldError] {
        var errors: [FieldError] = []
        if name.isEmpty { errors.append(FieldError(.required, "\(path).name")) }
        if key.isEmpty {
            errors.append(FieldError(.required, "\(path).key"))
        } else {
            errors += NameValidation.configKey(key).map { FieldError(.invalid, "\(path).key", value: key, $0) }
        }
        return errors
    }

    private static func validate(_ items: [KeyToPath], defaultMode: Int32?, path: String) -> [FieldError] {
        var errors = validateMode(defaultMode, path: "\(path).defaultMode")
        for (index, item) in items.enumerated() {
            let field = "\(path).items[\(index)]"
            if item.key.isEmpty { errors.append(FieldError(.required, "\(field).key")) }
            errors += validateRelativePath(item.path, path: "\(field).path")
            errors += validateMode(item.mode, path: "\(field).mode")
        }
        return errors
    }

    /// Kubernetes' `validateLocalNonReservedPath`: relative, no `..` element, not starting with `..`.
    private static func validateRelativePath(_ relative: String, path: String) -> [FieldError] {
        if relative.isEmpty { return [FieldError(.required, path)] }
        var errors: [FieldError] = []
        if relative.hasPrefix("/") { errors.append(FieldError(.invalid, path, value: relative, "must be a relative path")) }
        if relative.split(separator: "/").contains("..") {
            errors.append(FieldError(.invalid, path, value: relative, "must not contain '..'"))
        } else if relative.hasPrefix("..") {
            errors.append(FieldError(.invalid, path, value: relative, "must not start with '..'"))
        }
        return errors
    }

    private static func validateMode(_ mode: Int32?, path: String) -> [FieldError] {
        guard let mode, !(0...0o777).contains(mode) else { return [] }
        return [FieldError(.invalid, path, number: mode, "must be a number between 0 and 0777 (octal), both inclusive")]
    }
}

extension VolumeSource {
    /// How many sources are set; Kubernetes allows exactly one.
    var memberCount: Int {
        [hostPath != nil, emptyDir != nil, secret != nil, downwardAPI != nil, configMap != nil].filter { $0 }.count
    }
}
