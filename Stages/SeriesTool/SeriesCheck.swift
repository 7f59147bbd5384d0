// `stages check`: the promises the series makes to a learner, proved on every test run.
//
// 1. A module belongs to one stage: every file in `Sources/M/` opens with
//    `// Stage N · M: role`, and N is the stage whose block in Package.swift declares M.
// 2. No stage links a later one: `stageN`, and every module and program of stage N (such
//    as its `bench`), depend (directly or not) only on modules of stages up to N.
// 3. Later stages only add, and say so: every fence is balanced, gives a reason, and
//    names a stage later than its file's.
// 4. The picture is true: each stage's README and notebook open with the same Mermaid
//    block, whose module boxes exist, belong to stages up to N, and whose `new` subgraph
//    holds exactly the modules stage N introduces. A stage being built, whose `stageN`
//    binary does not exist yet, has its README's picture but no notebook yet: there is
//    nothing for a notebook to run.

import Foundation

struct SeriesCheck {
    let root: URL

    /// Every broken promise, one line each; empty when the series holds.
    func problems() -> [String] {
        guard let packageText = read("Package.swift") else { return ["Package.swift cannot be read"] }
        let manifest = PackageManifest(text: packageText)
        let modules = manifest.modulesByName.filter { $0.value.stage != nil }
        return moduleProblems(manifest, modules) + linkProblems(manifest, modules)
            + fenceProblems(modules) + diagramProblems(manifest, modules)
    }

    /// How many fences the series has, for the summary line.
    var fenceCount: Int {
        swiftFiles(under: ["Sources", "Stages"]).reduce(0) { $0 + Fence.all(in: read($1) ?? "", path: $1).fences.count }
    }

    // MARK: 1. One stage per module, and a header on every file

    private func moduleProblems(_ manifest: PackageManifest, _ modules: [String: PackageTarget]) -> [String] {
        var problems: [String] = []
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: root.appending(path: "Sources").path)) ?? []
        for folder in folders.sorted() where !folder.hasPrefix(".") && modules[folder] == nil {
            problems.append("Sources/\(folder) is not a module of any stage's block in Package.swift")
        }
        for path in swiftFiles(under: ["Sources"]) {
            let module = path.split(separator: "/")[1]
            guard let stage = modules[String(module)]?.stage else { continue }
            let header = read(path)?.prefix { $0 != "\n" } ?? ""
            guard let parsed = SeriesFile.parse(header: String(header)),
                  let named = parsed.role.split(separator: ":").first else {
                problems.append("\(path): the first line must be its header, `// Stage \(stage) · \(module): its role.`")
                continue
            }
            if parsed.stage != stage {
                problems.append("\(path): the header says stage \(parsed.stage), but \(module) is a stage \(stage) module")
            }
            if named != module {
                problems.append("\(path): the header names \(named), but the file is in \(module)")
            }
        }
        return problems
    }

    // MARK: 2. No stage links a later one

    private func linkProblems(_ manifest: PackageManifest, _ modules: [String: PackageTarget]) -> [String] {
        var problems: [String] = []
        for target in manifest.targets {
            let limit: Int
            if target.kind == .executable, target.name.hasPrefix("stage"), let number = Int(target.name.dropFirst(5)) {
                limit = number
            } else if target.kind != .test, let stage = target.stage {
                // A library module, or another program of a stage (its benchmarks): no later stage.
                limit = stage
            } else {
                continue
            }
            let later = manifest.closure(of: target.name).compactMap { name -> String? in
                guard let stage = modules[name]?.stage, stage > limit else { return nil }
                return "\(name) (stage \(stage))"
            }
            if !later.isEmpty {
                problems.append("\(target.name) links \(later.sorted().joined(separator: ", ")), of a stage after \(limit)")
            }
        }
        return problems
    }

    // MARK: 3. Fences

    private func fenceProblems(_ modules: [String: PackageTarget]) -> [String] {
        let lastStage = modules.values.compactMap(\.stage).max() ?? 0
        var problems: [String] = []
        for path in swiftFiles(under: ["Sources", "Stages"]) {
            let (fences, markers) = Fence.all(in: read(path) ?? "", path: path)
            problems += markers.map(\.description)
            guard let stage = stage(ofFile: path, modules) else { continue }
            for fence in fences where fence.stage <= stage || fence.stage > lastStage {
                problems.append("\(path):\(fence.line): a Stage \(fence.stage) fence in a stage \(stage) file;"
                                + " a fence names a later stage, one that exists (1…\(lastStage))")
            }
        }
        return problems
    }

    /// The stage a file belongs to: its module's, or N for `Stages/StageN/…`.
    private func stage(ofFile path: String, _ modules: [String: PackageTarget]) -> Int? {
        let parts = path.split(separator: "/")
        if parts.first == "Sources", parts.count > 1 { return modules[String(parts[1])]?.stage }
        if parts.first == "Stages", parts.count > 1, parts[1].hasPrefix("Stage") { return Int(parts[1].dropFirst(5)) }
        return nil
    }

    // MARK: 4. The picture of each stage

    private func diagramProblems(_ manifest: PackageManifest, _ modules: [String: PackageTarget]) -> [String] {
        var problems: [String] = []
        for stage in Set(modules.values.compactMap(\.stage)).sorted() {
            let readmePath = "Stages/Stage\(stage)/README.md"
            guard let readme = read(readmePath), let picture = StageDiagram(markdown: readme) else {
                problems.append("\(readmePath) opens with no ```mermaid picture of the stage")
                continue
            }
            let introduced = Set(manifest.modules(ofStage: stage).map(\.name))
            for id in picture.moduleIDs.sorted() {
                if let owner = modules[id]?.stage {
                    if owner > stage { problems.append("\(readmePath): the picture draws \(id), a module of stage \(owner)") }
                } else {
                    problems.append("\(readmePath): the picture draws \(id), which is no module (outside things are lower case)")
                }
            }
            let drawnNew = picture.newIDs.filter { $0.first?.isUppercase == true }
            for missing in introduced.subtracting(drawnNew).sorted() {
                problems.append("\(readmePath): \(missing) is new in stage \(stage) but not drawn in the `new` subgraph")
            }
            for extra in drawnNew.subtracting(introduced).sorted() {
                problems.append("\(readmePath): \(extra) is drawn as new, but stage \(stage) does not introduce it")
            }
            if manifest.targets.contains(where: { $0.kind == .executable && $0.name == "stage\(stage)" }) {
                problems += notebookProblems(stage: stage, picture: picture)
            }
        }
        return problems
    }

    /// The notebook of `stage` must open with the README's picture, line for line.
    private func notebookProblems(stage: Int, picture: StageDiagram) -> [String] {
        let notebooks = ((try? FileManager.default.contentsOfDirectory(atPath: root.appending(path: "Notebooks").path)) ?? [])
            .filter { $0.hasPrefix(String(format: "%02d-", stage)) && $0.hasSuffix(".ipynb") }
        guard let name = notebooks.sorted().first else { return ["stage \(stage) has no notebook Notebooks/\(String(format: "%02d", stage))-….ipynb"] }
        let path = "Notebooks/\(name)"
        guard let data = read(path).map({ Data($0.utf8) }),
              let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cells = document["cells"] as? [[String: Any]],
              let first = cells.first(where: { $0["cell_type"] as? String == "markdown" }) else {
            return ["\(path) cannot be read as a notebook"]
        }
        let source = (first["source"] as? [String])?.joined() ?? (first["source"] as? String) ?? ""
        guard let notebookPicture = StageDiagram(markdown: source) else {
            return ["\(path): the first markdown cell has no ```mermaid picture (the README's, line for line)"]
        }
        return notebookPicture.lines == picture.lines ? [] : ["\(path): its picture differs from Stages/Stage\(stage)/README.md's"]
    }

    // MARK: Files

    private func read(_ path: String) -> String? {
        try? String(contentsOf: root.appending(path: path), encoding: .utf8)
    }

    /// Every `.swift` file under the given top folders, as paths from the top, sorted.
    private func swiftFiles(under folders: [String]) -> [String] {
        folders.flatMap { folder in
            (FileManager.default.enumerator(atPath: root.appending(path: folder).path)?.compactMap { $0 as? String } ?? [])
                .filter { $0.hasSuffix(".swift") }.map { "\(folder)/\($0)" }
        }.sorted()
    }
}
