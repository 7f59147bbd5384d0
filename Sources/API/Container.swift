// Stage 1 · API: one container of a pod (core/v1 `Container`).
//
// What to run (image, command, args, workingDir, env), what it needs (resources,
// volumeMounts, ports), and how the kubelet watches it (probes). Left out for now, and
// dropped when decoding: envFrom, env[].valueFrom, securityContext,
// volumeDevices, resizePolicy, restartPolicy (sidecars).

/// A container the kubelet runs for a pod, through the container runtime.
public struct Container: Sendable, Hashable {
    /// The container's name, unique within the pod.
    public var name: String
    public var image: String
    /// The entrypoint; when empty, the image's own.
    public var command: [String]
    /// Arguments to the entrypoint; when empty, the image's own.
    public var args: [String]
    /// The working directory; when empty, the image's own.
    public var workingDir: String
    /// Ports the container listens on; informational, and names for probes.
    public var ports: [ContainerPort]
    public var env: [EnvVar]
    /// CPU and memory requests and limits.
    public var resources: ResourceRequirements
    /// Volumes mounted into the container's filesystem.
    public var volumeMounts: [VolumeMount]
    /// Restarts the container when it fails.
    public var livenessProbe: Probe?
    /// Takes the pod out of service while it fails.
    public var readinessProbe: Probe?
    /// Holds off the other probes until it succeeds once.
    public var startupProbe: Probe?
    /// Where the container may write a message about its termination.
    public var terminationMessagePath: String
    /// Where the termination message comes from.
    public var terminationMessagePolicy: TerminationMessagePolicy?
    /// When to pull the image.
    public var imagePullPolicy: PullPolicy?
    /// Keep standard input open.
    public var stdin: Bool
    /// Close standard input after the first attach.
    public var stdinOnce: Bool
    /// Allocate a terminal.
    public var tty: Bool
    /// Hooks the kubelet runs after the container starts and before it stops.
    public var lifecycle: Lifecycle? = nil

    /// Makes a container; every field defaults to Go's zero value.
    public init(
        name: String = "", image: String = "", command: [String] = [], args: [String] = [],
        workingDir: String = "", ports: [ContainerPort] = [], env: [EnvVar] = [],
        resources: ResourceRequirements = ResourceRequirements(), volumeMounts: [VolumeMount] = [],
        livenessProbe: Probe? = nil, readinessProbe: Probe? = nil, startupProbe: Probe? = nil,
        terminationMessagePath: String = "", terminationMessagePolicy: TerminationMessagePolicy? = nil,
        imagePullPolicy: PullPolicy? = nil, stdin: Bool = false, stdinOnce: Bool = false, tty: Bool = false
    ) {
        self.name = name
        self.image = image
        self.command = command
        self.args = args
        self.workingDir = workingDir
        self.ports = ports
        self.env = env
        self.resources = resources
        self.volumeMounts = volumeMounts
        self.livenessProbe = livenessProbe
        self.readinessProbe = readinessProbe
        self.startupProbe = startupProbe
        self.terminationMessagePath = terminationMessagePath
        self.terminationMessagePolicy = terminationMessagePolicy
        self.imagePullPolicy = imagePullPolicy
        self.stdin = stdin
        self.stdinOnce = stdinOnce
        self.tty = tty
    }
}

extension Container: APIFields {
    public static let zero = Container()
    public static let fields: [JSONField<Container>] = [
        .always("name", \.name),
        .omitEmpty("image", \.image),
        .omitEmpty("command", \.command),
        .omitEmpty("args", \.args),
        .omitEmpty("workingDir", \.workingDir),
        .omitEmpty("ports", \.ports),
        .omitEmpty("env", \.env),
        .structure("resources", \.resources),  // kubectl shows `"resources": {}`
        .omitEmpty("volumeMounts", \.volumeMounts),
        .pointer("livenessProbe", \.livenessProbe),
        .pointer("readinessProbe", \.readinessProbe),
        .pointer("startupProbe", \.startupProbe),
        .pointer("lifecycle", \.lifecycle),
        .omitEmpty("terminationMessagePath", \.terminationMessagePath),
        .member("terminationMessagePolicy", \.terminationMessagePolicy),
        .member("imagePullPolicy", \.imagePullPolicy),
        .omitEmpty("stdin", \.stdin),
        .omitEmpty("stdinOnce", \.stdinOnce),
        .omitEmpty("tty", \.tty),
    ]
}
