import type { NextRequest } from "next/server";
import { handleModelxRequest } from "@/lib/models/modelx/handle-request";

type Context = { params: Promise<{ path?: string[] }> };

const handle = async (request: NextRequest, context: Context) =>
  handleModelxRequest(request, (await context.params).path ?? []);

export const GET = handle;
export const HEAD = handle;
export const PUT = handle;
export const POST = handle;
export const DELETE = handle;
