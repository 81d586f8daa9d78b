import { describe, expect, it } from "vitest";
import { issueSandboxToken, renderKubeconfig, revokeSandboxToken, verifySandboxToken } from "@/lib/sandbox";

describe("sandbox credentials", () => {
  it("issues tokens that verify until revoked or expired", async () => {
    const { id, token } = await issueSandboxToken({ name: "seed" });
    expect(token).toMatch(/^fsb_[A-Za-z0-9_-]{43}$/);
    expect(await verifySandboxToken(token)).toBe(true);
    expect(await verifySandboxToken(`${token}x`)).toBe(false);
    await revokeSandboxToken(id);
    expect(await verifySandboxToken(token)).toBe(false);

    const expired = await issueSandboxToken({ name: "short", ttlSeconds: -1 });
    expect(await verifySandboxToken(expired.token)).toBe(false);
  });

  it("renders a kubeconfig whose server is <origin>/sandbox/k8s", () => {
    const secure = renderKubeconfig({ origin: "https://facet.example.com/", token: "fsb_abc" });
    expect(secure).toContain('server: "https://facet.example.com/sandbox/k8s"');
    expect(secure).toContain('token: "fsb_abc"');
    expect(secure).not.toContain("insecure-skip-tls-verify");

    // kubectl sends kubeconfig credentials only over TLS: on plain http the token also rides in the URL.
    const plain = renderKubeconfig({ origin: "http://localhost:3000", token: "fsb_abc", namespace: "team-a" });
    expect(plain).toContain('server: "http://facet:fsb_abc@localhost:3000/sandbox/k8s"');
    expect(plain).toContain("insecure-skip-tls-verify: true");
    expect(plain).toContain('namespace: "team-a"');
  });
});
