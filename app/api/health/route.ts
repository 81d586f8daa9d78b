import { checkHealth, healthResponse } from "@/lib/health";
import { publicRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = publicRoute({ public: true }, async () => healthResponse(await checkHealth()));
