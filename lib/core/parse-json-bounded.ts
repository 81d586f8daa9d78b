import { TransportError } from "./transport-error";

/** Deepest nesting of objects and arrays accepted in a JSON body. */
export const MAX_JSON_DEPTH = 64;

/**
 * The depth of the deepest object or array in JSON text, counted without parsing, stopping
 * as soon as it passes `max`: recursive decoders then never see a body that could exhaust the stack.
 */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Jump over the string (most of a telemetry body) with indexOf instead of a char loop:
      // a quote ends it unless an odd run of backslashes escapes it.
      for (;;) {
        const end = text.indexOf('"', i + 1);
        if (end < 0) return false; // unterminated: JSON.parse reports it
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 0x5c) slashes++;
        i = end;
        if (slashes % 2 === 0) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** JSON.parse for request bodies: too deep or malformed → 400. */
export function parseJsonBounded(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (jsonDepthExceeds(text, maxDepth))
    throw new TransportError(400, `The JSON body is nested deeper than ${maxDepth} levels.`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new TransportError(400, `The body is not valid JSON: ${(error as Error).message}`);
  }
}
