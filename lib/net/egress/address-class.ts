import ipaddr from "ipaddr.js";

/** What an address is, for the egress policy. */
export type AddressClass =
  "public" | "loopback" | "private" | "link-local" | "metadata" | "unspecified" | "reserved" | "invalid";

// Cloud instance-metadata endpoints outside 169.254/16 (which is link-local anyway).
const METADATA = new Set(["169.254.169.254", "169.254.170.2", "100.100.100.200", "192.0.0.192", "fd00:ec2::254"]);

const V4: Record<string, AddressClass> = {
  unicast: "public",
  loopback: "loopback",
  private: "private",
  carrierGradeNat: "private",
  linkLocal: "link-local",
  unspecified: "unspecified",
};
const V6: Record<string, AddressClass> = {
  unicast: "public",
  loopback: "loopback",
  uniqueLocal: "private",
  linkLocal: "link-local",
  unspecified: "unspecified",
};

const v4From = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);

/** Classifies an IP literal; IPv6 forms that carry an IPv4 address are judged by that address. */
export function classifyAddress(text: string): AddressClass {
  const bare = text.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!ipaddr.isValid(bare)) return "invalid";
  let addr = ipaddr.parse(bare);
  if (addr.kind() === "ipv6") {
    const v6 = addr as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) addr = v6.toIPv4Address();
    else {
      const range = v6.range();
      // NAT64 (64:ff9b::/96), 6to4 and IPv4-compatible forms route to the embedded IPv4 address.
      if (range === "rfc6052" || range === "rfc6145") addr = v4From(v6.parts[6], v6.parts[7]);
      else if (range === "6to4") addr = v4From(v6.parts[1], v6.parts[2]);
    }
  }
  const normal = addr.kind() === "ipv6" ? (addr as ipaddr.IPv6).toNormalizedString() : addr.toString();
  if (METADATA.has(addr.toString()) || METADATA.has(normal)) return "metadata";
  const table = addr.kind() === "ipv4" ? V4 : V6;
  return table[addr.range()] ?? "reserved";
}
