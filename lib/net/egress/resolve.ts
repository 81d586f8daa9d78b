import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import { refusalFor, type EgressOptions } from "./policy";

/** An outbound address the egress policy refuses. */
export class EgressRefused extends Error {
  constructor(
    readonly host: string,
    readonly reason: string,
  ) {
    super(`Facet does not connect to ${host}: ${reason}.`);
    this.name = "EgressRefused";
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net/tls connections: resolves every address of the host and refuses the
 * connection if any is forbidden, so the check holds at connect time (no DNS rebinding window).
 */
export function guardedLookup(options: EgressOptions) {
  return (hostname: string, opts: { all?: boolean; family?: number } | number, callback: LookupCallback): void => {
    const wantAll = typeof opts === "object" && opts.all === true;
    dnsLookup(
      hostname,
      { all: true, family: typeof opts === "number" ? opts : (opts.family ?? 0) },
      (error, addresses) => {
        if (error) return callback(error, wantAll ? [] : "");
        const refused = addresses.map((a) => refusalFor(a.address, options)).find(Boolean);
        if (refused || !addresses.length)
          return callback(
            new EgressRefused(hostname, refused ?? "it has no address") as NodeJS.ErrnoException,
            wantAll ? [] : "",
          );
        if (wantAll) return callback(null, addresses);
        callback(null, addresses[0].address, addresses[0].family);
      },
    );
  };
}

/** Resolves a host (or takes an IP literal) and returns the first refusal, if any. */
export async function refusalForHost(host: string, options: EgressOptions = {}): Promise<string | null> {
  const bare = host.replace(/^\[|\]$/g, "");
  if (isIP(bare)) return refusalFor(bare, options);
  const addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(bare, { all: true }, (e, a) => (e ? reject(e) : resolve(a))),
  );
  if (!addresses.length) return "it has no address";
  return addresses.map((a) => refusalFor(a.address, options)).find((r) => r !== null) ?? null;
}
