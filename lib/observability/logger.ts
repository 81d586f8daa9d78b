import pino, { type DestinationStream } from "pino";
import { currentTraceIds } from "./tracer";

type LogTap = (line: string) => void;
let tap: LogTap | null = null;

/** Also hands every written line to `fn` (Facet's own log store); null stops it. */
export function setLogTap(fn: LogTap | null): void {
  tap = fn;
}

/** JSON lines; every line carries the active trace and span ids. */
export function createLogger(destination?: DestinationStream, level = process.env.LOG_LEVEL ?? "info") {
  return pino(
    {
      level,
      base: { service: "facet" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => currentTraceIds(),
      hooks: {
        streamWrite: (line) => {
          tap?.(line);
          return line;
        },
      },
    },
    destination,
  );
}

export const logger = createLogger();
