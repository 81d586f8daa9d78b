// The attacking side of the DoS scenario, run as its own process (an attacker does not share
// the server's event loop): 200 slow or huge Nacos listener requests and 32 slow OTLP uploads
// from one token. Reads its settings as JSON from argv[2]; prints status → count as JSON.
import { request } from "node:http";

const cfg = JSON.parse(process.argv[2]);
const { key } = cfg;
const record = (dataId, md5 = "") => `${dataId}\u0002${key.group}\u0002${md5}\u0002${key.namespace}\u0001`;
const form = (records) =>
  new URLSearchParams({
    "Listening-Configs": records.join(""),
    username: key.username,
    password: key.password,
    tenant: key.namespace,
  }).toString();
const range = (n, f) => Array.from({ length: n }, (_, k) => f(k));

/** Four shapes of abuse, in turn: trickled bodies, 3,000 held keys, too many keys, bogus md5s. */
function listenerBody(i) {
  switch (i % 4) {
    case 0:
      return { body: form(range(3000, (k) => record(`slow-${i}-${k}.yaml`))), trickle: true };
    case 1:
      return { body: form(range(3000, (k) => record(`held-${i}-${k}.yaml`))) };
    case 2:
      return { body: form(range(3001 + (i % 10) * 10, (k) => record(`many-${k}.yaml`))) };
    default:
      return {
        body: form(range(500, (k) => record(`md5-${k}.yaml`, "f".repeat(31) + "é".repeat(k % 2) + "x".repeat(200)))),
      };
  }
}

const statuses = { listeners: [], uploads: [] };
const open = [];

function send(origin, path, headers, body, trickle, into) {
  const req = request(new URL(path, origin), {
    method: "POST",
    headers: { ...headers, "content-length": Buffer.byteLength(body) },
    agent: false,
  });
  let timer;
  const done = new Promise((resolve) => {
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
      res.on("error", () => resolve(res.statusCode));
    });
    req.on("error", () => resolve(0));
  }).then((status) => {
    clearInterval(timer);
    req.destroy();
    into.push(status);
  });
  if (trickle) {
    req.write(body.slice(0, 100));
    let at = 100;
    timer = setInterval(() => req.writable && at < body.length && req.write(body[at++]), 200);
  } else req.end(body);
  open.push({ req, done, stop: () => clearInterval(timer) });
}

// Bodies built before the clock starts.
const listeners = range(cfg.listeners, listenerBody);
const upload = '{"resourceSpans":[' + " ".repeat(4 * 1024 * 1024);
process.stdout.write("ready\n");
await new Promise((r) => process.stdin.once("data", r));

for (let i = 0; i < cfg.uploads; i++) {
  send(
    cfg.api,
    "/api/otlp/v1/traces",
    { "content-type": "application/json", authorization: `Bearer ${cfg.attackerToken}` },
    upload,
    true,
    statuses.uploads,
  );
}
for (let i = 0; i < listeners.length; i++) {
  const headers = {
    "content-type": "application/x-www-form-urlencoded",
    "Long-Pulling-Timeout": "30000",
    "Client-AppName": `attacker-${i}`,
  };
  send(
    cfg.nacos,
    "/nacos/v1/cs/configs/listener",
    headers,
    listeners[i].body,
    listeners[i].trickle,
    statuses.listeners,
  );
}
await new Promise((r) => setTimeout(r, cfg.durationMs));
// Whatever is still open now is cut; its status reads 0.
for (const o of open) {
  o.stop();
  o.req.destroy();
}
await Promise.all(open.map((o) => o.done));
const tally = (list) => list.reduce((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
process.stdout.write(`${JSON.stringify({ listeners: tally(statuses.listeners), uploads: tally(statuses.uploads) })}\n`);
