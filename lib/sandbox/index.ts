import "server-only";
export { handleSandboxRequest } from "./http/handler";
export { reconcileOnce, housekeeping, startControllers, stopControllers } from "./controllers";
export { ensureClusterSeeded } from "./controllers/bootstrap";
export { compactWatchLog } from "./store/compaction";
export {
  issueSandboxToken,
  revokeSandboxToken,
  renderKubeconfig,
  sandboxServerUrl,
  verifySandboxToken,
} from "./credentials";
