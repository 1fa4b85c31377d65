import { mkdirSync } from "node:fs";
import path from "node:path";

// Each test file replaces its own database file, so nothing here is deleted: several runs may share the folder.
export default function globalSetup(): void {
  mkdirSync(path.resolve(import.meta.dirname, "../.tmp"), { recursive: true });
}
