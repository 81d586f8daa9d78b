// Safe to import from client components.
import { z } from "zod";
import { DnsLabel } from "@/lib/tenancy/schemas";

const Url = (protocols: string[], example: string) =>
  z
    .string()
    .max(512)
    .refine((v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    }, `Use a URL such as ${example}.`);

export const LdapConfig = z.object({
  url: Url(["ldap:", "ldaps:"], "ldap://ldap.example.com:389"),
  startTls: z.boolean().default(false),
  /** PEM of the CA that signed the directory's certificate (StartTLS or ldaps://), for a
   *  directory whose CA the system does not trust; not a secret. */
  caCertificate: z
    .string()
    .max(20_000)
    .refine(
      (v) => v.trim() === "" || v.includes("-----BEGIN CERTIFICATE-----"),
      "Paste the CA certificate in PEM form (-----BEGIN CERTIFICATE-----).",
    )
    .optional(),
  bindDn: z.string().max(512).default(""),
  baseDn: z.string().min(1, "Enter the base DN to search users under.").max(512),
  /** `{username}` is replaced by the escaped login name. */
  userFilter: z
    .string()
    .max(512)
    .refine((f) => f.includes("{username}"), "The filter must contain {username}.")
    .default("(uid={username})"),
  attributes: z
    .object({
      username: z.string().max(64).default("uid"),
      email: z.string().max(64).default("mail"),
      displayName: z.string().max(64).default("cn"),
    })
    .default({ username: "uid", email: "mail", displayName: "cn" }),
});
export type LdapConfig = z.infer<typeof LdapConfig>;

export const OidcConfig = z
  .object({
    /** With an issuer, endpoints come from its discovery document. */
    issuer: Url(["https:", "http:"], "https://id.example.com").optional(),
    authorizationUrl: Url(["https:", "http:"], "https://id.example.com/authorize").optional(),
    tokenUrl: Url(["https:", "http:"], "https://id.example.com/token").optional(),
    userinfoUrl: Url(["https:", "http:"], "https://id.example.com/userinfo").optional(),
    /** With manual endpoints: the identifier the provider puts in `iss` (RFC 9207) when it
     *  redirects back; the authorization URL's origin when not given. */
    issuerId: z.string().max(512).optional(),
    clientId: z.string().min(1, "Enter the client id.").max(256),
    scopes: z.string().max(256).default("openid profile email"),
    claims: z
      .object({
        username: z.string().max(64).default("preferred_username"),
        email: z.string().max(64).default("email"),
        displayName: z.string().max(64).default("name"),
      })
      .default({ username: "preferred_username", email: "email", displayName: "name" }),
  })
  .refine((c) => c.issuer || (c.authorizationUrl && c.tokenUrl && c.userinfoUrl), {
    message: "Give an issuer, or the authorize, token and userinfo URLs.",
    path: ["issuer"],
  });
export type OidcConfig = z.infer<typeof OidcConfig>;

const common = { name: DnsLabel, displayName: z.string().min(1).max(128), enabled: z.boolean().default(true) };

export const CreateAuthSourceInput = z.discriminatedUnion("kind", [
  z.object({ ...common, kind: z.literal("ldap"), config: LdapConfig, bindPassword: z.string().max(512).optional() }),
  z.object({ ...common, kind: z.literal("oidc"), config: OidcConfig, clientSecret: z.string().max(512).optional() }),
]);
export type CreateAuthSourceInput = z.infer<typeof CreateAuthSourceInput>;

export const UpdateAuthSourceInput = z.object({
  displayName: z.string().min(1).max(128).optional(),
  enabled: z.boolean().optional(),
  /** Replaces the whole config of the source's kind (validated against it). */
  config: z.record(z.string(), z.unknown()).optional(),
  bindPassword: z.string().max(512).optional(),
  clientSecret: z.string().max(512).optional(),
});
export type UpdateAuthSourceInput = z.infer<typeof UpdateAuthSourceInput>;

export const AuthSourceParams = z.object({ name: DnsLabel });
