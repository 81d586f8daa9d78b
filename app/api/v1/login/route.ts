import { issueLoginToken, LoginInput } from "@/lib/auth";
import { route } from "@/lib/http/route";

export const POST = route({ public: true, body: LoginInput }, ({ ctx, input }) => issueLoginToken({ ctx, input: input.body }));
