import "server-only";
import { operation } from "@/lib/http/operation";
import { createApplication, deleteApplication, getApplication, listApplications, updateApplication } from "./applications";
import { createEnvironment, deleteEnvironment, getEnvironment, listEnvironments, updateEnvironment } from "./environments";
import * as members from "./members";
import { createProject, deleteProject, getProject, listProjects, updateProject } from "./projects";
import { getTenantQuota, listTenantQuotas, putTenantQuota } from "./quotas";
import * as s from "./schemas";
import { environmentScope, projectScope, tenantScope } from "./scope";
import { createTenant, deleteTenant, getTenant, listTenants, updateTenant } from "./tenants";

// Every tenancy operation, served by app/api/v1 route files and by the console's server actions.
const T = { params: s.TenantParams, scope: tenantScope };
const P = { params: s.ProjectParams, scope: projectScope };
const E = { params: s.EnvironmentParams, scope: environmentScope };
const A = { params: s.ApplicationParams, scope: environmentScope };

export const tenancyOps = {
  listTenants: operation({ permission: "tenants.list", query: s.ListQuery, handler: ({ ctx, input }) => listTenants({ ctx, input: input.query }) }),
  createTenant: operation({ permission: "tenants.create", body: s.CreateTenantInput, status: 201, etag: true, handler: ({ ctx, input }) => createTenant({ ctx, input: input.body }) }),
  getTenant: operation({ ...T, permission: "tenants.read", etag: true, handler: ({ ctx }) => getTenant({ ctx, input: undefined }) }),
  updateTenant: operation({
    ...T,
    permission: "tenants.update",
    body: s.UpdateTenantInput,
    etag: true,
    handler: ({ ctx, input, expectedVersion }) => updateTenant({ ctx, input: { changes: input.body, expectedVersion } }),
  }),
  deleteTenant: operation({ ...T, permission: "tenants.delete", query: s.CascadeQuery, handler: ({ ctx, input }) => deleteTenant({ ctx, input: input.query }) }),

  listTenantMembers: operation({ ...T, permission: "tenants.members.read", query: s.ListQuery, handler: ({ ctx, input }) => members.listTenantMembers({ ctx, input: input.query }) }),
  addTenantMember: operation({ ...T, permission: "tenants.members.update", body: s.AddTenantMemberInput, status: 201, handler: ({ ctx, input }) => members.addTenantMember({ ctx, input: input.body }) }),
  setTenantMemberRole: operation({
    ...T,
    params: s.TenantMemberParams,
    permission: "tenants.members.update",
    body: s.SetTenantRoleInput,
    handler: ({ ctx, input }) => members.setTenantMemberRole({ ctx, input: { username: input.params.username, role: input.body.role } }),
  }),
  removeTenantMember: operation({
    ...T,
    params: s.TenantMemberParams,
    permission: "tenants.members.update",
    handler: ({ ctx, input }) => members.removeTenantMember({ ctx, input: { username: input.params.username } }),
  }),

  listTenantQuotas: operation({ ...T, permission: "tenants.quotas.read", handler: ({ ctx }) => listTenantQuotas({ ctx, input: undefined }) }),
  getTenantQuota: operation({ ...T, params: s.QuotaParams, permission: "tenants.quotas.read", etag: true, handler: ({ ctx, input }) => getTenantQuota({ ctx, input: { cluster: input.params.cluster } }) }),
  putTenantQuota: operation({
    ...T,
    params: s.QuotaParams,
    permission: "tenants.quotas.update",
    body: s.QuotaInput,
    etag: true,
    handler: ({ ctx, input, expectedVersion }) => putTenantQuota({ ctx, input: { cluster: input.params.cluster, quota: input.body, expectedVersion } }),
  }),

  listProjects: operation({ ...T, permission: "projects.list", query: s.ListQuery, handler: ({ ctx, input }) => listProjects({ ctx, input: input.query }) }),
  createProject: operation({ ...T, permission: "projects.create", body: s.CreateProjectInput, status: 201, etag: true, handler: ({ ctx, input }) => createProject({ ctx, input: input.body }) }),
  getProject: operation({ ...P, permission: "projects.read", etag: true, handler: ({ ctx }) => getProject({ ctx, input: undefined }) }),
  updateProject: operation({
    ...P,
    permission: "projects.update",
    body: s.UpdateProjectInput,
    etag: true,
    handler: ({ ctx, input, expectedVersion }) => updateProject({ ctx, input: { changes: input.body, expectedVersion } }),
  }),
  deleteProject: operation({ ...P, permission: "projects.delete", query: s.CascadeQuery, handler: ({ ctx, input }) => deleteProject({ ctx, input: input.query }) }),

  listProjectMembers: operation({ ...P, permission: "projects.members.read", query: s.ListQuery, handler: ({ ctx, input }) => members.listProjectMembers({ ctx, input: input.query }) }),
  addProjectMember: operation({ ...P, permission: "projects.members.update", body: s.AddProjectMemberInput, status: 201, handler: ({ ctx, input }) => members.addProjectMember({ ctx, input: input.body }) }),
  setProjectMemberRole: operation({
    ...P,
    params: s.ProjectMemberParams,
    permission: "projects.members.update",
    body: s.SetProjectRoleInput,
    handler: ({ ctx, input }) => members.setProjectMemberRole({ ctx, input: { username: input.params.username, role: input.body.role } }),
  }),
  removeProjectMember: operation({
    ...P,
    params: s.ProjectMemberParams,
    permission: "projects.members.update",
    handler: ({ ctx, input }) => members.removeProjectMember({ ctx, input: { username: input.params.username } }),
  }),

  listEnvironments: operation({ ...P, permission: "environments.list", query: s.ListQuery, handler: ({ ctx, input }) => listEnvironments({ ctx, input: input.query }) }),
  createEnvironment: operation({
    ...P,
    permission: "environments.create",
    body: s.CreateEnvironmentInput,
    status: 201,
    etag: true,
    handler: ({ ctx, input }) => createEnvironment({ ctx, input: input.body }),
  }),
  getEnvironment: operation({ ...E, permission: "environments.read", etag: true, handler: ({ ctx }) => getEnvironment({ ctx, input: undefined }) }),
  updateEnvironment: operation({
    ...E,
    permission: "environments.update",
    body: s.UpdateEnvironmentInput,
    etag: true,
    handler: ({ ctx, input, expectedVersion }) => updateEnvironment({ ctx, input: { changes: input.body, expectedVersion } }),
  }),
  deleteEnvironment: operation({ ...E, permission: "environments.delete", handler: ({ ctx }) => deleteEnvironment({ ctx, input: undefined }) }),

  listEnvironmentMembers: operation({
    ...E,
    permission: "environments.members.read",
    query: s.ListQuery,
    handler: ({ ctx, input }) => members.listEnvironmentMembers({ ctx, input: input.query }),
  }),
  addEnvironmentMember: operation({
    ...E,
    permission: "environments.members.update",
    body: s.AddEnvironmentMemberInput,
    status: 201,
    handler: ({ ctx, input }) => members.addEnvironmentMember({ ctx, input: input.body }),
  }),
  setEnvironmentMemberRole: operation({
    ...E,
    params: s.EnvironmentMemberParams,
    permission: "environments.members.update",
    body: s.SetEnvironmentRoleInput,
    handler: ({ ctx, input }) => members.setEnvironmentMemberRole({ ctx, input: { username: input.params.username, role: input.body.role } }),
  }),
  removeEnvironmentMember: operation({
    ...E,
    params: s.EnvironmentMemberParams,
    permission: "environments.members.update",
    handler: ({ ctx, input }) => members.removeEnvironmentMember({ ctx, input: { username: input.params.username } }),
  }),

  listApplications: operation({ ...E, permission: "applications.read", query: s.ListQuery, handler: ({ ctx, input }) => listApplications({ ctx, input: input.query }) }),
  createApplication: operation({
    ...E,
    permission: "applications.create",
    body: s.CreateApplicationInput,
    status: 201,
    etag: true,
    handler: ({ ctx, input }) => createApplication({ ctx, input: input.body }),
  }),
  getApplication: operation({ ...A, permission: "applications.read", etag: true, handler: ({ ctx, input }) => getApplication({ ctx, input: { name: input.params.application } }) }),
  updateApplication: operation({
    ...A,
    permission: "applications.update",
    body: s.UpdateApplicationInput,
    etag: true,
    handler: ({ ctx, input, expectedVersion }) => updateApplication({ ctx, input: { name: input.params.application, changes: input.body, expectedVersion } }),
  }),
  deleteApplication: operation({ ...A, permission: "applications.delete", handler: ({ ctx, input }) => deleteApplication({ ctx, input: { name: input.params.application } }) }),
};
