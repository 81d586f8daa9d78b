import "server-only";
import { SERVICES } from "../builtin-resources";
import type { Writer } from "../store/writer";
import type { JsonObject, K8sObject } from "../types";
import { fnv32a } from "../util";

// The service IP and node port allocators: 10.96.0.0/16 (10.96.0.1 is the kubernetes service)
// and 30000-32767, probing from a hash of the name so addresses are stable across runs.

function usedBy(services: K8sObject[]) {
  const ips = new Set<string>(["10.96.0.0", "10.96.0.1"]);
  const ports = new Set<number>();
  for (const s of services) {
    for (const ip of (s.spec?.clusterIPs as string[] | undefined) ?? []) ips.add(ip);
    for (const p of (s.spec?.ports as JsonObject[] | undefined) ?? [])
      if (typeof p.nodePort === "number") ports.add(p.nodePort);
  }
  return { ips, ports };
}

export async function allocateServiceAddresses(w: Writer, service: K8sObject): Promise<void> {
  const spec = (service.spec ??= {});
  const others = (await w.list(SERVICES)).filter((s) => s.metadata.uid !== service.metadata.uid);
  const { ips, ports } = usedBy(others);
  const seed = fnv32a(`${service.metadata.namespace}/${service.metadata.name}`);
  if (spec.type !== "ExternalName") {
    if (spec.clusterIP === "None") {
      spec.clusterIPs = ["None"];
    } else if (!spec.clusterIP) {
      let n = seed % 65000;
      let ip = "";
      do {
        n = (n + 1) % 65000;
        ip = `10.96.${Math.floor((n + 2) / 256)}.${(n + 2) % 256}`;
      } while (ips.has(ip) || ip.endsWith(".0") || ip.endsWith(".255"));
      spec.clusterIP = ip;
      spec.clusterIPs = [ip];
    } else {
      spec.clusterIPs ??= [spec.clusterIP];
    }
    spec.ipFamilies ??= ["IPv4"];
    spec.ipFamilyPolicy ??= "SingleStack";
  }
  if (spec.type === "NodePort" || spec.type === "LoadBalancer") {
    let next = 30000 + (seed % 2768);
    for (const port of (spec.ports as JsonObject[] | undefined) ?? []) {
      if (typeof port.nodePort === "number") continue;
      while (ports.has(next)) next = next >= 32767 ? 30000 : next + 1;
      port.nodePort = next;
      ports.add(next);
    }
  }
}
