export type DatabaseEngine = "sqlite" | "postgresql";

/** Which engine a DATABASE_URL names: `file:` is SQLite, `postgres://` or `postgresql://` is PostgreSQL. */
export function databaseEngineOf(url: string): DatabaseEngine {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got ${url.split(":")[0]}:`);
}
