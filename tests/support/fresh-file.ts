/**
 * First setup file of the files that share one worker's loaded packages (vitest.config.ts, project
 * "app-shared"): each file still starts as if it had the worker to itself. The app's and the tests' own
 * modules are evaluated again (vi.resetModules: fresh module state, a Prisma client for this file's
 * database), the environment is the one the worker started with, and timers are real; only packages
 * from node_modules (Polaris, the Shopify libraries, Prisma's runtime, graphql), which hold no test
 * state, stay loaded, which is what makes these files cheap to start.
 */
import { vi } from "vitest";

declare global {
  // eslint-disable-next-line no-var
  var aftercareWorkerEnv: Record<string, string | undefined> | undefined;
}

const startEnv = (globalThis.aftercareWorkerEnv ??= { ...process.env });
for (const key of Object.keys(process.env)) if (!(key in startEnv)) delete process.env[key];
Object.assign(process.env, startEnv);

vi.useRealTimers();
vi.resetModules();

// The previous file's database client and order syncs belong to its database.
await globalThis.aftercarePrisma?.client.$disconnect().catch(() => undefined);
globalThis.aftercarePrisma = undefined;
globalThis.aftercareOrderSyncJobs = undefined;
