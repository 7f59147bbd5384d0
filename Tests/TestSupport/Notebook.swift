// Stage 1 · Test harness: a Jupyter notebook file, read and (in record mode) rewritten.
//
// Each stage's `Notebooks/NN-name.ipynb` is nbformat 4 JSON: a `cells` array whose code
// cells hold `source` (a string or a list of lines) and saved `outputs` (for bash cells,
// `{"output_type": "stream", "name": "stdout", "text": …}`). The runner needs three
// things from it — each code cell's source, its tags, its saved output text — and in
// record mode it replaces outputs and execution counts, keeping every other byte of
// meaning (markdown, metadata, cell ids) as it was. A notebook that Jupyter executed
// also says which cells ran (their `execution_count`) and which ended in an error (an
// `{"output_type": "error", "evalue": …}` output): `JupyterNotebookRunner` reads those.

import Foundation

/// A `.ipynb` file held as JSON; loaded and saved by `NotebookRunner`.
struct Notebook: Sendable {
    /// The kernel spec a recorded notebook declares, so Jupyter opens it with bash.
    static let bashKernelSpec: JSONDocument = .object([
        "display_name": .string("Bash"), "language": .string("bash"), "name": .string("bash"),
    ])

    /// One cell as the runner sees it.
    struct Cell: Sendable {
        /// Position in the notebook's `cells` array, from 0.
        let index: Int
        /// True for code cells (the ones the runner executes).
        let isCode: Bool
        let source: String
        /// The cell's `metadata.tags`.
        let tags: [String]
        /// The concatenated text of the cell's saved stream outputs (stdout and stderr).
        let savedOutput: String
        /// The cell's `execution_count`: nil for a cell that has not run.
        var executionCount: Int? = nil
        /// The `evalue` of each error output (the bash kernel's: the exit status).
        var errors: [String] = []
    }

    /// The whole document; everything not touched by record mode is written back as read.
    private(set) var document: JSONDocument

    init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw HarnessError("cannot read notebook \(url.path): \(error.localizedDescription)")
        }
        do { document = try JSONDecoder().decode(JSONDocument.self, from: data) } catch {
            throw HarnessError("notebook \(url.path) is not valid JSON: \(error)")
        }
        guard document["cells"]?.arrayValue != nil else {
            throw HarnessError("notebook \(url.path) has no \"cells\" array (is it nbformat 4?)")
        }
    }

    var cells: [Cell] {
        (document["cells"]?.arrayValue ?? []).enumerated().map { index, cell in
            let outputs = cell["outputs"]?.arrayValue ?? []
            let saved = outputs
                .filter { $0["output_type"]?.stringValue == "stream" }
                .compactMap { $0["text"]?.multilineText }
                .joined()
            return Cell(
                index: index,
                isCode: cell["cell_type"]?.stringValue == "code",
                source: cell["source"]?.multilineText ?? "",
                tags: cell["metadata"]?["tags"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                savedOutput: saved,
                executionCount: cell["execution_count"]?.integerValue,
                errors: outputs.filter { $0["output_type"]?.stringValue == "error" }.map { $0["evalue"]?.stringValue ?? "" }
            )
        }
    }

    /// Replaces cell `index`'s outputs with `output` as one stdout stream (none if empty)
    /// and sets its execution count; record mode calls this for every cell it ran.
    mutating func record(output: String, executionCount: Int, forCellAt index: Int) {
        guard var cells = document["cells"]?.arrayValue, cells.indices.contains(index) else { return }
        let stream: JSONDocument = .object([
            "name": .string("stdout"), "output_type": .string("stream"), "text": .multiline(output),
        ])
        cells[index]["outputs"] = .array(output.isEmpty ? [] : [stream])
        cells[index]["execution_count"] = .integer(executionCount)
        document["cells"] = .array(cells)
    }

    /// Declares the bash kernel in the notebook's metadata if it declares none.
    mutating func ensureBashKernelSpec() {
        if document["metadata"] == nil { document["metadata"] = .object([:]) }
        if document["metadata"]?["kernelspec"] == nil {
            document["metadata"]?["kernelspec"] = Self.bashKernelSpec
        }
    }

    /// Writes the notebook to `url` in Jupyter's own format.
    func write(to url: URL) throws {
        try Data(document.jupyterFormatted.utf8).write(to: url, options: .atomic)
    }
}
