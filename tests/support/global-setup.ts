import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

export default function globalSetup(): void {
  const dir = path.resolve(import.meta.dirname, "../.tmp");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}
