// Stage 2 · APIServer: the fields of core/v1 that Kubernetes knows and this series does not model.
//
// A field missing from a type's table is unknown to this API server. Most such fields
// are typos, and field validation treats them as Kubernetes does (`FieldValidation`).
// But some are real core/v1 fields that the model leaves out (a gRPC probe, a pod's
// ephemeral containers, volume sources no kubelet here can mount): refusing them would
// refuse manifests that work on Kubernetes, and dropping them silently would lose what
// the user wrote. So they are accepted, even under Strict, and each is reported in a
// `Warning` header of our own wording:
//
//   field "spec.containers[0].livenessProbe.grpc" is not modelled by this API server and was dropped
//
// The list is by the Swift type whose table lacks the field. A field that a later change
// adds to a table is found there first, so an entry left behind here does no harm.

enum UnmodelledFields {
    /// core/v1 and meta/v1 field names by the Swift type that would hold them.
    static let byType: [String: Set<String>] = [
        "ObjectMeta": ["managedFields", "selfLink"],
        "PodSpec": ["ephemeralContainers", "resourceClaims", "resources", "hostnameOverride"],
        "Probe": ["grpc"],
        "ResourceRequirements": ["claims"],
        "VolumeMount": ["mountPropagation", "recursiveReadOnly", "subPathExpr"],
        "PodSecurityContext": ["seLinuxChangePolicy"],
        "PodStatus": ["nominatedNodeName", "ephemeralContainerStatuses", "resize", "resourceClaimStatuses", "observedGeneration"],
        "Volume": [
            "awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder", "csi",
            "ephemeral", "fc", "flexVolume", "flocker", "gcePersistentDisk", "gitRepo", "glusterfs", "image", "iscsi",
            "nfs", "persistentVolumeClaim", "photonPersistentDisk", "portworxVolume", "projected", "quobyte", "rbd",
            "scaleIO", "storageos", "vsphereVolume",
        ],
    ]

    /// Whether `name`, unknown to the table of `owner`, is a field Kubernetes has there.
    static func contains(_ name: String, in owner: String) -> Bool {
        byType[owner]?.contains(name) ?? false
    }

    /// The warning for one such field at `path`.
    static func warning(_ path: String) -> String {
        "field \"\(path)\" is not modelled by this API server and was dropped"
    }
}
