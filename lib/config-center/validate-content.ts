import "server-only";
import { parseAllDocuments } from "yaml";
import { AppError } from "@/lib/errors";
import { TransportError } from "@/lib/core/transport-error";
import { MAX_CONTENT_BYTES, NACOS_KEY_MESSAGE, NACOS_KEY_PATTERN, type ConfigType } from "./constants";
import { firstYamlError } from "@/lib/yaml/first-yaml-error";
import { locateJsonError } from "./locate-json-error";

/** 400 unless the data id follows Nacos' rule. */
export function assertDataId(dataId: string): void {
  if (!NACOS_KEY_PATTERN.test(dataId)) {
    throw new AppError("BAD_REQUEST", `Invalid dataId: ${NACOS_KEY_MESSAGE}`, {
      errors: [{ path: "dataId", message: NACOS_KEY_MESSAGE }],
    });
  }
}

/** 413 when too large; 422 naming the line when a json or yaml config does not parse. */
export function assertContent(content: string, type: ConfigType): void {
  const bytes = Buffer.byteLength(content, "utf8");
  if (bytes > MAX_CONTENT_BYTES)
    throw new TransportError(
      413,
      `The content is ${bytes} bytes; a config holds at most ${MAX_CONTENT_BYTES} bytes (100 KB).`,
    );
  const problem = type === "json" ? jsonProblem(content) : type === "yaml" ? yamlProblem(content) : null;
  if (!problem) return;
  const message = `Invalid ${type.toUpperCase()} at line ${problem.line}, column ${problem.column}: ${problem.message}`;
  throw new AppError("VALIDATION", message, {
    errors: [{ path: "content", message }],
    details: { line: problem.line, column: problem.column },
  });
}

interface Located {
  line: number;
  column: number;
  message: string;
}

function jsonProblem(content: string): Located | null {
  try {
    JSON.parse(content);
    return null;
  } catch {
    return locateJsonError(content);
  }
}

function yamlProblem(content: string): Located | null {
  return firstYamlError(parseAllDocuments(content, { prettyErrors: true, uniqueKeys: true }));
}
