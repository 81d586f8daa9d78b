import { addMemberVerb } from "./add-member";
import { listMembersVerb } from "./list-members";
import { removeMemberVerb } from "./remove-member";
import { setMemberRoleVerb } from "./set-member-role";

export const listTenantMembers = listMembersVerb("tenant");
export const addTenantMember = addMemberVerb("tenant");
export const setTenantMemberRole = setMemberRoleVerb("tenant");
export const removeTenantMember = removeMemberVerb("tenant");

export const listProjectMembers = listMembersVerb("project");
export const addProjectMember = addMemberVerb("project");
export const setProjectMemberRole = setMemberRoleVerb("project");
export const removeProjectMember = removeMemberVerb("project");

export const listEnvironmentMembers = listMembersVerb("environment");
export const addEnvironmentMember = addMemberVerb("environment");
export const setEnvironmentMemberRole = setMemberRoleVerb("environment");
export const removeEnvironmentMember = removeMemberVerb("environment");

export type { MemberDto } from "./member-rows";
