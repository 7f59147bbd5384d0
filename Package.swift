// swift-tools-version: 6.0
//
// Kubernetes, rebuilt from the ground up in Swift.
//
// Reading this file is reading the series. Each library module is one component of a
// Kubernetes cluster; each stage's executable links the components of its stage and of
// the stages before it, and nothing else. The dependency lists below are the cluster's
// boundaries made into compile-time facts: the kubelet cannot reach into the API
// server's storage, because it does not import it.

import PackageDescription

/// Every module is compiled in the Swift 6 language mode, with strict concurrency.
let swiftSettings: [SwiftSetting] = []

let package = Package(
    name: "KubernetesInSwift",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "stage1", targets: ["stage1"]),
        .executable(name: "stage2", targets: ["stage2"]),
        .executable(name: "stages", targets: ["stages"]),
    ],
    targets: [
        // MARK: Stage 1 · the kubelet and the pieces it stands on

        /// Things every component receives: the logger, duration parsing.
        .target(name: "Common", swiftSettings: swiftSettings),
        /// A YAML reader for the YAML that Kubernetes manifests use.
        .target(name: "YAML", swiftSettings: swiftSettings),
        /// Kubernetes' object model (ObjectMeta, Pod, …) in Kubernetes' JSON.
        .target(name: "API", dependencies: ["YAML"], swiftSettings: swiftSettings),
        /// A small HTTP/1.1 server, written here rather than imported.
        .target(name: "HTTP", dependencies: ["Common"], swiftSettings: swiftSettings),
        /// The container runtime interface (Kubernetes' CRI): all the kubelet knows of runtimes.
        .target(name: "CRI", swiftSettings: swiftSettings),
        /// A runtime behind the CRI that runs each container as a process group.
        .target(name: "ProcessRuntime", dependencies: ["Common", "CRI"], swiftSettings: swiftSettings),
        /// The kubelet: runs the pods of one node. It sees runtimes only through the CRI.
        .target(
            name: "Kubelet",
            dependencies: ["Common", "YAML", "API", "HTTP", "CRI", "Client"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "stage1",
            dependencies: ["Common", "YAML", "API", "Kubelet", "ProcessRuntime"],
            path: "Stages/Stage1",
            exclude: ["README.md", "manifests"],
            swiftSettings: swiftSettings
        ),

        /// `swift run stages diff 1 2`: what each stage adds to the one before.
        .executableTarget(name: "stages", path: "Stages/SeriesTool", swiftSettings: swiftSettings),

        // MARK: Stage 2 · the API server, and a kubelet that takes its orders from it

        /// Durable storage for the API server: nothing acknowledged is lost.
        .target(name: "Storage", dependencies: ["Common"], swiftSettings: swiftSettings),
        /// The API server: the cluster's front door, the only component that touches storage.
        .target(
            name: "APIServer",
            dependencies: ["Common", "YAML", "API", "HTTP", "Storage"],
            swiftSettings: swiftSettings
        ),
        /// The API client: how every component but the API server reads and writes the cluster.
        .target(name: "Client", dependencies: ["Common", "API", "HTTP"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "stage2",
            dependencies: ["Common", "YAML", "API", "HTTP", "Storage", "APIServer", "Client", "Kubelet", "ProcessRuntime"],
            path: "Stages/Stage2",
            exclude: ["README.md", "manifests"],
            swiftSettings: swiftSettings
        ),

        // MARK: Tests: one target per stage; later stages re-run earlier stages' suites.

        /// What every stage's end-to-end tests share: running binaries, notebooks, waiting.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: swiftSettings),

        .testTarget(
            name: "Stage1Tests",
            dependencies: ["TestSupport", "Common", "YAML", "API", "HTTP", "CRI", "ProcessRuntime", "Kubelet"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "Stage2Tests",
            dependencies: ["TestSupport", "Common", "YAML", "API", "HTTP", "Storage", "APIServer", "Client", "Kubelet"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
