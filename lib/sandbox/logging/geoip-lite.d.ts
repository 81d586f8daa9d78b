// geoip-lite ships no types; this is the part the geoip filter uses.
declare module "geoip-lite" {
  interface Lookup {
    range: [number, number];
    country: string;
    region: string;
    eu: "0" | "1";
    timezone: string;
    city: string;
    ll: [number, number];
    metro: number;
    area: number;
  }
  export function lookup(ip: string): Lookup | null;
}
