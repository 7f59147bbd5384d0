// Stage 1 · Kubelet: a container's environment, as the kubelet computes it at each start.
//
// Kubernetes' `makeEnvironmentVariables`, in its order:
//
//   1. every `envFrom` source, in order: each key of the ConfigMap or Secret becomes a
//      variable (with the source's `prefix`); a later source overrides an earlier one;
//   2. then every `env` entry, in order, overriding what came before: a literal `value`
//      with its `$(NAME)` references expanded against the variables defined so far
//      (`EnvExpansion`), or a `valueFrom`: the downward API, a resource, or one key of a
//      ConfigMap or Secret.
//
// A ConfigMap or Secret that does not exist, or a key it does not have, is an error
// unless the reference is `optional`; the error is the container's waiting message, with
// reason `CreateContainerConfigError`, and the kubelet tries again at the next sync, so
// creating the ConfigMap later starts the container. The messages are Kubernetes' own:
// `configmap "x" not found`, `couldn't find key mode in ConfigMap default/x`.
//
// Objects are read once per start, even when several variables name the same one. The
// container's `command` and `args` are expanded against the result, as Kubernetes does.

import API
import CRI

/// Builds one container's environment for one start.
struct ContainerEnvironment {
    let pod: Pod
    let downwardAPI: DownwardAPI
    let configObjects: any ConfigObjectManager

    /// The container's variables, in order, each name once; throws the message of the
    /// first reference that cannot be resolved.
    func variables(for container: Container) async throws -> [KeyValue] {
        var values = OrderedVariables()
        var configMaps: [String: ConfigMapContents] = [:]
        var secrets: [String: [String: [UInt8]]] = [:]
        let namespace = pod.metadata.namespace

        func configMap(_ name: String, optional: Bool?) async throws -> ConfigMapContents? {
            if let cached = configMaps[name] { return cached }
            let contents = try await configObjects.configMap(namespace: namespace, name: name, optional: optional)
            configMaps[name] = contents
            return contents
        }
        func secret(_ name: String, optional: Bool?) async throws -> [String: [UInt8]]? {
            if let cached = secrets[name] { return cached }
            let data = try await configObjects.secret(namespace: namespace, name: name, optional: optional)
            secrets[name] = data
            return data
        }

        for source in container.envFrom {
            if let reference = source.configMapRef, let contents = try await configMap(reference.name, optional: reference.optional) {
                for key in contents.data.keys.sorted() { values.set(source.prefix + key, contents.data[key]!) }
            } else if let reference = source.secretRef, let data = try await secret(reference.name, optional: reference.optional) {
                for key in data.keys.sorted() { values.set(source.prefix + key, String(decoding: data[key]!, as: UTF8.self)) }
            }
        }
        for variable in container.env {
            guard variable.value.isEmpty, let from = variable.valueFrom else {
                values.set(variable.name, EnvExpansion.expand(variable.value, with: values.lookup))
                continue
            }
            if let selector = from.fieldRef {
                values.set(variable.name, try downwardAPI.value(of: selector))
            } else if let selector = from.resourceFieldRef {
                values.set(variable.name, try downwardAPI.value(of: selector, for: container))
            } else if let selector = from.configMapKeyRef {
                guard let contents = try await configMap(selector.name, optional: selector.optional) else { continue }
                guard let value = contents.data[selector.key] else {
                    if selector.optional == true { continue }
                    throw KubeletError("couldn't find key \(selector.key) in ConfigMap \(namespace)/\(selector.name)")
                }
                values.set(variable.name, value)
            } else if let selector = from.secretKeyRef {
                guard let data = try await secret(selector.name, optional: selector.optional) else { continue }
                guard let value = data[selector.key] else {
                    if selector.optional == true { continue }
                    throw KubeletError("couldn't find key \(selector.key) in Secret \(namespace)/\(selector.name)")
                }
                values.set(variable.name, String(decoding: value, as: UTF8.self))
            }
        }
        return values.pairs
    }
}

/// Variables in the order they were first defined; setting one again replaces its value.
private struct OrderedVariables {
    private var names: [String] = []
    private var values: [String: String] = [:]

    mutating func set(_ name: String, _ value: String) {
        if values.updateValue(value, forKey: name) == nil { names.append(name) }
    }

    func lookup(_ name: String) -> String? { values[name] }

    var pairs: [KeyValue] { names.map { KeyValue(key: $0, value: values[$0]!) } }
}
