import { PrismaClient } from "@prisma/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";

// One Prisma client per process (kept on globalThis so dev reloads reuse it), keyed by the database URL.
declare global {
  // eslint-disable-next-line no-var
  var aftercarePrisma: { url: string; client: PrismaClient } | undefined;
}

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is missing: e.g. file:./prisma/dev.sqlite");
  return url;
}

function createClient(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaLibSQL({ url }) });
}

export function getPrisma(): PrismaClient {
  const url = databaseUrl();
  if (globalThis.aftercarePrisma?.url !== url) {
    globalThis.aftercarePrisma = { url, client: createClient(url) };
  }
  return globalThis.aftercarePrisma.client;
}

const prisma = getPrisma();
export default prisma;
