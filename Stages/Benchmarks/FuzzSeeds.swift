// Stage 3 · bench: the good input that `bench fuzz` damages.
//
// Each seed uses much of its grammar, so that damage lands somewhere interesting: the
// manifest has anchors, block scalars, flow collections and comments; the requests have
// a body of each framing; the pod JSON has nesting, escapes and numbers.

enum FuzzSeeds {
    static let manifest = """
        # a pod, as a learner writes one
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          labels: {app: web, tier: "front\\u00e9"}
          annotations:
            note: &note 'it''s a pod'
        spec:
          restartPolicy: Always
          volumes:
            - name: shared
              emptyDir: {}
          containers:
            - name: web
              image: busybox:1.36
              command: ["sh", "-c"]
              args:
                - |
                  echo hello
                  exec sleep 3600
              env:
                - {name: NOTE, value: *note}
                - name: FOLDED
                  value: >-
                    folded
                    text
              ports: [{containerPort: 8080, name: http}]
              volumeMounts:
                - {name: shared, mountPath: /shared}
              resources:
                requests: {cpu: 100m, memory: 64Mi}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: second}
        spec:
          containers: [{name: c, image: busybox, command: [sleep, "1"]}]
        """

    static let requests = [
        "GET /api/v1/namespaces/default/pods?labelSelector=app%3Dweb&limit=5 HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\nUser-Agent: kubectl/v1.33\r\n\r\n",
        "POST /api/v1/namespaces/default/pods HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 27\r\n\r\n{\"kind\":\"Pod\",\"spec\":{}}\r\n",
        "PATCH /api/v1/namespaces/default/pods/web HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n3;ext=1\r\n1}\n\r\n0\r\nTrailer: x\r\n\r\n",
    ]

    static let podJSON = """
        {"apiVersion":"v1","kind":"Pod","metadata":{"generateName":"fuzz-","labels":{"app":"web","note":"caf\\u00e9 \\"quoted\\""}},\
        "spec":{"containers":[{"name":"web","image":"busybox:1.36","command":["sh","-c","echo hi; sleep 1"],\
        "ports":[{"containerPort":8080,"protocol":"TCP"}],"resources":{"requests":{"cpu":"100m","memory":"64Mi"}},\
        "env":[{"name":"A","value":"1"}]}],"terminationGracePeriodSeconds":30,"activeDeadlineSeconds":600}}
        """
}
