// Exits 0 when DATABASE_URL's server accepts its credentials (the database may not exist yet).
import mysql from "mysql2/promise";

const url = new URL(process.env.DATABASE_URL || "mysql://root@127.0.0.1:3306/facet");
url.pathname = "/";
try {
  const conn = await mysql.createConnection({ uri: url.toString(), connectTimeout: 3000 });
  await conn.query("SELECT 1");
  await conn.end();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
