import { nacosApi as nacos } from "@/lib/config-center/nacos";

// Facet's Nacos v1 config API (PROTOCOLS §1); apps with a Nacos SDK connect here.
export const dynamic = "force-dynamic";

export const GET = nacos.namespaces;
