import { classifyAddress, type AddressClass } from "./address-class";

export interface EgressOptions {
  /** A sysadmin allowed private ranges for the cluster this request is about. */
  allowPrivate?: boolean;
}

/** Loopback is for tests and single-machine setups only, switched on by configuration. */
const loopbackAllowed = () => process.env.FACET_EGRESS_ALLOW_LOOPBACK === "1";
const privateAllowedEverywhere = () => process.env.FACET_EGRESS_ALLOW_PRIVATE === "1";

const REASONS: Record<Exclude<AddressClass, "public">, string> = {
  loopback: "a loopback address (this server itself)",
  private: "a private network address; a sysadmin may allow private addresses for the cluster",
  "link-local": "a link-local address",
  metadata: "a cloud metadata address",
  unspecified: "an unspecified address",
  reserved: "a reserved or multicast address",
  invalid: "not an IP address",
};

/** Why Facet will not connect to this address, or null when it may. */
export function refusalFor(address: string, options: EgressOptions = {}): string | null {
  const kind = classifyAddress(address);
  if (kind === "public") return null;
  if (kind === "loopback" && loopbackAllowed()) return null;
  if (kind === "private" && (options.allowPrivate || privateAllowedEverywhere())) return null;
  return `${address} is ${REASONS[kind]}`;
}
