import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { KubeConfig } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proxyV2, servingService } from "../service-proxy";

// V2 calls to Seldon and KServe deployments go through the API server's service proxy with the
// cluster's credentials. A stand-in API server records what arrives and answers as MLServer would.

let server: Server;
let kc: KubeConfig;
const seen: { method: string; url: string; auth: string | undefined; body: string }[] = [];

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = "";
    req.on("data", (c: Buffer) => (text += c.toString()));
    req.on("end", () => resolve(text));
  });

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await read(req);
    seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
    if (req.url!.includes("missing-default")) {
      res.writeHead(503, { "content-type": "text/plain" }).end('no endpoints available for service "missing-default"');
      return;
    }
    if (req.url!.endsWith("/infer"))
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(
          JSON.stringify({ model_name: "sst2", outputs: [{ name: "o", shape: [1], datatype: "BYTES", data: ["x"] }] }),
        );
    else res.writeHead(200).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: "c", server: `http://127.0.0.1:${port}`, skipTLSVerify: true }],
    users: [{ name: "u", token: "secret-token" }],
    contexts: [{ name: "x", cluster: "c", user: "u" }],
    currentContext: "x",
  });
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("the V2 service proxy for serving clusters", () => {
  it("names Seldon's and KServe's predictor services", () => {
    expect(servingService("seldon", "sst2")).toEqual({ service: "sst2-default", port: 8000 });
    expect(servingService("kserve", "sst2")).toEqual({ service: "sst2-predictor", port: 80 });
  });

  it("forwards the call with the cluster's credentials and passes the answer on", async () => {
    const request = { inputs: [{ name: "args", shape: [1], datatype: "BYTES", data: ["I love this"] }] };
    const answer = await proxyV2(
      kc,
      { namespace: "team-a", ...servingService("seldon", "sst2") },
      "POST",
      ["models", "sst2", "infer"],
      Buffer.from(JSON.stringify(request)),
    );
    expect(answer).toEqual({
      status: 200,
      body: { model_name: "sst2", outputs: [{ name: "o", shape: [1], datatype: "BYTES", data: ["x"] }] },
    });
    const last = seen.at(-1)!;
    expect(last).toMatchObject({
      method: "POST",
      url: "/api/v1/namespaces/team-a/services/sst2-default:8000/proxy/v2/models/sst2/infer",
      auth: "Bearer secret-token",
    });
    expect(JSON.parse(last.body)).toEqual(request);
    const ready = await proxyV2(
      kc,
      { namespace: "team-a", service: "sst2-predictor", port: 80 },
      "GET",
      ["health", "ready"],
      null,
    );
    expect(ready).toEqual({ status: 200, body: null });
  });

  it("turns the API server's plain-text refusals into {error}, and an unreachable cluster into 503", async () => {
    const refused = await proxyV2(
      kc,
      { namespace: "a", service: "missing-default", port: 8000 },
      "GET",
      ["health", "ready"],
      null,
    );
    expect(refused.status).toBe(503);
    expect(refused.body).toEqual({ error: expect.stringMatching(/no endpoints available/) });
    const gone = new KubeConfig();
    gone.loadFromOptions({
      clusters: [{ name: "c", server: "http://127.0.0.1:9", skipTLSVerify: true }],
      users: [{ name: "u", token: "t" }],
      contexts: [{ name: "x", cluster: "c", user: "u" }],
      currentContext: "x",
    });
    const down = await proxyV2(gone, { namespace: "a", service: "s", port: 1 }, "GET", ["health", "live"], null);
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ error: expect.stringMatching(/did not answer/) });
  });
});
