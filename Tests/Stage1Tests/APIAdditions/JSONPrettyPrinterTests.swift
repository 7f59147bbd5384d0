// Stage 1 · API tests: JSON laid out as `kubectl get -o json` lays it out.

import API
import Testing

private func pretty(_ compact: String) -> String {
    String(decoding: JSONPrettyPrinter.format(Array(compact.utf8)), as: UTF8.self)
}

@Test func emptyObjectsAndArraysStayWhole() {
    #expect(pretty(#"{"a":{},"b":[]}"#) == """
        {
          "a": {},
          "b": []
        }
        """)
}

@Test func keysAreFollowedByColonAndOneSpace() {
    #expect(pretty(#"{"name":"web"}"#) == "{\n  \"name\": \"web\"\n}")
}

@Test func nestedValuesAreIndentedTwoSpacesALevel() {
    #expect(pretty(#"{"spec":{"containers":[{"name":"web","ports":[80,443]}]}}"#) == """
        {
          "spec": {
            "containers": [
              {
                "name": "web",
                "ports": [
                  80,
                  443
                ]
              }
            ]
          }
        }
        """)
}

@Test func stringsAreCopiedUntouched() {
    let compact = #"{"cmd":"echo {a: [1, 2]}, done","quote":"say \"hi\", {ok}","slash":"a\\"}"#
    #expect(pretty(compact) == """
        {
          "cmd": "echo {a: [1, 2]}, done",
          "quote": "say \\"hi\\", {ok}",
          "slash": "a\\\\"
        }
        """)
}

@Test func whiteSpaceOutsideStringsIsReplaced() {
    #expect(pretty("{ \"a\" :\t1 ,\n \"b\": true }") == "{\n  \"a\": 1,\n  \"b\": true\n}")
}

@Test func scalarsAndEmptyInputPassThrough() {
    #expect(pretty("42") == "42")
    #expect(pretty("") == "")
    #expect(pretty("[]") == "[]")
}
