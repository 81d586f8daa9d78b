// Starting YAML for "Create from YAML", one per kind: valid as-is, so a dry run shows the shape.
import type { ListableResource } from "@/lib/workloads/resources";

const container = (name: string, image: string) => `      containers:
        - name: ${name}
          image: ${image}`;

export const KIND_TEMPLATES: Record<ListableResource, string> = {
  statefulsets: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: example
spec:
  replicas: 1
  serviceName: example
  selector:
    matchLabels:
      app: example
  template:
    metadata:
      labels:
        app: example
    spec:
${container("app", "nginx:1.27")}
`,
  daemonsets: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: example
spec:
  selector:
    matchLabels:
      app: example
  template:
    metadata:
      labels:
        app: example
    spec:
${container("agent", "busybox:1.36")}
`,
  jobs: `apiVersion: batch/v1
kind: Job
metadata:
  name: example
spec:
  template:
    spec:
      restartPolicy: Never
${container("task", "busybox:1.36")}
`,
  cronjobs: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: example
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: task
              image: busybox:1.36
`,
  ingresses: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: example
spec:
  rules:
    - host: example.local
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: example
                port:
                  number: 80
`,
  configmaps: `apiVersion: v1
kind: ConfigMap
metadata:
  name: example
data:
  key: value
`,
  secrets: `apiVersion: v1
kind: Secret
metadata:
  name: example
type: Opaque
stringData:
  password: change-me
`,
  persistentvolumeclaims: `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: example
spec:
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
`,
};
