// `import "server-only"` throws outside a React Server bundle, and --conditions=react-server
// would swap React itself; this hook makes that one import empty for bench scripts.
import { register } from "node:module";

const hook = `
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
