// Stage 4 · KubeletNodes: placeholder until the node's advertisement lands.
enum KubeletNodesPlaceholder {}
