// Timings of the simulated cluster, overridable for tests and demos.

/** How long a scheduled pod stays Pending (ContainerCreating) before it runs. */
export function podStartDelayMs(): number {
  return Number(process.env.SANDBOX_POD_START_MS ?? 1500);
}

/** A pod may ask for its own delay (to show a slow start); it is read from the pod's annotations. */
export const START_DELAY_ANNOTATION = "sandbox.facet.dev/start-delay-ms";

export function podStartDelayFor(annotations: Record<string, string> | undefined): number {
  const own = Number(annotations?.[START_DELAY_ANNOTATION]);
  return Number.isFinite(own) && own >= 0 ? own : podStartDelayMs();
}

/** Interval of the controller loop when nothing wakes it earlier. */
export function controllerTickMs(): number {
  return Number(process.env.SANDBOX_TICK_MS ?? 1000);
}

export const NODE_NAME = "sandbox-node-1";
export const NODE_IP = "10.0.0.10";
