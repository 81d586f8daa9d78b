import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seal } from "@/lib/crypto/secret-box";
import { renderKubeconfig } from "@/lib/sandbox/credentials";
import { kubeConfigFor, makeClient } from "../client";
import { probeCluster } from "../probe";

// An API server that accepts the connection and never answers (a hung proxy, a black-holed
// route): every call must still end, within the bound, as "unreachable" with a reason.
describe("a cluster that never answers", () => {
  let server: Server;
  const sockets: Socket[] = [];
  let origin: string;

  beforeAll(async () => {
    server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("is given up on after the timeout and reported unreachable", async () => {
    const kc = kubeConfigFor(
      {
        name: "hung",
        kind: "imported",
        egressPrivateAllowed: false,
        kubeconfig: seal(renderKubeconfig({ origin, token: "fsb_x" })),
      },
      400,
    );
    const started = Date.now();
    const status = await probeCluster(makeClient("hung", kc));
    const elapsed = Date.now() - started;
    expect(sockets.length).toBeGreaterThan(0);
    expect(status).toMatchObject({ reachable: false, serverVersion: null });
    expect(status.error).toMatch(/hung/);
    expect(elapsed).toBeGreaterThanOrEqual(350);
    expect(elapsed).toBeLessThan(5_000);
  });
});
