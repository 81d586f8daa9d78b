// Timings of the simulated cluster, overridable for tests and demos.

/** How long a scheduled pod stays Pending (ContainerCreating) before it runs. */
export function podStartDelayMs(): number {
  return Number(process.env.SANDBOX_POD_START_MS ?? 1500);
}

/** Interval of the controller loop when nothing wakes it earlier. */
export function controllerTickMs(): number {
  return Number(process.env.SANDBOX_TICK_MS ?? 1000);
}

export const NODE_NAME = "sandbox-node-1";
export const NODE_IP = "10.0.0.10";
