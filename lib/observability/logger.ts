import pino from "pino";
import { currentTraceIds } from "./tracer";

// JSON lines on stdout; every line carries the active trace and span ids.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "facet" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  mixin: () => currentTraceIds(),
});
