// Stage 1 · API: one container of a pod (core/v1 `Container`).
//
// What to run (image, command, args, workingDir, env), what it needs (resources,
// volumeMounts, ports), how the kubelet watches it (probes), and its privileges
// (securityContext). Left out for now, and reported as unknown fields by the API
// server's field validation: none of core/v1's container fields.
//
// Each field's meaning is written once, as the description in the field table below;
// that is what `kubectl explain pod.spec.containers` prints.

/// A container the kubelet runs for a pod, through the container runtime.
public struct Container: Sendable, Hashable {
    public var name: String
    public var image: String
    public var command: [String]
    public var args: [String]
    public var workingDir: String
    public var ports: [ContainerPort]
    public var envFrom: [EnvFromSource]
    public var env: [EnvVar]
    public var resources: ResourceRequirements
    public var volumeMounts: [VolumeMount]
    public var livenessProbe: Probe?
    public var readinessProbe: Probe?
    public var startupProbe: Probe?
    public var terminationMessagePath: String
    public var terminationMessagePolicy: TerminationMessagePolicy?
    public var imagePullPolicy: PullPolicy?
    public var stdin: Bool
    public var stdinOnce: Bool
    public var tty: Bool
    // Fields no initializer argument sets: Go's zero values.
    public var resizePolicy: [ContainerResizePolicy] = []
    public var restartPolicy: ContainerRestartPolicy?
    public var volumeDevices: [VolumeDevice] = []
    public var securityContext: SecurityContext?
    public var lifecycle: Lifecycle?

    /// Makes a container; every field defaults to Go's zero value.
    public init(
        name: String = "", image: String = "", command: [String] = [], args: [String] = [],
        workingDir: String = "", ports: [ContainerPort] = [], envFrom: [EnvFromSource] = [], env: [EnvVar] = [],
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
        self.envFrom = envFrom
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
    public static let typeDescription = "One container of a pod: the image to run, its command, environment, resources, probes and privileges."
    public static let zero = Container()
    public static let fields: [JSONField<Container>] = [
        .always("name", \.name, "The container's name, unique within the pod (a DNS label)."),
        .omitEmpty("image", \.image, "The image to run, such as busybox:1.36 or registry.example/app@sha256:…"),
        .omitEmpty("command", \.command,
                   "The program to run and its first arguments; the image's entrypoint when empty. $(VAR) expands."),
        .omitEmpty("args", \.args, "Arguments to the command; the image's own when empty. $(VAR) expands."),
        .omitEmpty("workingDir", \.workingDir, "The working directory; the image's own when empty."),
        .omitEmpty("ports", \.ports, "Ports the container listens on: informational, and names that probes and Services can use."),
        .omitEmpty("envFrom", \.envFrom,
                   "Whole ConfigMaps and Secrets as environment variables, read before env, whose entries win."),
        .omitEmpty("env", \.env, "Environment variables to set in the container."),
        .structure("resources", \.resources, "CPU and memory the container requests (reserved) and is limited to."),  // kubectl shows `"resources": {}`
        .omitEmpty("resizePolicy", \.resizePolicy, "Per resource, whether resizing it in place restarts the container."),
        .pointer("restartPolicy", \.restartPolicy, "Only for init containers: Always makes one a sidecar, run beside the app containers."),
        .omitEmpty("volumeMounts", \.volumeMounts, "The pod's volumes mounted into the container's filesystem."),
        .omitEmpty("volumeDevices", \.volumeDevices, "The pod's block volumes given to the container as devices."),
        .pointer("livenessProbe", \.livenessProbe, "A check that restarts the container when it fails."),
        .pointer("readinessProbe", \.readinessProbe, "A check that takes the pod out of service while it fails."),
        .pointer("startupProbe", \.startupProbe, "A check that holds off the other probes until it succeeds once."),
        .pointer("lifecycle", \.lifecycle, "Hooks the kubelet runs just after the container starts and just before it is stopped."),
        .omitEmpty("terminationMessagePath", \.terminationMessagePath,
                   "A file the container may write a message to when it ends; /dev/termination-log by default."),
        .member("terminationMessagePolicy", \.terminationMessagePolicy,
                "Where the termination message comes from: File (the default), or FallbackToLogsOnError."),
        .member("imagePullPolicy", \.imagePullPolicy,
                "When the image is pulled: Always, Never or IfNotPresent; Always for :latest or no tag, else IfNotPresent."),
        .pointer("securityContext", \.securityContext, "The container's privileges; overrides the pod's securityContext."),
        .omitEmpty("stdin", \.stdin, "Keep a standard input open for the container (kubectl attach)."),
        .omitEmpty("stdinOnce", \.stdinOnce, "Close standard input after the first attached client leaves."),
        .omitEmpty("tty", \.tty, "Give the container a terminal; needs stdin."),
    ]
}
