// npx tsx scripts/db-drop-user.ts <admin-url> <user>: drops a test run's database user.
import { dropDatabaseUser } from "./lib/db-provision";

const [adminUrl, user] = process.argv.slice(2);
if (!adminUrl || !/^facet_t_[0-9a-z_]+$/.test(user ?? "")) {
  console.error(`refusing to drop '${user}': not a test run's user`);
  process.exit(2);
}
await dropDatabaseUser(adminUrl, user);
