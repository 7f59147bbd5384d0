// Stage 2 · APIServer: a ConfigMap as one row of `kubectl get configmaps`.
//
// A port of `printConfigMap` from Kubernetes' `printers.go`: the name, DATA (the number of
// keys in `data` and `binaryData` together) and the age.

import API
import APIMachinery
import ClusterKinds

/// The columns and cells of configmaps in `kubectl get`.
public enum ConfigMapPrinter {
    public static let columns: [APIMachinery.TableColumnDefinition] = [
        .init(name: "Name", type: "string", format: "name", description: "Name must be unique within a namespace.", priority: 0),
        .init(name: "Data", type: "string", description: "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process.", priority: 0),
        .init(name: "Age", type: "string", description: "CreationTimestamp is a timestamp representing the server time when this object was created.", priority: 0),
    ]

    public static func cells(_ configMap: ConfigMap, now: Time) -> [String] {
        [
            configMap.metadata.name,
            "\(configMap.data.count + configMap.binaryData.count)",
            PodPrinter.age(since: configMap.metadata.creationTimestamp, now: now),
        ]
    }
}
