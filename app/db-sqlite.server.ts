/**
 * SQLite through Prisma's libsql adapter, with one connection per process.
 *
 * The adapter already runs one transaction at a time and holds every other query until it ends. Yet
 * @libsql/client hands each transaction the current connection and opens a new one for what follows,
 * so every interactive transaction (each webhook, each page of a sync, each rate-limited storefront
 * request that writes) paid for opening the database file and reading its schema again, several
 * milliseconds each. Here a transaction runs on the client's own connection (BEGIN ... COMMIT), which
 * the adapter's lock keeps exclusive. Only for local files: a remote libsql server keeps its own rules.
 *
 * The connection also runs in WAL mode with synchronous=NORMAL, as SQLite recommends for a web server:
 * a commit appends to the log instead of syncing the database file twice, readers (the jobs process, a
 * second tab of the demo) no longer wait for a writer, and a crash loses at most the last commits,
 * never the file. busy_timeout lets a second process wait for the writer instead of failing at once.
 */
import type { Client, InStatement, ResultSet, Transaction, TransactionMode } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";

const BEGIN: Record<TransactionMode, string> = { write: "BEGIN IMMEDIATE", read: "BEGIN TRANSACTION READONLY", deferred: "BEGIN DEFERRED" };

/** A transaction on `client`'s own connection; the caller (the adapter) keeps others off it meanwhile. */
function sameConnectionTransaction(client: Client): Client["transaction"] {
  return async (mode: TransactionMode = "write") => {
    await client.execute(BEGIN[mode]);
    let open = true;
    const end = async (sql: "COMMIT" | "ROLLBACK") => {
      if (!open) return;
      open = false;
      await client.execute(sql);
    };
    const transaction: Transaction = {
      execute: (statement: InStatement) => client.execute(statement),
      batch: async (statements: InStatement[]) => {
        const results: ResultSet[] = [];
        for (const statement of statements) results.push(await client.execute(statement));
        return results;
      },
      executeMultiple: (sql: string) => client.executeMultiple(sql),
      commit: () => end("COMMIT"),
      rollback: () => end("ROLLBACK"),
      close: () => {
        // SQLite may have ended it already (an error that rolls back): then there is nothing to undo.
        if (open) void end("ROLLBACK").catch(() => {});
      },
      get closed() {
        return !open;
      },
    };
    return transaction;
  };
}

export class OneConnectionLibSQL extends PrismaLibSQL {
  override createClient(config: Parameters<PrismaLibSQL["createClient"]>[0]): Client {
    const client = super.createClient(config);
    if (!config.url.startsWith("file:")) return client;
    // Runs now: the local client executes on the call, before any query of the app.
    for (const pragma of ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA busy_timeout = 5000"]) void client.execute(pragma);
    const transaction = sameConnectionTransaction(client);
    // The client's methods read its private fields: they are called on the client itself.
    return new Proxy(client, {
      get(target, property) {
        if (property === "transaction") return transaction;
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }
}
