import "server-only";
import { verb } from "@/lib/core/verb";
import { templatesDto } from "./templates";

export const listTemplates = verb("alerts.templates.list", "alert-templates.read", async () => templatesDto());
