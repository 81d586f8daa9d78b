import { fnv32a } from "./util";

// Simulated container output: a few start-up lines chosen by image, then one event every
// 1/rate seconds: access lines with varied paths and statuses, JSON lines, errors and now and
// then a multi-line stack trace. Lines are a pure function of the pod, container, rate and
// time, so every reader (and every replica of the console) sees the same log.

export const LOG_INTERVAL_MS = 5_000;
/** A pod asks for a higher rate with this annotation (lines per second, at most MAX_LOG_RATE). */
export const LOG_RATE_ANNOTATION = "facet.dev/log-lines-per-second";
export const MAX_LOG_RATE = 200;
/** A read returns at most this many lines (the newest), whatever the window. */
export const MAX_LOG_LINES = 50_000;

export interface LogLine {
  at: Date;
  text: string;
}

export interface LogSource {
  /** The pod's uid. */
  seed: string;
  container: string;
  image: string;
  startedAt: Date;
  /** Events per second. */
  rate: number;
}

/** The rate a pod's annotations ask for, bounded; the default is one event per LOG_INTERVAL_MS. */
export function logRate(annotations: Record<string, string> | undefined): number {
  const asked = Number(annotations?.[LOG_RATE_ANNOTATION]);
  if (!Number.isFinite(asked) || asked <= 0) return 1000 / LOG_INTERVAL_MS;
  return Math.min(Math.max(asked, 1000 / LOG_INTERVAL_MS), MAX_LOG_RATE);
}

const PATHS = [
  "/",
  "/index.html",
  "/api/items",
  "/api/items/42",
  "/api/orders",
  "/api/orders/7/checkout",
  "/login",
  "/static/app.js",
  "/static/style.css",
  "/healthz",
  "/metrics",
  "/favicon.ico",
  "/admin",
];
const STATUS = [
  200, 200, 200, 200, 200, 200, 200, 201, 204, 301, 304, 304, 400, 401, 403, 404, 404, 429, 500, 502, 503,
];
// Public addresses (for GeoIP) and the in-cluster ingress.
const CLIENTS = ["10.244.0.1", "8.8.8.8", "81.2.69.142", "114.114.114.114", "91.198.174.192", "200.160.2.3"];
const AGENTS = [
  "curl/8.5.0",
  "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
  "Go-http-client/1.1",
  "python-requests/2.32.3",
];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pick = <T>(list: T[], n: number) => list[n % list.length];
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** 07/Dec/2026:17:10:59 +0000, nginx's $time_local in UTC. */
function nginxTime(at: Date): string {
  return `${pad(at.getUTCDate())}/${MONTHS[at.getUTCMonth()]}/${at.getUTCFullYear()}:${at.toISOString().slice(11, 19)} +0000`;
}

interface Request {
  client: string;
  method: string;
  path: string;
  status: number;
  bytes: number;
  ms: number;
  agent: string;
}

function request(h: number, h2: number): Request {
  const path = pick(PATHS, h >>> 4);
  const method = path === "/login" || path.endsWith("/checkout") ? "POST" : "GET";
  return {
    client: pick(CLIENTS, h2 >>> 3),
    method,
    path,
    status: pick(STATUS, h2 >>> 9),
    bytes: 100 + ((h >>> 11) % 9000),
    ms: 1 + ((h2 >>> 17) % 480),
    agent: path === "/healthz" ? "kube-probe/1.32" : pick(AGENTS, h >>> 19),
  };
}

const accessLine = (r: Request, at: Date) =>
  `${r.client} - - [${nginxTime(at)}] "${r.method} ${r.path} HTTP/1.1" ${r.status} ${r.bytes} "-" "${r.agent}"`;

const ERRORS = [
  "upstream timed out (110: Connection timed out) while reading response header from upstream",
  "connection refused while connecting to upstream database orders-db:5432",
  "payment provider answered 503 Service Unavailable",
  "order 7 could not be reserved: stock service unavailable",
];

function stackTrace(h: number, n: number): string[] {
  if (h % 2 === 0) {
    return [
      `Exception in thread "http-nio-8080-exec-${1 + (n % 9)}" java.lang.IllegalStateException: order ${n} not found`,
      "\tat com.example.shop.OrderService.find(OrderService.java:42)",
      "\tat com.example.shop.OrderController.get(OrderController.java:17)",
      "\tat java.base/java.lang.Thread.run(Thread.java:1583)",
    ];
  }
  return [
    `TypeError: Cannot read properties of undefined (reading 'price') (request ${n})`,
    "    at total (/app/src/cart.js:31:22)",
    "    at Array.reduce (<anonymous>)",
    "    at checkout (/app/src/checkout.js:12:18)",
    "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
  ];
}

/** The lines of event n (one, or several for a stack trace). */
function eventLines(source: LogSource, n: number, at: Date): string[] {
  const h = fnv32a(`${source.seed}/${source.container}/${n}`);
  const h2 = fnv32a(`${n}#${source.seed}`);
  const image = source.image;
  if (/redis/.test(image)) {
    const kind = h % 10;
    const time = `${pad(at.getUTCDate())} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()} ${at.toISOString().slice(11, 23)}`;
    if (kind === 0) return [`1:M ${time} # WARNING: client ${pick(CLIENTS, h2)} exceeded the output buffer limit`];
    return [
      `1:M ${time} * ${pick(["DB saved on disk", "Background saving started", "100 changes in 300 seconds. Saving..."], h2)}`,
    ];
  }
  if (/postgres|mysql|mariadb/.test(image)) {
    const time = at.toISOString().replace("T", " ").replace("Z", " UTC");
    if (h % 12 === 0) return [`${time} [1] ERROR:  duplicate key value violates unique constraint "orders_pkey"`];
    // A query as Postgres logs it (text only; nothing here talks to a database).
    const statement = ["SELECT * FROM orders WHERE id =", n % 100].join(" ");
    return [`${time} [1] LOG:  duration: ${(h2 % 5000) / 100} ms  statement: ${statement}`];
  }
  const r = request(h, h2);
  const kind = h % 100;
  if (kind < 65) return [accessLine(r, at)];
  if (kind < 80) {
    const level = r.status >= 500 ? "error" : r.status >= 400 ? "warn" : "info";
    return [
      JSON.stringify({
        level,
        ts: at.toISOString(),
        msg: r.status >= 400 ? "request failed" : "request served",
        method: r.method,
        path: r.path,
        status: r.status,
        duration_ms: r.ms,
        client_ip: r.client,
        request_id: (h2 >>> 0).toString(16).padStart(8, "0"),
      }),
    ];
  }
  if (kind < 92) {
    const message = pick(ERRORS, h2);
    if (/nginx/.test(image)) {
      const time = at.toISOString().slice(0, 19).replace(/-/g, "/").replace("T", " ");
      return [
        `${time} [error] 29#29: *${n} ${message}, client: ${r.client}, server: _, request: "${r.method} ${r.path} HTTP/1.1"`,
      ];
    }
    return [`${at.toISOString()} ERROR ${source.container}: ${message} (request ${n})`];
  }
  if (kind < 96)
    return [`${at.toISOString()} WARN ${source.container}: slow request ${r.method} ${r.path} took ${r.ms * 10}ms`];
  return stackTrace(h2, n);
}

function startupLines(image: string, container: string): string[] {
  if (/nginx/.test(image)) {
    return [
      "/docker-entrypoint.sh: Configuration complete; ready for start up",
      'nginx: [notice] using the "epoll" event method',
      "nginx: [notice] start worker processes",
    ];
  }
  if (/redis/.test(image)) return ["Redis version=7.2.4, bits=64, started", "Ready to accept connections tcp"];
  if (/postgres|mysql|mariadb/.test(image)) return ["database system is ready to accept connections"];
  return [`starting ${container} (${image})`, `${container}: configuration loaded`, `${container}: listening on :8080`];
}

/**
 * The lines written after `fromMs` (exclusive) up to `until` (inclusive), oldest first; at most
 * `max` of them, the newest when there are more. Start-up lines come in the first milliseconds,
 * events from then on; all lines of one event share its time.
 */
export function containerLog(source: LogSource, fromMs: number, until: Date, max = MAX_LOG_LINES): LogLine[] {
  const start = source.startedAt.getTime();
  const end = until.getTime();
  const interval = 1000 / source.rate;
  const at = (n: number) => start + Math.floor(n * interval);
  const lines: LogLine[] = [];
  startupLines(source.image, source.container).forEach((text, i) => {
    if (start + i > fromMs && start + i <= end) lines.push({ at: new Date(start + i), text });
  });
  if (end < start + 1) return lines.slice(-max);
  // Walk back from the newest event so a long window costs only the lines returned.
  let last = Math.max(0, Math.floor((end - start) / interval) + 1);
  while (last > 0 && at(last) > end) last--;
  const events: LogLine[][] = [];
  let count = 0;
  for (let n = last; n >= 1 && at(n) > fromMs && count < max; n--) {
    const when = new Date(at(n));
    const chunk = eventLines(source, n, when).map((text) => ({ at: when, text }));
    events.push(chunk);
    count += chunk.length;
  }
  const eventLinesOldestFirst = events.reverse().flat();
  return [...lines, ...eventLinesOldestFirst].slice(-max);
}

export function formatLine(line: LogLine, timestamps: boolean): string {
  return timestamps ? `${line.at.toISOString().replace("Z", "000000Z")} ${line.text}\n` : `${line.text}\n`;
}
