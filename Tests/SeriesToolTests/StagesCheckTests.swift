// `stages check`, on the repository as it is (it must pass) and on copies of it with one
// broken promise planted in each (it must fail, and say which).

import Foundation
import Testing
@testable import TestSupport

@Suite struct StagesCheckTests {
    /// Runs `stages` with `arguments` from the repository's top folder.
    func stages(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        let process = try StageProcess(executable: Binaries.executable(named: "stages"), arguments: arguments,
                                       workingDirectory: Binaries.packageRoot, name: "stages")
        let status = try await process.waitForExit()
        return (status, process.output)
    }

    /// A copy of what `stages check` reads (Package.swift, Sources, Stages, Notebooks), with
    /// `plant` applied to it, checked; the copy is removed afterwards.
    func checkCopy(planting plant: (URL) throws -> Void) async throws -> (status: Int32, output: String) {
        let copy = FileManager.default.temporaryDirectory.appending(path: "stages-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for item in ["Package.swift", "Sources", "Stages", "Notebooks"] {
            try FileManager.default.copyItem(at: Binaries.packageRoot.appending(path: item), to: copy.appending(path: item))
        }
        try plant(copy)
        return try await stages(["check", "--root", copy.path])
    }

    /// Replaces the first `old` in the file at `path` under `root` with `new`.
    func edit(_ root: URL, _ path: String, replacing old: String, with new: String) throws {
        let file = root.appending(path: path)
        let text = try String(contentsOf: file, encoding: .utf8)
        let range = try #require(text.range(of: old), "\(path) no longer contains \(old)")
        try text.replacingCharacters(in: range, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func theRepositoryKeepsEveryPromise() async throws {
        let (status, output) = try await stages(["check"])
        #expect(status == 0, "\(output)")
        #expect(output.hasPrefix("stages check: every module belongs to one stage"))
    }

    @Test func aCopyWithNothingPlantedPasses() async throws {
        let (status, output) = try await checkCopy { _ in }
        #expect(status == 0, "\(output)")
    }

    @Test func stage1LinkingAStage2ModuleFails() async throws {
        let (status, output) = try await checkCopy { root in
            try edit(root, "Package.swift", replacing: #"dependencies: ["Common", "API", "Manifests", "HTTP", "CRI"]"#,
                     with: #"dependencies: ["Common", "API", "Manifests", "HTTP", "CRI", "Client"]"#)
        }
        #expect(status == 1)
        #expect(output.contains("Kubelet links "), "the stage-1 module is named")
        #expect(output.contains("stage1 links "), "and so is the stage-1 binary, which links it transitively")
        #expect(output.contains("Client (stage 2)"))
    }

    @Test func aStagesProgramLinkingALaterStageFails() async throws {
        let (status, output) = try await checkCopy { root in
            try edit(root, "Package.swift", replacing: "        // MARK: Stage 3",
                     with: "        .executableTarget(name: \"tool2\", dependencies: [\"GroupCommit\"], path: \"Stages/Tool2\"),\n\n        // MARK: Stage 3")
        }
        #expect(status == 1)
        #expect(output.contains("tool2 links GroupCommit (stage 3), of a stage after 2"), "\(output)")
    }

    @Test func aHeaderNamingTheWrongStageFails() async throws {
        let (status, output) = try await checkCopy { root in
            try edit(root, "Sources/Kubelet/RestartBackoff.swift", replacing: "// Stage 1 · Kubelet:", with: "// Stage 2 · Kubelet:")
        }
        #expect(status == 1)
        #expect(output.contains("Sources/Kubelet/RestartBackoff.swift: the header says stage 2, but Kubelet is a stage 1 module"))
    }

    @Test func aFileWithoutItsHeaderFails() async throws {
        let (status, output) = try await checkCopy { root in
            try "import API\n".write(to: root.appending(path: "Sources/Kubelet/Stray.swift"), atomically: true, encoding: .utf8)
        }
        #expect(status == 1)
        #expect(output.contains("Sources/Kubelet/Stray.swift: the first line must be its header"))
    }

    @Test func anUnbalancedFenceFails() async throws {
        let (status, output) = try await checkCopy { root in
            // The file's last fence, so that no later marker makes the error a nesting one.
            let line = "                configObjects: configObjects\n"
            try edit(root, "Sources/Kubelet/Kubelet.swift", replacing: line + "                // Stage 2 <\n", with: line)
        }
        #expect(status == 1)
        #expect(output.contains("Sources/Kubelet/Kubelet.swift:") && output.contains("fence is never closed"))
    }

    @Test func aFenceThatNamesItsOwnStageFails() async throws {
        let (status, output) = try await checkCopy { root in
            try edit(root, "Sources/Kubelet/RestartBackoff.swift", replacing: "\nimport",
                     with: "\n// Stage 1 > not a later stage\n// Stage 1 <\nimport")
        }
        #expect(status == 1)
        #expect(output.contains("a Stage 1 fence in a stage 1 file"))
    }

    @Test func aPictureThatLeavesOutANewModuleFails() async throws {
        let (status, output) = try await checkCopy { root in
            try edit(root, "Stages/Stage2/README.md", replacing: "        KubeletAPI[\"KubeletAPI\"]\n", with: "")
        }
        #expect(status == 1)
        #expect(output.contains("KubeletAPI is new in stage 2 but not drawn in the `new` subgraph"))
        #expect(output.contains("Notebooks/02-apiserver.ipynb: its picture differs"), "the notebook's copy no longer matches")
    }

    /// A stage being built has modules and a README with its picture, but no binary or
    /// notebook yet; once its binary exists, the notebook must exist too.
    @Test func aStageWithoutItsBinaryNeedsItsPictureButNoNotebookYet() async throws {
        let block = """
                    // MARK: Stage 9 · a stage being built

                    /// A module of the stage being built.
                    .target(name: "Planted", dependencies: ["Common"]),

                    // MARK: The series' own tool
            """
        let readme = """
            # Stage 9

            ```mermaid
            flowchart LR
                subgraph new["New in stage 9"]
                    Planted["Planted"]
                end
                Common["Common"]
                Planted --> Common
            ```
            """
        func plantStage(_ root: URL, readme: String?, binary: Bool) throws {
            try edit(root, "Package.swift", replacing: "        // MARK: The series' own tool", with: block)
            if binary {
                try edit(root, "Package.swift", replacing: "        // MARK: The series' own tool",
                         with: "        .executableTarget(name: \"stage9\", dependencies: [\"Planted\"], path: \"Stages/Stage9\"),\n\n        // MARK: The series' own tool")
            }
            let sources = root.appending(path: "Sources/Planted")
            try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
            try "// Stage 9 · Planted: a planted module.\n".write(to: sources.appending(path: "Planted.swift"), atomically: true, encoding: .utf8)
            let stage = root.appending(path: "Stages/Stage9")
            try FileManager.default.createDirectory(at: stage, withIntermediateDirectories: true)
            if let readme { try readme.write(to: stage.appending(path: "README.md"), atomically: true, encoding: .utf8) }
        }
        let building = try await checkCopy { try plantStage($0, readme: readme, binary: false) }
        #expect(building.status == 0, "\(building.output)")
        let unpictured = try await checkCopy { try plantStage($0, readme: nil, binary: false) }
        #expect(unpictured.status == 1 && unpictured.output.contains("Stages/Stage9/README.md opens with no ```mermaid picture"),
                "\(unpictured.output)")
        let released = try await checkCopy { try plantStage($0, readme: readme, binary: true) }
        #expect(released.status == 1 && released.output.contains("stage 9 has no notebook"), "\(released.output)")
    }
}
