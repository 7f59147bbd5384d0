// Stage 1 · Test harness: which optional command-line tools this machine has.
//
// The series needs nothing beyond the Swift toolchain, but some tests use tools a
// learner may or may not have (`curl` in every notebook, later `kubectl`, `etcd`).
// Such a test is *visibly* skipped when its tool is missing:
//
//     @Test(.enabled(if: Tools.isInstalled("curl"), "the notebook calls curl"))

import Foundation

/// Looks up executables on `PATH`; used by tests to enable or skip themselves.
enum Tools {
    /// The full path of `name` found on `PATH`, or nil.
    static func path(of name: String) -> String? {
        if name.contains("/") {
            return FileManager.default.isExecutableFile(atPath: name) ? name : nil
        }
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in searchPath.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// True when `name` is on `PATH`; the condition for tests that need the tool.
    static func isInstalled(_ name: String) -> Bool {
        path(of: name) != nil
    }

    /// The kubectl of each minor version `1.minor` that sits beside the default `kubectl`
    /// (`kubectl.1.27` … `kubectl.1.33`, as on the CI machines), found through its symlink;
    /// just the default when there are none.
    static func kubectls(minors: [Int]) -> [String] {
        guard let kubectl = path(of: "kubectl") else { return [] }
        let folder = URL(fileURLWithPath: kubectl).resolvingSymlinksInPath().deletingLastPathComponent()
        let versioned = minors.map { folder.appendingPathComponent("kubectl.1.\($0)").path }
            .filter { FileManager.default.isExecutableFile(atPath: $0) }
        return versioned.isEmpty ? [kubectl] : versioned
    }
}
