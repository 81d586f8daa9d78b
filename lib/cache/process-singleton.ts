/**
 * One instance per process. Next compiles a module once per bundle layer (route handlers, server
 * components, the proxy, instrumentation), so a module-level variable would give each layer its
 * own pool, queue or timer; globalThis is shared by all of them.
 */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`facet.${name}`);
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  return (holder[key] ??= create());
}

/** Forgets the instance (tests, shutdown); the next processSingleton() call makes a new one. */
export function dropProcessSingleton(name: string): void {
  delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for(`facet.${name}`)];
}

/** The instance if one was made, without making it. */
export function peekProcessSingleton<T>(name: string): T | undefined {
  return (globalThis as unknown as Record<symbol, T | undefined>)[Symbol.for(`facet.${name}`)];
}
