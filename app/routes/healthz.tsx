import { json } from "@remix-run/node";
import prisma from "../db.server";

/** Liveness and readiness for load balancers: the process answers and the database responds. */
export const loader = async () => {
  try {
    await prisma.$queryRawUnsafe("SELECT 1");
    return json({ status: "ok", database: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return json({ status: "error", database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
};
