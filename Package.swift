// swift-tools-version: 6.0
//
// Kubernetes, rebuilt from the ground up in Swift.
//
// Reading this file is reading the series. Each library module is one component of a
// Kubernetes cluster, or one piece a component stands on, and belongs to exactly one
// stage. A stage that grows a component adds a module for what it adds (`KubeletAPI`
// beside `Kubelet`), so each stage's executable links the modules of its stage and of the
// stages before it, and nothing else. The dependency lists are the cluster's boundaries
// made into compile-time facts: the kubelet cannot reach into the API server's storage,
// because it does not import it. `swift run stages check` proves both rules.
//
// The package is compiled in the Swift 6 language mode (`swiftLanguageModes` below),
// which turns on strict concurrency checking for every module.

import PackageDescription

let package = Package(
    name: "KubernetesInSwift",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "stage1", targets: ["stage1"]),
        .executable(name: "stage2", targets: ["stage2"]),
        .executable(name: "stage3", targets: ["stage3"]),
        .executable(name: "stage4", targets: ["stage4"]),
        .executable(name: "stages", targets: ["stages"]),
    ],
    targets: [
        // MARK: Stage 1 · the kubelet and the pieces it stands on

        /// Things every component receives: the logger, duration parsing, flags, signals.
        .target(name: "Common"),
        /// A YAML reader for the YAML that Kubernetes manifests use.
        .target(name: "YAML"),
        /// Kubernetes' object model for a pod (ObjectMeta, Pod, Container…) in Kubernetes' JSON.
        .target(name: "API"),
        /// Manifest text to typed objects, with errors that name the file, line and field.
        .target(name: "Manifests", dependencies: ["YAML", "API"]),
        /// A small HTTP/1.1 server, written here rather than imported.
        .target(name: "HTTP", dependencies: ["Common"]),
        /// The container runtime interface (Kubernetes' CRI): all the kubelet knows of runtimes.
        .target(name: "CRI"),
        /// A runtime behind the CRI that runs each container as a process group.
        .target(name: "ProcessRuntime", dependencies: ["Common", "CRI"]),
        /// The kubelet: runs the pods of one node. It sees runtimes only through the CRI.
        .target(name: "Kubelet", dependencies: ["Common", "API", "Manifests", "HTTP", "CRI"]),
        .executableTarget(
            name: "stage1",
            dependencies: ["Common", "YAML", "API", "Kubelet", "ProcessRuntime"],
            path: "Stages/Stage1",
            exclude: ["README.md", "manifests"]
        ),

        // MARK: Stage 2 · the API server, and a kubelet that takes its orders from it

        /// Durable storage for the API server: nothing acknowledged is lost.
        .target(name: "Storage", dependencies: ["Common"]),
        /// What every API shares: Status errors, lists, tables, discovery, selectors, patches.
        .target(name: "APIMachinery", dependencies: ["API"]),
        /// The kinds a cluster adds around its pods: Node, Namespace, Event, ConfigMap, Secret, ServiceAccount,
        /// and the requests that are not stored (Eviction, the self-reviews of `kubectl auth`).
        .target(name: "ClusterKinds", dependencies: ["API", "APIMachinery"]),
        /// An HTTP/1.1 client with keep-alive and streaming, beside stage 1's server.
        .target(name: "HTTPClient", dependencies: ["Common", "HTTP"]),
        /// The API client: how every component but the API server reads and writes the cluster.
        .target(name: "Client", dependencies: ["Common", "API", "APIMachinery", "ClusterKinds", "HTTPClient"]),
        /// The API server: the cluster's front door, the only component that touches storage.
        .target(
            name: "APIServer",
            dependencies: ["Common", "API", "APIMachinery", "ClusterKinds", "Manifests", "HTTP", "HTTPClient", "Storage"]
        ),
        /// The kubelet's side of the API server: its pods, its node, their statuses, events.
        .target(name: "KubeletAPI", dependencies: ["Common", "API", "APIMachinery", "ClusterKinds", "Client", "Kubelet"]),
        .executableTarget(
            name: "stage2",
            dependencies: ["Common", "API", "Storage", "APIServer", "Client", "Kubelet", "KubeletAPI", "ProcessRuntime"],
            path: "Stages/Stage2",
            exclude: ["README.md", "manifests"]
        ),

        // MARK: Stage 3 · the store remembers, and everyone watches

        /// The store's recent past: every write an event, watches from any recent revision, compaction.
        .target(name: "StoreWatch", dependencies: ["Common", "Storage"]),

        /// Clients that list and watch, shaped like client-go: the client's watch, Reflector, Indexer, SharedInformer.
        .target(name: "Informers", dependencies: ["Common", "API", "APIMachinery", "HTTP", "HTTPClient", "Client"]),

        /// The API server's watch from the store's history: resourceVersion rules, 410 Expired, selectors, bookmarks.
        .target(name: "WatchCache", dependencies: ["API", "APIMachinery", "Storage", "APIServer", "StoreWatch"]),

        /// Group commit for the durable store: concurrent writes share one fsync, none answered before it is on disk.
        .target(name: "GroupCommit", dependencies: ["Storage"]),

        /// `swift run -c release bench store`: this stage's figures on this machine, beside etcd's when installed.
        .executableTarget(
            name: "bench",
            dependencies: ["Common", "API", "Manifests", "Storage", "GroupCommit", "StoreWatch", "APIServer", "WatchCache",
                           "HTTP", "HTTPClient"],
            path: "Stages/Benchmarks"
        ),

        /// The store kept in a real etcd cluster, over etcd's JSON gateway, with failover across members.
        .target(name: "EtcdStore", dependencies: ["Common", "HTTP", "HTTPClient", "Storage", "StoreWatch"]),

        /// The kubelet on an informer: its node's pods from one list and one watch, so it acts on each change at once.
        .target(name: "KubeletInformers", dependencies: ["Common", "API", "APIMachinery", "Client", "Kubelet", "KubeletAPI", "Informers"]),
        .executableTarget(
            name: "stage3",
            dependencies: [
                "Common", "API", "Storage", "GroupCommit", "StoreWatch", "EtcdStore", "APIServer", "WatchCache", "Client",
                "Kubelet", "KubeletAPI", "KubeletInformers", "ProcessRuntime",
            ],
            path: "Stages/Stage3",
            exclude: ["README.md", "manifests"]
        ),

        // MARK: Stage 4 · the scheduler, on a cluster of several nodes

        /// The kinds scheduling adds: Binding (the scheduler's decision), PriorityClass, and Lease (leader election, node heartbeats).
        .target(name: "SchedulingKinds", dependencies: ["API", "APIMachinery", "ClusterKinds"]),

        /// The API server's side of scheduling: pods/binding, PriorityClass and Lease storage, Priority admission.
        .target(
            name: "SchedulingRegistry",
            dependencies: ["Common", "API", "APIMachinery", "ClusterKinds", "SchedulingKinds", "APIServer", "HTTP", "Storage"]
        ),

        /// The scheduler's framework: extension points, node infos, the cache, and the cycle that places one pod.
        .target(name: "SchedulerFramework", dependencies: ["Common", "API", "APIMachinery", "ClusterKinds", "SchedulingKinds"]),

        /// Kubernetes' default scheduler plugins, one a file, registered in Kubernetes' order with its weights.
        .target(
            name: "SchedulerPlugins",
            dependencies: ["Common", "API", "APIMachinery", "ClusterKinds", "SchedulingKinds", "SchedulerFramework"]
        ),

        /// kube-scheduler: the queue, the cache's feeders, the scheduling loop.
        .target(
            name: "Scheduler",
            dependencies: ["Common", "API", "APIMachinery", "ClusterKinds", "SchedulingKinds", "Client", "Informers",
                           "SchedulerFramework", "SchedulerPlugins"]
        ),

        /// Leader election over a Lease, as client-go's: one copy of a component works, the others wait to take over.
        .target(name: "LeaderElection", dependencies: ["Common", "API", "APIMachinery", "ClusterKinds", "Client", "SchedulingKinds"]),

        /// The node as the scheduler sees it: its advertised capacity, labels and taints, and its Lease.
        .target(
            name: "KubeletNodes",
            dependencies: ["Common", "API", "APIMachinery", "ClusterKinds", "SchedulingKinds", "Client", "Kubelet", "KubeletAPI"]
        ),

        .executableTarget(
            name: "stage4",
            dependencies: [
                "Common", "API", "Storage", "GroupCommit", "StoreWatch", "EtcdStore", "APIServer", "WatchCache", "Client", "HTTPClient",
                "Kubelet", "KubeletAPI", "KubeletInformers", "ProcessRuntime", "SchedulingKinds", "SchedulingRegistry",
                "SchedulerFramework", "SchedulerPlugins", "Scheduler", "LeaderElection", "KubeletNodes",
            ],
            path: "Stages/Stage4",
            exclude: ["README.md"]
        ),

        // MARK: The series' own tool

        /// `swift run stages diff 1 2`: what each stage adds; `stages check`: the boundaries hold.
        .executableTarget(name: "stages", path: "Stages/SeriesTool"),

        // MARK: Tests: one target per stage; later stages re-run earlier stages' suites.

        /// What every stage's end-to-end tests share: running binaries, notebooks, waiting.
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        .testTarget(
            name: "Stage1Tests",
            dependencies: ["TestSupport", "Common", "YAML", "API", "Manifests", "HTTP", "CRI", "ProcessRuntime", "Kubelet"]
        ),
        .testTarget(
            name: "Stage2Tests",
            dependencies: [
                "TestSupport", "Common", "API", "APIMachinery", "ClusterKinds", "Manifests", "HTTP", "HTTPClient",
                "Storage", "APIServer", "Client", "Kubelet", "KubeletAPI",
            ]
        ),
        .testTarget(
            name: "Stage3Tests",
            dependencies: [
                "TestSupport", "Common", "Storage", "StoreWatch", "GroupCommit",
                "API", "APIMachinery", "ClusterKinds", "HTTP", "HTTPClient", "Client", "APIServer", "Informers", "WatchCache",
                "Kubelet", "KubeletAPI", "KubeletInformers", "EtcdStore",
            ]
        ),
        .testTarget(
            name: "Stage4Tests",
            dependencies: [
                "TestSupport", "Common", "API", "APIMachinery", "ClusterKinds", "HTTP", "HTTPClient", "Storage", "StoreWatch",
                "APIServer", "WatchCache", "Client", "SchedulingKinds", "SchedulingRegistry", "Kubelet", "KubeletAPI",
                "Scheduler", "LeaderElection", "KubeletNodes", "SchedulerFramework", "SchedulerPlugins",
            ]
        ),
        .testTarget(name: "SeriesToolTests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
