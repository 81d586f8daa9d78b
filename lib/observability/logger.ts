import pino, { type DestinationStream } from "pino";
import { currentTraceIds } from "./tracer";

/** JSON lines; every line carries the active trace and span ids. */
export function createLogger(destination?: DestinationStream, level = process.env.LOG_LEVEL ?? "info") {
  return pino(
    {
      level,
      base: { service: "facet" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => currentTraceIds(),
    },
    destination,
  );
}

export const logger = createLogger();
