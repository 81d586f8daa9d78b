import { fnv32a } from "./util";

// Simulated container output: a few start-up lines chosen by image, then one request line
// every LOG_INTERVAL_MS. Lines are a pure function of the pod, container and time, so every
// reader (and every replica of the console) sees the same log.

export const LOG_INTERVAL_MS = 5_000;

export interface LogLine {
  at: Date;
  text: string;
}

const PATHS = ["/", "/healthz", "/api/items", "/api/orders", "/metrics", "/static/app.js"];
const STATUS = [200, 200, 200, 200, 201, 204, 304, 404];

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

export function containerLog(seed: string, container: string, image: string, startedAt: Date, until: Date): LogLine[] {
  const start = startedAt.getTime();
  const lines: LogLine[] = startupLines(image, container).map((text, i) => ({ at: new Date(start + i * 10), text }));
  const hash = fnv32a(`${seed}/${container}`);
  for (let n = 1; start + n * LOG_INTERVAL_MS <= until.getTime(); n++) {
    const path = PATHS[(hash + n) % PATHS.length];
    const status = STATUS[((hash >>> 3) + n * 7) % STATUS.length];
    const ms = ((hash >>> 5) + n * 13) % 97;
    lines.push({
      at: new Date(start + n * LOG_INTERVAL_MS),
      text: `10.244.0.1 - "GET ${path} HTTP/1.1" ${status} ${ms}ms request=${n}`,
    });
  }
  return lines.filter((l) => l.at.getTime() <= until.getTime());
}

export function formatLine(line: LogLine, timestamps: boolean): string {
  return timestamps ? `${line.at.toISOString().replace("Z", "000000Z")} ${line.text}\n` : `${line.text}\n`;
}
