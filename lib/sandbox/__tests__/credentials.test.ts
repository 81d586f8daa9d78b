import { describe, expect, it } from "vitest";
import { parseKubeconfig } from "@/lib/clusters/kubeconfig";
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

  it("renders a kubeconfig whose server is <origin>/sandbox/k8s, which Facet's own parser reads back", () => {
    const secure = parseKubeconfig(renderKubeconfig({ origin: "https://facet.example.com/", token: "fsb_abc" }));
    expect(secure.server).toBe("https://facet.example.com/sandbox/k8s");
    expect(secure.options).toEqual({
      clusters: [
        {
          name: "facet-sandbox",
          server: "https://facet.example.com/sandbox/k8s",
          skipTLSVerify: false,
          caData: undefined,
          tlsServerName: undefined,
        },
      ],
      users: [
        {
          name: "facet-sandbox",
          token: "fsb_abc",
          certData: undefined,
          keyData: undefined,
          username: undefined,
          password: undefined,
        },
      ],
      contexts: [{ name: "facet-sandbox", cluster: "facet-sandbox", user: "facet-sandbox", namespace: "default" }],
      currentContext: "facet-sandbox",
    });

    // kubectl sends kubeconfig credentials only over TLS: on plain http the token also rides in the URL.
    const plain = parseKubeconfig(
      renderKubeconfig({
        origin: "http://localhost:3000",
        token: "fsb_abc",
        namespace: "team-a",
        clusterName: "facet-x",
      }),
    );
    expect(plain.options.clusters[0]).toMatchObject({
      name: "facet-x",
      server: "http://facet:fsb_abc@localhost:3000/sandbox/k8s",
      skipTLSVerify: true,
    });
    expect(plain.server).toBe("http://localhost:3000/sandbox/k8s");
    expect(plain.kc.getCurrentContext()).toBe("facet-x");
    expect(plain.kc.getContextObject("facet-x")?.namespace).toBe("team-a");
    expect(plain.kc.getCurrentUser()?.token).toBe("fsb_abc");
  });

  it("keeps names and tokens that YAML would otherwise read as other types or syntax as strings", () => {
    const parsed = parseKubeconfig(
      renderKubeconfig({ origin: "https://h.example/", token: "yes: #1", clusterName: "0x10", namespace: "null" }),
    );
    expect(parsed.options.users[0].token).toBe("yes: #1");
    expect(parsed.options.currentContext).toBe("0x10");
    expect(parsed.options.contexts[0].namespace).toBe("null");
  });
});
