import { route } from "@/lib/http/route";
import { getMe } from "@/lib/users";

export const GET = route({ permission: "me.read" }, ({ ctx }) => getMe({ ctx }));
