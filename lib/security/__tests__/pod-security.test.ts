import { describe, expect, it } from "vitest";
import {
  enforcedLevel,
  podSecurityLabels,
  podSpecOf,
  podSpecViolations,
  DEFAULT_POD_SECURITY,
} from "@/lib/pod-security";
import { renderDeployment } from "@/lib/workloads/render";

// The Pod Security Standards checks themselves: what each level lets through matters as much as
// what it refuses, or the demo and ordinary workloads would break.

const c = (securityContext?: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  name: "app",
  image: "nginx",
  ...(securityContext && { securityContext }),
  ...extra,
});
const restricted = {
  allowPrivilegeEscalation: false,
  runAsNonRoot: true,
  capabilities: { drop: ["ALL"] },
  seccompProfile: { type: "RuntimeDefault" },
};

describe("Pod Security levels", () => {
  it("lets baseline-allowed settings through baseline", () => {
    for (const spec of [
      { containers: [c()] },
      { containers: [c({ capabilities: { add: ["NET_BIND_SERVICE", "CHOWN", "KILL"] } })] },
      { containers: [c({ privileged: false, seccompProfile: { type: "Localhost", localhostProfile: "p.json" } })] },
      {
        hostNetwork: false,
        hostPID: false,
        containers: [c(undefined, { ports: [{ containerPort: 80 }, { containerPort: 81, hostPort: 0 }] })],
      },
      {
        securityContext: { sysctls: [{ name: "net.ipv4.ip_unprivileged_port_start", value: "0" }] },
        containers: [c()],
      },
      { containers: [c({ seLinuxOptions: { type: "container_t", level: "s0:c1" } })] },
      {
        containers: [c()],
        volumes: [
          { name: "v", emptyDir: {} },
          { name: "n", nfs: { server: "x", path: "/" } },
        ],
      },
    ]) {
      expect(podSpecViolations("baseline", spec), JSON.stringify(spec)).toEqual([]);
    }
  });

  it("restricted wants every hardening at once, on the pod or on each container", () => {
    expect(podSpecViolations("restricted", { containers: [c(restricted)] })).toEqual([]);
    expect(
      podSpecViolations("restricted", {
        securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
        containers: [
          c({ allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] } }),
        ],
      }),
    ).toEqual([]);
    const missing = Object.keys(restricted).map((key) => {
      const sc: Record<string, unknown> = { ...restricted };
      delete sc[key];
      return podSpecViolations("restricted", { containers: [c(sc)] }).join(" | ");
    });
    expect(missing[0]).toContain("allowPrivilegeEscalation != false");
    expect(missing[1]).toContain("runAsNonRoot != true");
    expect(missing[2]).toContain("unrestricted capabilities");
    expect(missing[3]).toContain("seccompProfile");
    // One good container does not excuse another, nor an init container.
    expect(
      podSpecViolations("restricted", {
        initContainers: [c({ ...restricted, runAsNonRoot: false }, { name: "init" })],
        containers: [c(restricted)],
      }).join(),
    ).toContain('"init"');
    expect(
      podSpecViolations("restricted", {
        containers: [c({ ...restricted, capabilities: { drop: ["ALL"], add: ["SYS_TIME"] } })],
      }).join(),
    ).toContain("unrestricted capabilities");
    expect(podSpecViolations("privileged", { hostPID: true, containers: [c({ privileged: true })] })).toEqual([]);
  });

  it("finds the pod spec in every kind that makes pods, and in none that does not", () => {
    const spec = { hostNetwork: true, containers: [c()] };
    const template = { template: { spec } };
    for (const o of [
      { kind: "Pod", spec },
      { kind: "Deployment", spec: template },
      { kind: "StatefulSet", spec: template },
      { kind: "DaemonSet", spec: template },
      { kind: "ReplicaSet", spec: template },
      { kind: "Job", spec: template },
      { kind: "CronJob", spec: { jobTemplate: { spec: template } } },
    ]) {
      const found = podSpecOf(o);
      expect(podSpecViolations("baseline", found?.spec), o.kind).toEqual(["host namespaces (hostNetwork=true)"]);
    }
    for (const o of [{ kind: "ConfigMap", data: { spec: "x" } }, { kind: "Service", spec }, null, "Pod", []])
      expect(podSpecOf(o)).toBeNull();
  });

  it("reads namespace labels as kube-apiserver does and writes the decided defaults", () => {
    expect(enforcedLevel(undefined)).toBe("privileged");
    expect(enforcedLevel({ "pod-security.kubernetes.io/enforce": "Baseline" })).toBe("privileged");
    expect(enforcedLevel({ "pod-security.kubernetes.io/enforce": "restricted" })).toBe("restricted");
    expect(podSecurityLabels(DEFAULT_POD_SECURITY)).toEqual({
      "pod-security.kubernetes.io/enforce": "baseline",
      "pod-security.kubernetes.io/enforce-version": "latest",
      "pod-security.kubernetes.io/warn": "restricted",
      "pod-security.kubernetes.io/warn-version": "latest",
      "pod-security.kubernetes.io/audit": "restricted",
      "pod-security.kubernetes.io/audit-version": "latest",
    });
  });

  it("the Deployments Facet renders for applications pass the default enforced level", () => {
    const d = renderDeployment(
      {
        name: "web",
        image: "nginx:1.27",
        replicas: 2,
        ports: [{ name: "http", port: 80 }],
        env: [{ name: "A", value: "1" }],
        resources: { limits: { cpu: "1" } },
      } as never,
      "ns",
      {},
    );
    expect(podSpecViolations(DEFAULT_POD_SECURITY.enforce, podSpecOf(d)!.spec)).toEqual([]);
  });
});
