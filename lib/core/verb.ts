import "server-only";
import { withSpan } from "@/lib/observability/tracer";
import type { Permission } from "@/lib/rbac";
import { authorize } from "./authorize";
import type { AuthedContext } from "./context";

export interface VerbArgs<I, C extends AuthedContext = AuthedContext> {
  ctx: C;
  input: I;
}

export type Verb<I, O, C extends AuthedContext = AuthedContext> = ((args: VerbArgs<I, C>) => Promise<O>) & {
  permission: Permission;
  verbName: string;
};

/** A domain verb: runs in its own span and authorizes before it does anything else. The name
 *  and permission are declared here once; operation({ verb }) takes both from the verb. */
export function verb<I, O, C extends AuthedContext = AuthedContext>(
  name: string,
  permission: Permission,
  fn: (args: VerbArgs<I, C>) => Promise<O>,
): Verb<I, O, C> {
  const run = (args: VerbArgs<I, C>) =>
    withSpan(`verb ${name}`, { "facet.permission": permission }, async () => {
      authorize(args.ctx, permission);
      return fn(args);
    });
  return Object.assign(run, { permission, verbName: name });
}
