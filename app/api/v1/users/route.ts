import { route } from "@/lib/http/route";
import { ListQuery } from "@/lib/tenancy/schemas";
import { createUser, listUsers } from "@/lib/users";
import { CreateUserInput } from "@/lib/users/schemas";

export const GET = route({ permission: "users.read", query: ListQuery }, ({ ctx, input }) => listUsers({ ctx, input: input.query }));
export const POST = route({ permission: "users.create", body: CreateUserInput, status: 201, etag: true }, ({ ctx, input }) => createUser({ ctx, input: input.body }));
