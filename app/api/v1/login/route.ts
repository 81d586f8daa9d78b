import { issueLoginToken, LoginInput } from "@/lib/auth";
import { publicRoute } from "@/lib/http/route";

export const POST = publicRoute({ public: true, body: LoginInput }, ({ ctx, input }) =>
  issueLoginToken({ ctx, input: input.body }),
);
