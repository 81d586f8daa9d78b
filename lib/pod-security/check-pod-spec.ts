import type { PodSecurityLevel } from "./levels";

// The Pod Security Standards checks (k8s.io/pod-security-admission/policy, version "latest"),
// with kube-apiserver's wording so that clients and people recognise the refusal.

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);
const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(", ");
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

const BASELINE_CAPABILITIES = new Set([
  "AUDIT_WRITE",
  "CHOWN",
  "DAC_OVERRIDE",
  "FOWNER",
  "FSETID",
  "KILL",
  "MKNOD",
  "NET_BIND_SERVICE",
  "SETFCAP",
  "SETGID",
  "SETPCAP",
  "SETUID",
  "SYS_CHROOT",
]);
const SAFE_SYSCTLS = new Set([
  "kernel.shm_rmid_forced",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.ping_group_range",
  "net.ipv4.ip_local_reserved_ports",
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes",
]);
const SELINUX_TYPES = new Set(["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"]);
const RESTRICTED_VOLUMES = new Set([
  "configMap",
  "csi",
  "downwardAPI",
  "emptyDir",
  "ephemeral",
  "persistentVolumeClaim",
  "projected",
  "secret",
]);

interface Named {
  name: string;
  sc: Obj;
}

function containersOf(spec: Obj): Named[] {
  return [...list(spec.initContainers), ...list(spec.containers), ...list(spec.ephemeralContainers)].map((c) => ({
    name: String(c.name ?? ""),
    sc: obj(c.securityContext),
  }));
}

function baseline(spec: Obj, annotations: Obj): string[] {
  const out: string[] = [];
  const pod = obj(spec.securityContext);
  const containers = containersOf(spec);

  const hostProcess = [pod, ...containers.map((c) => c.sc)].some((sc) => obj(sc.windowsOptions).hostProcess === true);
  if (hostProcess)
    out.push("hostProcess (pod or containers must not set securityContext.windowsOptions.hostProcess=true)");

  const hostNs = (["hostNetwork", "hostPID", "hostIPC"] as const)
    .filter((k) => spec[k] === true)
    .map((k) => `${k}=true`);
  if (hostNs.length) out.push(`host namespaces (${hostNs.join(", ")})`);

  const privileged = containers.filter((c) => c.sc.privileged === true).map((c) => c.name);
  if (privileged.length)
    out.push(
      `privileged (${plural(privileged.length, "container", "containers")} ${quoted(privileged)} must not set securityContext.privileged=true)`,
    );

  const caps = containers
    .map((c) => ({
      name: c.name,
      added: (Array.isArray(obj(c.sc.capabilities).add) ? (obj(c.sc.capabilities).add as unknown[]) : [])
        .map(String)
        .filter((cap) => !BASELINE_CAPABILITIES.has(cap)),
    }))
    .filter((c) => c.added.length);
  if (caps.length) {
    const added = [...new Set(caps.flatMap((c) => c.added))];
    out.push(
      `non-default capabilities (${plural(caps.length, "container", "containers")} ${quoted(caps.map((c) => c.name))} must not include ${quoted(added)} in securityContext.capabilities.add)`,
    );
  }

  const hostPaths = list(spec.volumes)
    .filter((v) => v.hostPath !== undefined)
    .map((v) => String(v.name ?? ""));
  if (hostPaths.length)
    out.push(`hostPath volumes (${plural(hostPaths.length, "volume", "volumes")} ${quoted(hostPaths)})`);

  const ports = [...list(spec.initContainers), ...list(spec.containers), ...list(spec.ephemeralContainers)].flatMap(
    (c) =>
      list(c.ports)
        .filter((p) => Number(p.hostPort ?? 0) !== 0)
        .map((p) => ({ name: String(c.name ?? ""), port: Number(p.hostPort) })),
  );
  if (ports.length)
    out.push(
      `hostPort (${plural(new Set(ports.map((p) => p.name)).size, "container", "containers")} ${quoted([...new Set(ports.map((p) => p.name))])} ${plural(ports.length, "uses hostPort", "use hostPorts")} ${ports.map((p) => p.port).join(", ")})`,
    );

  const apparmorAnnotations = Object.entries(annotations).filter(
    ([k, v]) =>
      k.startsWith("container.apparmor.security.beta.kubernetes.io/") &&
      !(v === "runtime/default" || String(v).startsWith("localhost/")),
  );
  const apparmorFields = [pod, ...containers.map((c) => c.sc)].some((sc) => {
    const t = obj(sc.appArmorProfile).type;
    return t !== undefined && t !== "RuntimeDefault" && t !== "Localhost";
  });
  if (apparmorAnnotations.length || apparmorFields)
    out.push('forbidden AppArmor profile (must not set appArmorProfile.type to "Unconfined")');

  const selinux = [pod, ...containers.map((c) => c.sc)].some((sc) => {
    const o = sc.seLinuxOptions === undefined ? null : obj(sc.seLinuxOptions);
    return o !== null && (!SELINUX_TYPES.has(String(o.type ?? "")) || Boolean(o.user) || Boolean(o.role));
  });
  if (selinux) out.push("seLinuxOptions (pod or containers must not set forbidden seLinuxOptions)");

  const proc = containers
    .filter((c) => c.sc.procMount !== undefined && c.sc.procMount !== "Default")
    .map((c) => c.name);
  if (proc.length)
    out.push(
      `procMount (${plural(proc.length, "container", "containers")} ${quoted(proc)} must not set securityContext.procMount to "Unmasked")`,
    );

  const unconfined =
    obj(pod.seccompProfile).type === "Unconfined" ||
    containers.some((c) => obj(c.sc.seccompProfile).type === "Unconfined");
  if (unconfined)
    out.push('seccompProfile (pod or containers must not set securityContext.seccompProfile.type to "Unconfined")');

  const sysctls = list(pod.sysctls)
    .map((s) => String(s.name ?? ""))
    .filter((n) => !SAFE_SYSCTLS.has(n));
  if (sysctls.length) out.push(`forbidden sysctls (${sysctls.join(", ")})`);
  return out;
}

function restricted(spec: Obj): string[] {
  const out: string[] = [];
  const pod = obj(spec.securityContext);
  const containers = containersOf(spec);

  const volumes = list(spec.volumes)
    .map((v) => ({ name: String(v.name ?? ""), type: Object.keys(v).find((k) => k !== "name") ?? "" }))
    .filter((v) => v.type && !RESTRICTED_VOLUMES.has(v.type) && v.type !== "hostPath");
  if (volumes.length)
    out.push(
      `restricted volume types (${volumes.map((v) => `volume "${v.name}" uses restricted volume type "${v.type}"`).join(", ")})`,
    );

  const escalation = containers.filter((c) => c.sc.allowPrivilegeEscalation !== false).map((c) => c.name);
  if (escalation.length)
    out.push(
      `allowPrivilegeEscalation != false (${plural(escalation.length, "container", "containers")} ${quoted(escalation)} must set securityContext.allowPrivilegeEscalation=false)`,
    );

  const caps = containers.filter((c) => {
    const cap = obj(c.sc.capabilities);
    const drops = Array.isArray(cap.drop) ? cap.drop.map(String) : [];
    const adds = Array.isArray(cap.add) ? cap.add.map(String) : [];
    return !drops.includes("ALL") || adds.some((a) => a !== "NET_BIND_SERVICE");
  });
  if (caps.length)
    out.push(
      `unrestricted capabilities (${plural(caps.length, "container", "containers")} ${quoted(caps.map((c) => c.name))} must set securityContext.capabilities.drop=["ALL"]; add only "NET_BIND_SERVICE")`,
    );

  const podNonRoot = pod.runAsNonRoot === true;
  const rootish = containers
    .filter((c) => c.sc.runAsNonRoot === false || (!podNonRoot && c.sc.runAsNonRoot !== true))
    .map((c) => c.name);
  if (pod.runAsNonRoot === false || rootish.length)
    out.push(
      `runAsNonRoot != true (pod or ${plural(rootish.length, "container", "containers")} ${quoted(rootish)} must set securityContext.runAsNonRoot=true)`,
    );

  const uid0 = pod.runAsUser === 0 || containers.some((c) => c.sc.runAsUser === 0);
  if (uid0) out.push("runAsUser=0 (pod and containers must not set runAsUser=0)");

  const podSeccomp = obj(pod.seccompProfile).type;
  const okSeccomp = (t: unknown) => t === "RuntimeDefault" || t === "Localhost";
  const noSeccomp = containers.filter((c) => {
    const t = obj(c.sc.seccompProfile).type;
    return t === undefined ? !okSeccomp(podSeccomp) : !okSeccomp(t);
  });
  if (noSeccomp.length)
    out.push(
      `seccompProfile (pod or ${plural(noSeccomp.length, "container", "containers")} ${quoted(noSeccomp.map((c) => c.name))} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")`,
    );
  return out;
}

/** What a pod spec does that the level forbids; empty when it complies. */
export function podSpecViolations(level: PodSecurityLevel, spec: unknown, annotations: unknown = {}): string[] {
  if (level === "privileged") return [];
  const s = obj(spec);
  const found = baseline(s, obj(annotations));
  return level === "restricted" ? [...found, ...restricted(s)] : found;
}

/** kube-apiserver's summary of a refusal: `violates PodSecurity "baseline:latest": …`. */
export function violationMessage(level: PodSecurityLevel, violations: string[]): string {
  return `violates PodSecurity "${level}:latest": ${violations.join(", ")}`;
}
