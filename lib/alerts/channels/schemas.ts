// Safe to import from client components.
import { z } from "zod";
import { DnsLabel } from "@/lib/tenancy/schemas";

export const CHANNEL_KINDS = ["webhook", "email", "feishu", "dingtalk", "alertmanager"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

const HttpUrl = z
  .string()
  .trim()
  .min(1, "Enter the URL.")
  .max(2048)
  .refine((v) => {
    try {
      return ["http:", "https:"].includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, "Use an http(s) URL such as https://hooks.example.com/alerts.");

/** A secret field: omitted on update keeps the stored one. */
const Secret = z.string().min(1).max(4096).optional();

const HttpAuth = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("none") }),
    z.object({ type: z.literal("bearer"), token: Secret }),
    z.object({ type: z.literal("basic"), username: z.string().min(1).max(256), password: Secret }),
  ])
  .default({ type: "none" });

export const WebhookConfig = z.object({ url: HttpUrl.optional(), auth: HttpAuth });
export const AlertmanagerConfig = z.object({ url: HttpUrl.optional(), auth: HttpAuth });

const Email = z.string().trim().email("Enter an email address.").max(254);
export const EmailConfig = z.object({
  host: z
    .string()
    .trim()
    .min(1, "Enter the SMTP server's host name.")
    .max(253)
    .regex(/^[A-Za-z0-9.-]+$|^\[?[0-9a-fA-F:.]+\]?$/, "Enter a host name or an IP address."),
  port: z.number().int().min(1).max(65535).default(587),
  /** none: plain; starttls: upgrade required; tls: TLS from the first byte (465). */
  tls: z.enum(["none", "starttls", "tls"]).default("starttls"),
  username: z.string().max(256).optional(),
  password: Secret,
  from: Email,
  to: z.array(Email).min(1, "Add at least one recipient.").max(50),
});

export const FeishuConfig = z.object({
  url: HttpUrl.optional(),
  /** The bot's signing secret ("signature verification"); without it requests are unsigned. */
  secret: Secret,
  msgType: z.enum(["interactive", "text"]).default("interactive"),
});

export const DingtalkConfig = z.object({ url: HttpUrl.optional(), secret: Secret });

export const CHANNEL_CONFIGS = {
  webhook: WebhookConfig,
  email: EmailConfig,
  feishu: FeishuConfig,
  dingtalk: DingtalkConfig,
  alertmanager: AlertmanagerConfig,
} as const;

export type ChannelConfigInput =
  | { kind: "webhook"; config: z.infer<typeof WebhookConfig> }
  | { kind: "email"; config: z.infer<typeof EmailConfig> }
  | { kind: "feishu"; config: z.infer<typeof FeishuConfig> }
  | { kind: "dingtalk"; config: z.infer<typeof DingtalkConfig> }
  | { kind: "alertmanager"; config: z.infer<typeof AlertmanagerConfig> };

const body = <K extends ChannelKind, C extends z.ZodTypeAny>(kind: K, config: C) =>
  z.object({
    name: DnsLabel,
    kind: z.literal(kind),
    /** Default as Alertmanager's: email false, the others true. */
    sendResolved: z.boolean().optional(),
    config,
  });

/** POST and PUT: the whole channel. On PUT, a secret left out (or the redacted URL the API
 *  showed) keeps the stored one, so a client can send back what it read. */
export const ChannelBody = z.discriminatedUnion("kind", [
  body("webhook", WebhookConfig),
  body("email", EmailConfig),
  body("feishu", FeishuConfig),
  body("dingtalk", DingtalkConfig),
  body("alertmanager", AlertmanagerConfig),
]);
export type ChannelBody = z.infer<typeof ChannelBody>;

export const SystemChannelParams = z.object({ name: DnsLabel });
export const TenantChannelParams = z.object({ tenant: DnsLabel, name: DnsLabel });
