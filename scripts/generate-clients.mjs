#!/usr/bin/env node
// Generates both Prisma clients (SQLite and PostgreSQL), offline. Run after `npm ci` on any machine that
// builds or serves the app; `npm run setup` does it too.
import { generateClients } from "./lib/prisma-clients.mjs";

generateClients();
