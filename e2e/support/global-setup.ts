import { disabledUser, normalUser } from "./accounts";
import { ensureUser } from "./db";

export default async function globalSetup() {
  await ensureUser(normalUser.username, normalUser.password);
  await ensureUser(disabledUser.username, disabledUser.password, { disabled: true });
}
