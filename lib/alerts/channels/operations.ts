import "server-only";
import { operation } from "@/lib/core/operation";
import { tenantScope } from "@/lib/tenancy/scope";
import { TenantParams } from "@/lib/tenancy/schemas";
import { createTenantChannel } from "./create-channel";
import { createSystemChannel } from "./create-system-channel";
import { deleteTenantChannel } from "./delete-channel";
import { deleteSystemChannel } from "./delete-system-channel";
import { getTenantChannel } from "./get-channel";
import { getSystemChannel } from "./get-system-channel";
import { listTenantChannels } from "./list-channels";
import { listSystemChannels } from "./list-system-channels";
import { ChannelBody, SystemChannelParams, TenantChannelParams } from "./schemas";
import { testTenantChannel } from "./test-channel";
import { testSystemChannel } from "./test-system-channel";
import { updateTenantChannel } from "./update-channel";
import { updateSystemChannel } from "./update-system-channel";

// Alert channels (issue 14), served by app/api/v1/tenants/[tenant]/alert-channels and
// app/api/v1/alert-channels (system-wide) route files.
const T = { params: TenantParams, scope: tenantScope };
const TN = { params: TenantChannelParams, scope: tenantScope };
const SN = { params: SystemChannelParams };

export const alertChannelOps = {
  listTenantAlertChannels: operation({
    ...T,
    verb: listTenantChannels,
    handler: ({ ctx }) => listTenantChannels({ ctx, input: undefined }),
  }),
  createTenantAlertChannel: operation({
    ...T,
    verb: createTenantChannel,
    body: ChannelBody,
    status: 201,
    etag: true,
    handler: ({ ctx, input }) => createTenantChannel({ ctx, input: input.body }),
  }),
  getTenantAlertChannel: operation({
    ...TN,
    verb: getTenantChannel,
    // An admin's full DTO carries `version` (the ETag); a member's summary has none.
    etag: true,
    handler: ({ ctx, input }) => getTenantChannel({ ctx, input: { name: input.params.name } }),
  }),
  updateTenantAlertChannel: operation({
    ...TN,
    verb: updateTenantChannel,
    body: ChannelBody,
    etag: true,
    handler: ({ ctx, input, expectedVersion }) =>
      updateTenantChannel({ ctx, input: { name: input.params.name, body: input.body, expectedVersion } }),
  }),
  deleteTenantAlertChannel: operation({
    ...TN,
    verb: deleteTenantChannel,
    handler: ({ ctx, input }) => deleteTenantChannel({ ctx, input: { name: input.params.name } }),
  }),
  testTenantAlertChannel: operation({
    ...TN,
    verb: testTenantChannel,
    handler: ({ ctx, input }) => testTenantChannel({ ctx, input: { name: input.params.name } }),
  }),
  listSystemAlertChannels: operation({
    verb: listSystemChannels,
    handler: ({ ctx }) => listSystemChannels({ ctx, input: undefined }),
  }),
  createSystemAlertChannel: operation({
    verb: createSystemChannel,
    body: ChannelBody,
    status: 201,
    etag: true,
    handler: ({ ctx, input }) => createSystemChannel({ ctx, input: input.body }),
  }),
  getSystemAlertChannel: operation({
    ...SN,
    verb: getSystemChannel,
    etag: true,
    handler: ({ ctx, input }) => getSystemChannel({ ctx, input: { name: input.params.name } }),
  }),
  updateSystemAlertChannel: operation({
    ...SN,
    verb: updateSystemChannel,
    body: ChannelBody,
    etag: true,
    handler: ({ ctx, input, expectedVersion }) =>
      updateSystemChannel({ ctx, input: { name: input.params.name, body: input.body, expectedVersion } }),
  }),
  deleteSystemAlertChannel: operation({
    ...SN,
    verb: deleteSystemChannel,
    handler: ({ ctx, input }) => deleteSystemChannel({ ctx, input: { name: input.params.name } }),
  }),
  testSystemAlertChannel: operation({
    ...SN,
    verb: testSystemChannel,
    handler: ({ ctx, input }) => testSystemChannel({ ctx, input: { name: input.params.name } }),
  }),
};
