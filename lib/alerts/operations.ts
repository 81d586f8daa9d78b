import "server-only";
import { operation } from "@/lib/core/operation";
import { environmentScope, tenantScope } from "@/lib/tenancy/scope";
import { EnvironmentParams, TenantParams } from "@/lib/tenancy/schemas";
import { acknowledgeAlert } from "./alerts/acknowledge-alert";
import { alertsOverview } from "./alerts/alerts-overview";
import { listAlerts } from "./alerts/list-alerts";
import { listTemplates } from "./list-templates";
import { createRule } from "./rules/create-rule";
import { deleteRule } from "./rules/delete-rule";
import { getOperatorObjects } from "./rules/get-operator-objects";
import { getRule } from "./rules/get-rule";
import { listRules } from "./rules/list-rules";
import { updateRule } from "./rules/update-rule";
import * as s from "./schemas";
import { createSilence } from "./silences/create-silence";
import { deleteSilence } from "./silences/delete-silence";
import { listSilences } from "./silences/list-silences";

// Every alert rule, alert and silence operation (issue 14), served by app/api/v1/**/alert* routes.
const E = { params: EnvironmentParams, scope: environmentScope };
const R = { params: s.AlertRuleParams, scope: environmentScope };
const A = { params: s.AlertParams, scope: environmentScope };

export const alertOps = {
  listAlertRules: operation({ ...E, verb: listRules, handler: ({ ctx }) => listRules({ ctx, input: undefined }) }),
  createAlertRule: operation({
    ...E,
    verb: createRule,
    body: s.AlertRuleBody,
    status: 201,
    handler: ({ ctx, input }) => createRule({ ctx, input: input.body }),
  }),
  getAlertRule: operation({
    ...R,
    verb: getRule,
    handler: ({ ctx, input }) => getRule({ ctx, input: { name: input.params.name } }),
  }),
  updateAlertRule: operation({
    ...R,
    verb: updateRule,
    body: s.AlertRuleBody,
    handler: ({ ctx, input }) => updateRule({ ctx, input: { name: input.params.name, body: input.body } }),
  }),
  deleteAlertRule: operation({
    ...R,
    verb: deleteRule,
    handler: ({ ctx, input }) => deleteRule({ ctx, input: { name: input.params.name } }),
  }),
  getAlertRuleOperatorObjects: operation({
    ...R,
    verb: getOperatorObjects,
    handler: ({ ctx, input }) => getOperatorObjects({ ctx, input: { name: input.params.name } }),
  }),
  listAlerts: operation({
    ...E,
    verb: listAlerts,
    query: s.AlertsQuery,
    handler: ({ ctx, input }) => listAlerts({ ctx, input: input.query }),
  }),
  acknowledgeAlert: operation({
    ...A,
    verb: acknowledgeAlert,
    handler: ({ ctx, input }) => acknowledgeAlert({ ctx, input: { id: input.params.id } }),
  }),
  listSilences: operation({ ...E, verb: listSilences, handler: ({ ctx }) => listSilences({ ctx, input: undefined }) }),
  createSilence: operation({
    ...E,
    verb: createSilence,
    body: s.SilenceBody,
    status: 201,
    handler: ({ ctx, input }) => createSilence({ ctx, input: input.body }),
  }),
  deleteSilence: operation({
    ...A,
    verb: deleteSilence,
    handler: ({ ctx, input }) => deleteSilence({ ctx, input: { id: input.params.id } }),
  }),
  listAlertTemplates: operation({
    verb: listTemplates,
    handler: ({ ctx }) => listTemplates({ ctx, input: undefined }),
  }),
  alertsOverview: operation({
    params: TenantParams,
    scope: tenantScope,
    verb: alertsOverview,
    handler: ({ ctx }) => alertsOverview({ ctx, input: undefined }),
  }),
};
