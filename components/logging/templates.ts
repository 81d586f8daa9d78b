// Safe to import from client components: what a new object's editor starts with. Names are
// left for the user to choose (the schema marks them until then), never a real-looking value.
import type { LoggingKind } from "./api";

const HEAD = (kind: LoggingKind, namespace?: string) =>
  [
    "apiVersion: logging.banzaicloud.io/v1beta1",
    `kind: ${kind}`,
    "metadata:",
    "  name: ",
    ...(namespace ? [`  namespace: ${namespace}`] : []),
  ].join("\n");

export function newObjectYaml(kind: LoggingKind, namespace?: string): string {
  switch (kind) {
    case "Flow":
      return `${HEAD(kind, namespace)}
spec:
  match:
    - select:
        labels:
          app: 
  localOutputRefs: []
  globalOutputRefs: []
`;
    case "ClusterFlow":
      return `${HEAD(kind, namespace)}
spec:
  match:
    - select:
        namespaces: []
  globalOutputRefs: []
`;
    case "Output":
    case "ClusterOutput":
      return `${HEAD(kind, namespace)}
spec:
  http:
    endpoint: 
`;
  }
}
