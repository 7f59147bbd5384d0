// Stage 1 · Test harness: finding the stage binaries that `swift build` produced.
//
// End-to-end tests and notebooks run `stage1` exactly as a learner would, so they need
// the path of the built executable — for whatever build directory or `--scratch-path`
// is in use. The test bundle is built into the same directory as the executables, so
// the harness asks where the running test code lives:
// - Linux: the test process *is* the `…PackageTests.xctest` executable, so the directory
//   of `/proc/self/exe` holds `stage1` too;
// - macOS: the tests are a `.xctest` bundle loaded by a runner from the toolchain, so
//   the bundle's parent directory is the one;
// - otherwise: `<package root>/.build/debug`, the default for `swift build`.
// Tests never build anything themselves: `swift build` inside `swift test` would wait
// forever on the build lock `swift test` holds.

import Foundation

/// Where the package's executables and root directory are; used by end-to-end tests and notebooks.
enum Binaries {
    /// The directory holding the built executables (and the test bundle).
    static var directory: URL {
        if let directory = testBundleDirectory { return directory }
        return defaultBuildDirectory
    }

    /// The package root: the nearest directory above this source file with a `Package.swift`.
    static var packageRoot: URL {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory = directory.deletingLastPathComponent()
        }
        // Unreachable in a checkout; the source directory is the least surprising answer.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    }

    /// The built executable `name` (e.g. "stage1"); throws a message saying to build it if missing.
    static func executable(named name: String) throws -> URL {
        let candidates = [directory, defaultBuildDirectory]
        for candidate in candidates {
            let url = candidate.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        let searched = candidates.map(\.path).joined(separator: ", ")
        throw HarnessError("\(name) is not built: run `swift build` first (looked in \(searched))")
    }

    /// `<package root>/.build/debug`, where `swift build` puts executables by default.
    static var defaultBuildDirectory: URL {
        packageRoot.appendingPathComponent(".build/debug")
    }

    /// The directory of the running test bundle, if it can be found on this platform.
    private static var testBundleDirectory: URL? {
        #if os(Linux)
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return executable.pathExtension == "xctest" ? executable.deletingLastPathComponent() : nil
        #else
        let bundle = Bundle.allBundles.first { $0.bundleURL.pathExtension == "xctest" }
        return bundle?.bundleURL.deletingLastPathComponent()
        #endif
    }
}
