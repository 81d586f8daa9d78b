import type { Actor } from "@/lib/auth/actor";
import { isWrite, type Permission } from "./permissions";
import { WRITABLE_TYPES } from "./roles";
import type { Scope } from "./scope";

export type Decision = { allow: true } | { allow: false; status: "forbidden" | "not-found"; reason: string };
export type { Scope };

const allow: Decision = { allow: true };
const forbid = (reason: string): Decision => ({ allow: false, status: "forbidden", reason });
const hidden: Decision = { allow: false, status: "not-found", reason: "not a member of the tenant" };

type Rule = (scope: Scope) => boolean;

const tenantAdmin: Rule = (s) => s.tenantRole === "admin";
const tenantMember: Rule = (s) => s.tenantRole === "admin" || s.tenantRole === "member";
const projectAdmin: Rule = (s) => tenantAdmin(s) || s.projectRole === "admin";
const projectReader: Rule = (s) => tenantAdmin(s) || Boolean(s.projectRole);
/** Every project member reads every environment of the project; environment members read theirs. */
const environmentReader: Rule = (s) => projectReader(s) || Boolean(s.environmentRole);
const environmentWriter: Rule = (s) => {
  if (projectAdmin(s) || s.environmentRole === "operator") return true;
  const type = s.environment?.type;
  return Boolean(type && s.projectRole && WRITABLE_TYPES[s.projectRole].includes(type));
};
const nobody: Rule = () => false;
const everybody: Rule = () => true;

/** The role table: who, below sysadmin, holds each permission. Sysadmins hold all of them. */
export const RULES: Record<Permission, { level: "system" | "tenant" | "project" | "environment"; rule: Rule }> = {
  "me.read": { level: "system", rule: everybody },
  "me.tokens.read": { level: "system", rule: everybody },
  "me.tokens.update": { level: "system", rule: everybody },
  "auth-sources.read": { level: "system", rule: nobody },
  "auth-sources.create": { level: "system", rule: nobody },
  "auth-sources.update": { level: "system", rule: nobody },
  "auth-sources.delete": { level: "system", rule: nobody },
  "users.read": { level: "system", rule: nobody },
  "users.create": { level: "system", rule: nobody },
  "users.update": { level: "system", rule: nobody },
  "users.delete": { level: "system", rule: nobody },
  "tenants.list": { level: "system", rule: everybody },
  // Everyone may search; the results hold only what the searcher may read.
  "search.read": { level: "system", rule: everybody },
  "tenants.create": { level: "system", rule: nobody },
  "audit.read": { level: "tenant", rule: tenantAdmin },
  "tenants.read": { level: "tenant", rule: tenantMember },
  "tenants.update": { level: "tenant", rule: tenantAdmin },
  "tenants.delete": { level: "tenant", rule: nobody },
  "tenants.members.read": { level: "tenant", rule: tenantAdmin },
  "tenants.members.update": { level: "tenant", rule: tenantAdmin },
  "tenants.quotas.read": { level: "tenant", rule: tenantAdmin },
  "tenants.quotas.update": { level: "tenant", rule: tenantAdmin },
  "projects.list": { level: "tenant", rule: tenantMember },
  "projects.create": { level: "tenant", rule: tenantAdmin },
  "projects.read": { level: "project", rule: projectReader },
  "projects.update": { level: "project", rule: projectAdmin },
  "projects.delete": { level: "project", rule: projectAdmin },
  "projects.members.read": { level: "project", rule: projectReader },
  "projects.members.update": { level: "project", rule: projectAdmin },
  // Anyone in the tenant may ask; the list holds only the environments they may read.
  "environments.list": { level: "project", rule: tenantMember },
  "environments.create": { level: "project", rule: projectAdmin },
  "environments.read": { level: "environment", rule: environmentReader },
  "environments.update": { level: "environment", rule: environmentWriter },
  "environments.delete": { level: "environment", rule: projectAdmin },
  "environments.members.read": { level: "environment", rule: environmentReader },
  "environments.members.update": { level: "environment", rule: projectAdmin },
  "applications.read": { level: "environment", rule: environmentReader },
  "applications.create": { level: "environment", rule: environmentWriter },
  "applications.update": { level: "environment", rule: environmentWriter },
  "applications.delete": { level: "environment", rule: environmentWriter },
  "clusters.read": { level: "system", rule: nobody },
  "clusters.create": { level: "system", rule: nobody },
  "clusters.delete": { level: "system", rule: nobody },
  "clusters.kubeconfig.read": { level: "system", rule: nobody },
  // Nodes serve every tenant: listing and cordoning them is the sysadmin's.
  "clusters.nodes.read": { level: "system", rule: nobody },
  "clusters.nodes.update": { level: "system", rule: nobody },
  "environments.sync": { level: "environment", rule: environmentWriter },
  "workloads.read": { level: "environment", rule: environmentReader },
  "workloads.update": { level: "environment", rule: environmentWriter },
  // A shell in a container can do whatever the container can: the environment's writers only.
  "workloads.exec": { level: "environment", rule: environmentWriter },
  "usage.read": { level: "environment", rule: environmentReader },
  "telemetry.read": { level: "environment", rule: environmentReader },
  "telemetry.system.read": { level: "system", rule: nobody },
  "ingest-tokens.read": { level: "environment", rule: environmentWriter },
  "ingest-tokens.create": { level: "environment", rule: environmentWriter },
  "clusters.ingest-tokens.read": { level: "system", rule: nobody },
  "clusters.ingest-tokens.create": { level: "system", rule: nobody },
  "configs.read": { level: "environment", rule: environmentReader },
  "configs.write": { level: "environment", rule: environmentWriter },
  "configs.keys.read": { level: "environment", rule: environmentReader },
  "configs.keys.update": { level: "environment", rule: environmentWriter },
  "logging.read": { level: "environment", rule: environmentReader },
  "logging.write": { level: "environment", rule: environmentWriter },
  // ClusterFlows and ClusterOutputs act on every namespace of a cluster: sysadmins only.
  "logging.cluster.read": { level: "system", rule: nobody },
  "logging.cluster.write": { level: "system", rule: nobody },
  "probes.read": { level: "environment", rule: environmentReader },
  "probes.write": { level: "environment", rule: environmentWriter },
  // Alert rules, silences and acknowledgements follow the environment's type, as workloads do.
  "alerts.read": { level: "environment", rule: environmentReader },
  "alerts.write": { level: "environment", rule: environmentWriter },
  // Channels hold delivery secrets: the tenant admin's; members see names to pick receivers.
  "alert-channels.read": { level: "tenant", rule: tenantMember },
  "alert-channels.write": { level: "tenant", rule: tenantAdmin },
  "alert-channels.system.read": { level: "system", rule: nobody },
  "alert-channels.system.write": { level: "system", rule: nobody },
  "alert-templates.read": { level: "system", rule: everybody },
  "me.notifications.read": { level: "system", rule: everybody },
  "me.notifications.update": { level: "system", rule: everybody },
  // A project's model repository: its members pull, its admins and ops push.
  "modelx.pull": { level: "project", rule: projectReader },
  "modelx.push": { level: "project", rule: (s) => projectAdmin(s) || s.projectRole === "ops" },
  // The built-in models' repository `library`: everyone pulls, sysadmins push.
  "modelx.library.push": { level: "system", rule: nobody },
  // The catalog is everyone's to browse and rate; sources, syncs, publishing are the sysadmin's.
  "models.read": { level: "system", rule: everybody },
  "models.admin": { level: "system", rule: nobody },
  "models.rate": { level: "system", rule: everybody },
  // Models served in an environment follow its type, as workloads do; readers may also infer.
  "model-deployments.read": { level: "environment", rule: environmentReader },
  "model-deployments.write": { level: "environment", rule: environmentWriter },
};

/** Pure: everything the decision needs is in the actor and the scope. */
export function decide(actor: Actor, permission: Permission, scope: Scope = {}): Decision {
  if (actor.tokenScope === "read-only" && isWrite(permission)) return forbid("This token is read-only.");
  if (actor.systemRole === "sysadmin") return allow;
  const { level, rule } = RULES[permission];
  // Outside the tenant nothing exists, not even its name.
  if (level !== "system" && scope.tenant && !tenantMember(scope)) return hidden;
  return rule(scope) ? allow : forbid(`You may not ${permission.replace(".", " ").replace(/\./g, " ")} here.`);
}

/** Whether an environment of this scope is readable; for filtering lists. */
export const canReadEnvironment = (actor: Actor, scope: Scope) => decide(actor, "environments.read", scope).allow;
