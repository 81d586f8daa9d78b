import "server-only";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import nodemailer from "nodemailer";
import { refusalFor } from "@/lib/net/egress";
import type { LoadedChannel } from "../channel-config";
import { absoluteLink, groupLines, groupTitle, type DeliveryGroup } from "../delivery-group";
import { DeliveryError } from "./http";

interface EmailConfig {
  host: string;
  port: number;
  tls: "none" | "starttls" | "tls";
  username?: string;
  from: string;
  to: string[];
}

/** Resolves the SMTP host once and connects to that address, so the egress check holds at connect time. */
async function allowedAddress(host: string): Promise<string> {
  const bare = host.replace(/^\[|\]$/g, "");
  const addresses = isIP(bare) ? [{ address: bare }] : await lookup(bare, { all: true }).catch(() => []);
  if (!addresses.length) throw new DeliveryError(`the host '${host}' does not resolve`);
  const refusal = addresses.map((a) => refusalFor(a.address)).find(Boolean);
  if (refusal) throw new DeliveryError(`Facet does not connect to ${host}: ${refusal}.`);
  return addresses[0].address;
}

export function emailMessage(group: DeliveryGroup, config: EmailConfig) {
  const link = group.alerts[0] ? absoluteLink(group.alerts[0].generatorURL) : absoluteLink("/");
  return {
    from: config.from,
    to: config.to,
    subject: groupTitle(group),
    text: [...groupLines(group), "", link].join("\n"),
  };
}

export async function sendEmail(channel: LoadedChannel, group: DeliveryGroup, signal: AbortSignal, timeoutMs: number) {
  const config = channel.config as unknown as EmailConfig;
  const address = await allowedAddress(config.host);
  const transport = nodemailer.createTransport({
    host: address,
    port: config.port,
    secure: config.tls === "tls",
    requireTLS: config.tls === "starttls",
    ignoreTLS: config.tls === "none",
    // The certificate is checked against the name the user gave, not the resolved address.
    tls: isIP(config.host) ? undefined : { servername: config.host },
    auth: config.username ? { user: config.username, pass: channel.secrets.password ?? "" } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  const abort = () => transport.close();
  signal.addEventListener("abort", abort, { once: true });
  try {
    const info = await transport.sendMail(emailMessage(group, config));
    if (info.rejected.length) throw new DeliveryError(`rejected recipients: ${info.rejected.join(", ")}`);
    return { status: 250 };
  } catch (error) {
    if (error instanceof DeliveryError) throw error;
    const e = error as Error & { responseCode?: number };
    throw new DeliveryError(e.message.slice(0, 300), e.responseCode ?? null);
  } finally {
    signal.removeEventListener("abort", abort);
    transport.close();
  }
}
