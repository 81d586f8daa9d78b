import { AppError } from "@/lib/errors";

export const throttled = (wait: number) =>
  new AppError("LIMIT_EXCEEDED", `Too many failed sign-ins. Try again in ${wait} s.`, { retryAfter: wait });
