import { z } from "zod";

/**
 * Environment the app needs, checked once at boot. A missing or malformed variable is named in the
 * error, with what it is for, so a deploy fails with a message instead of a crash deep in a request.
 */
const envSchema = z.object({
  SHOPIFY_API_KEY: z.string({ required_error: "SHOPIFY_API_KEY is missing: the app's client id from the Partner Dashboard" }).min(1, "SHOPIFY_API_KEY is empty"),
  SHOPIFY_API_SECRET: z.string({ required_error: "SHOPIFY_API_SECRET is missing: the app's client secret from the Partner Dashboard" }).min(1, "SHOPIFY_API_SECRET is empty"),
  SHOPIFY_APP_URL: z
    .string({ required_error: "SHOPIFY_APP_URL is missing: the public https URL the app is served on" })
    .regex(/^https?:\/\/[^/\s]+/, "SHOPIFY_APP_URL must be a full URL such as https://aftercare.example.com"),
  SCOPES: z.string().optional(),
  DATABASE_URL: z
    .string({ required_error: "DATABASE_URL is missing: e.g. file:./prisma/dev.sqlite or postgresql://..." })
    .min(1, "DATABASE_URL is empty"),
  SHOP_CUSTOM_DOMAIN: z.string().optional(),
  // How much the Shopify library logs: error, warning, info (default) or debug.
  SHOPIFY_LOG_LEVEL: z
    .enum(["error", "warning", "info", "debug"], {
      errorMap: () => ({ message: "SHOPIFY_LOG_LEVEL must be one of error, warning, info, debug" }),
    })
    .default("info"),
  // Encrypts stored secrets (SMTP passwords); when unset, a key is derived from SHOPIFY_API_SECRET.
  AFTERCARE_ENCRYPTION_KEY: z
    .string()
    .optional()
    .refine(
      (value) => value === undefined || value.trim() === "" || Buffer.from(value.trim(), "base64").length === 32,
      "AFTERCARE_ENCRYPTION_KEY must be 32 random bytes in base64 (openssl rand -base64 32)",
    ),
});

export type AppEnv = z.infer<typeof envSchema>;

export class EnvironmentError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Aftercare cannot start, the environment is incomplete:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvironmentError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): AppEnv {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvironmentError(result.error.issues.map((issue) => issue.message));
  }
  return result.data;
}

let cached: AppEnv | undefined;

/** The validated environment; throws an EnvironmentError naming every missing variable. */
export function env(): AppEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
