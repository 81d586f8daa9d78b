import "server-only";
import { operation } from "@/lib/core/operation";
import {
  createApplication,
  deleteApplication,
  getApplication,
  listApplications,
  updateApplication,
} from "./applications";
import {
  createEnvironment,
  deleteEnvironment,
  getEnvironment,
  listEnvironments,
  updateEnvironment,
} from "./environments";
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
  listTenants: operation({
    verb: listTenants,
    query: s.ListQuery,
    handler: ({ ctx, input }) => listTenants({ ctx, input: input.query }),
  }),
  createTenant: operation({
    verb: createTenant,
    body: s.CreateTenantInput,
    status: 201,
    etag: true,
    handler: ({ ctx, input }) => createTenant({ ctx, input: input.body }),
  }),
  getTenant: operation({
    ...T,
    verb: getTenant,
    etag: true,
    handler: ({ ctx }) => getTenant({ ctx, input: undefined }),
  }),
  updateTenant: operation({
    ...T,
    verb: updateTenant,
    body: s.UpdateTenantInput,
    etag: true,
    handler: ({ ctx, input, expectedVersion }) =>
      updateTenant({ ctx, input: { changes: input.body, expectedVersion } }),
  }),
  deleteTenant: operation({
    ...T,
    verb: deleteTenant,
    query: s.CascadeQuery,
    handler: ({ ctx, input }) => deleteTenant({ ctx, input: input.query }),
  }),

  listTenantMembers: operation({
    ...T,
    verb: members.listTenantMembers,
    query: s.ListQuery,
    handler: ({ ctx, input }) => members.listTenantMembers({ ctx, input: input.query }),
  }),
  addTenantMember: operation({
    ...T,
    verb: members.addTenantMember,
    body: s.AddTenantMemberInput,
    status: 201,
    handler: ({ ctx, input }) => members.addTenantMember({ ctx, input: input.body }),
  }),
  setTenantMemberRole: operation({
    ...T,
    params: s.TenantMemberParams,
    verb: members.setTenantMemberRole,
    body: s.SetTenantRoleInput,
    handler: ({ ctx, input }) =>
      members.setTenantMemberRole({ ctx, input: { username: input.params.username, role: input.body.role } }),
  }),
  removeTenantMember: operation({
    ...T,
    params: s.TenantMemberParams,
    verb: members.removeTenantMember,
    handler: ({ ctx, input }) => members.removeTenantMember({ ctx, input: { username: input.params.username } }),
  }),

  listTenantQuotas: operation({
    ...T,
    verb: listTenantQuotas,
    handler: ({ ctx }) => listTenantQuotas({ ctx, input: undefined }),
  }),
  getTenantQuota: operation({
    ...T,
    params: s.QuotaParams,
    verb: getTenantQuota,
    etag: true,
    handler: ({ ctx, input }) => getTenantQuota({ ctx, input: { cluster: input.params.cluster } }),
  }),
  putTenantQuota: operation({
    ...T,
    params: s.QuotaParams,
    verb: putTenantQuota,
    body: s.QuotaInput,
    etag: true,
    handler: ({ ctx, input, expectedVersion }) =>
      putTenantQuota({ ctx, input: { cluster: input.params.cluster, quota: input.body, expectedVersion } }),
  }),

  listProjects: operation({
    ...T,
    verb: listProjects,
    query: s.ListQuery,
    handler: ({ ctx, input }) => listProjects({ ctx, input: input.query }),
  }),
  createProject: operation({
    ...T,
    verb: createProject,
    body: s.CreateProjectInput,
    status: 201,
    etag: true,
    handler: ({ ctx, input }) => createProject({ ctx, input: input.body }),
  }),
  getProject: operation({
    ...P,
    verb: getProject,
    etag: true,
    handler: ({ ctx }) => getProject({ ctx, input: undefined }),
  }),
  updateProject: operation({
    ...P,
    verb: updateProject,
    body: s.UpdateProjectInput,
    etag: true,
    handler: ({ ctx, input, expectedVersion }) =>
      updateProject({ ctx, input: { changes: input.body, expectedVersion } }),
  }),
  deleteProject: operation({
    ...P,
    verb: deleteProject,
    query: s.CascadeQuery,
    handler: ({ ctx, input }) => deleteProject({ ctx, input: input.query }),
  }),

  listProjectMembers: operation({
    ...P,
    verb: members.listProjectMembers,
    query: s.ListQuery,
    handler: ({ ctx, input }) => members.listProjectMembers({ ctx, input: input.query }),
  }),
  addProjectMember: operation({
    ...P,
    verb: members.addProjectMember,
    body: s.AddProjectMemberInput,
    status: 201,
    handler: ({ ctx, input }) => members.addProjectMember({ ctx, input: input.body }),
  }),
  setProjectMemberRole: operation({
    ...P,
    params: s.ProjectMemberParams,
    verb: members.setProjectMemberRole,
    body: s.SetProjectRoleInput,
    handler: ({ ctx, input }) =>
      members.setProjectMemberRole({ ctx, input: { username: input.params.username, role: input.body.role } }),
  }),
  removeProjectMember: operation({
    ...P,
    params: s.ProjectMemberParams,
    verb: members.removeProjectMember,
    handler: ({ ctx, input }) => members.removeProjectMember({ ctx, input: { username: input.params.username } }),
  }),

  listEnvironments: operation({
    ...P,
    verb: listEnvironments,
    query: s.ListQuery,
    handler: ({ ctx, input }) => listEnvironments({ ctx, input: input.query }),
  }),
  createEnvironment: operation({
    ...P,
    verb: createEnvironment,
    body: s.CreateEnvironmentInput,
    status: 201,
    etag: true,
    handler: ({ ctx, input }) => createEnvironment({ ctx, input: input.body }),
  }),
  getEnvironment: operation({
    ...E,
    verb: getEnvironment,
    etag: true,
    handler: ({ ctx }) => getEnvironment({ ctx, input: undefined }),
  }),
  updateEnvironment: operation({
    ...E,
    verb: updateEnvironment,
    body: s.UpdateEnvironmentInput,
    etag: true,
    handler: ({ ctx, input, expectedVersion }) =>
      updateEnvironment({ ctx, input: { changes: input.body, expectedVersion } }),
  }),
  deleteEnvironment: operation({
    ...E,
    verb: deleteEnvironment,
    handler: ({ ctx }) => deleteEnvironment({ ctx, input: undefined }),
  }),

  listEnvironmentMembers: operation({
    ...E,
    verb: members.listEnvironmentMembers,
    query: s.ListQuery,
    handler: ({ ctx, input }) => members.listEnvironmentMembers({ ctx, input: input.query }),
  }),
  addEnvironmentMember: operation({
    ...E,
    verb: members.addEnvironmentMember,
    body: s.AddEnvironmentMemberInput,
    status: 201,
    handler: ({ ctx, input }) => members.addEnvironmentMember({ ctx, input: input.body }),
  }),
  setEnvironmentMemberRole: operation({
    ...E,
    params: s.EnvironmentMemberParams,
    verb: members.setEnvironmentMemberRole,
    body: s.SetEnvironmentRoleInput,
    handler: ({ ctx, input }) =>
      members.setEnvironmentMemberRole({ ctx, input: { username: input.params.username, role: input.body.role } }),
  }),
  removeEnvironmentMember: operation({
    ...E,
    params: s.EnvironmentMemberParams,
    verb: members.removeEnvironmentMember,
    handler: ({ ctx, input }) => members.removeEnvironmentMember({ ctx, input: { username: input.params.username } }),
  }),

  listApplications: operation({
    ...E,
    verb: listApplications,
    query: s.ListQuery,
    handler: ({ ctx, input }) => listApplications({ ctx, input: input.query }),
  }),
  createApplication: operation({
    ...E,
    verb: createApplication,
    body: s.CreateApplicationInput,
    status: 201,
    etag: true,
    handler: ({ ctx, input }) => createApplication({ ctx, input: input.body }),
  }),
  getApplication: operation({
    ...A,
    verb: getApplication,
    etag: true,
    handler: ({ ctx, input }) => getApplication({ ctx, input: { name: input.params.application } }),
  }),
  updateApplication: operation({
    ...A,
    verb: updateApplication,
    body: s.UpdateApplicationInput,
    etag: true,
    handler: ({ ctx, input, expectedVersion }) =>
      updateApplication({ ctx, input: { name: input.params.application, changes: input.body, expectedVersion } }),
  }),
  deleteApplication: operation({
    ...A,
    verb: deleteApplication,
    handler: ({ ctx, input }) => deleteApplication({ ctx, input: { name: input.params.application } }),
  }),
};
