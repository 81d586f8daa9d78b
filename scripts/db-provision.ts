// npx tsx scripts/db-provision.ts <admin-url> <user> <database> [database...]
// Prints the DATABASE_URL of the new least-privilege user (password from FACET_DB_PASSWORD or generated).
import { provisionDatabase } from "./lib/db-provision";

const [adminUrl, user, ...databases] = process.argv.slice(2);
if (!adminUrl || !user || !databases.length) {
  console.error("usage: db-provision.ts <admin-url> <user> <database> [database...]");
  process.exit(2);
}
const { url } = await provisionDatabase({
  adminUrl,
  user,
  databases,
  password: process.env.FACET_DB_PASSWORD || undefined,
});
console.log(url);
