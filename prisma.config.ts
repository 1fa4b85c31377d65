import "dotenv/config";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "prisma-adapter-pg-7";

// Prisma runs on its JS engine here: no native engine download is needed, so installs work offline.
// DATABASE_URL picks the engine: `file:` is SQLite (prisma/schema.prisma), `postgres(ql)://` is PostgreSQL
// (prisma/postgresql/schema.prisma, derived from the first by `npm run db:migration`).
const url = process.env.DATABASE_URL ?? "file:./prisma/dev.sqlite";
const isPostgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  schema: isPostgres ? path.join("prisma", "postgresql", "schema.prisma") : path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    // The 7.x PostgreSQL adapter: 6.19.3's cannot read the `name` columns `migrate` queries.
    return isPostgres ? new PrismaPg({ connectionString: url }) : new PrismaLibSQL({ url });
  },
});
