import { route } from "@/lib/http/route";
import { userOps as ops } from "@/lib/users/operations";

export const GET = route(ops.getUser);
export const PATCH = route(ops.updateUser);
export const DELETE = route(ops.deleteUser);
