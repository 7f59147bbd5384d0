// Stage 1 · Test harness: building small notebooks for the runner's tests.
//
// Each runner test writes its own notebook to a temporary directory: a list of cells,
// each with source, the output "saved" with it, and optional tags.

@testable import TestSupport
import Foundation

/// A notebook described in a few lines of Swift and written as nbformat 4 JSON.
struct NotebookFixture {
    /// One cell of the fixture.
    struct Cell {
        var source: String
        var savedOutput: String? = nil
        var tags: [String] = []
        var isMarkdown = false
    }

    /// The cells, in order.
    var cells: [Cell]

    /// Writes the notebook as `name` in `directory` and returns its URL.
    func write(named name: String = "fixture.ipynb", in directory: TemporaryDirectory) throws -> URL {
        let cellValues: [JSONDocument] = cells.map { cell in
            var members: [String: JSONDocument] = [
                "cell_type": .string(cell.isMarkdown ? "markdown" : "code"),
                "metadata": cell.tags.isEmpty ? .object([:]) : .object(["tags": .array(cell.tags.map(JSONDocument.string))]),
                "source": .multiline(cell.source),
            ]
            if !cell.isMarkdown {
                members["execution_count"] = .null
                members["outputs"] = .array(cell.savedOutput.map { [
                    .object(["name": .string("stdout"), "output_type": .string("stream"), "text": .multiline($0)]),
                ] } ?? [])
            }
            return .object(members)
        }
        let document: JSONDocument = .object([
            "cells": .array(cellValues),
            "metadata": .object(["language_info": .object(["name": .string("bash")])]),
            "nbformat": .integer(4),
            "nbformat_minor": .integer(5),
        ])
        return try directory.write(document.jupyterFormatted, to: name)
    }
}
