/**
 * Encrypts secrets the app must keep (a shop's SMTP password) with AES-256-GCM. The key is
 * AFTERCARE_ENCRYPTION_KEY (32 random bytes, base64: `openssl rand -base64 32`) or, when that is unset,
 * derived from SHOPIFY_API_SECRET with HKDF-SHA256, so a deployment is safe with no extra set-up.
 * Changing either value makes the stored secrets unreadable: the merchant then enters them again.
 *
 * Stored form: `v1.<iv>.<tag>.<ciphertext>` (base64url). The shop domain is authenticated data, so a
 * value copied to another shop's row is refused like a tampered one.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export class SecretDecryptionError extends Error {
  constructor(message = "The stored secret cannot be decrypted: it was changed, or the encryption key changed") {
    super(message);
    this.name = "SecretDecryptionError";
  }
}

/** The key from the environment: the explicit key when set, else derived from the app's secret. */
export function encryptionKeyFrom(environment: { AFTERCARE_ENCRYPTION_KEY?: string; SHOPIFY_API_SECRET?: string }): Buffer {
  const explicit = environment.AFTERCARE_ENCRYPTION_KEY?.trim();
  if (explicit) {
    const key = Buffer.from(explicit, "base64");
    if (key.length !== KEY_BYTES) throw new Error("AFTERCARE_ENCRYPTION_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)");
    return key;
  }
  const secret = environment.SHOPIFY_API_SECRET;
  if (!secret) throw new Error("Set AFTERCARE_ENCRYPTION_KEY or SHOPIFY_API_SECRET to encrypt stored secrets");
  return Buffer.from(hkdfSync("sha256", secret, "aftercare", "aftercare stored secrets v1", KEY_BYTES));
}

/** True when a stored value has the encrypted form (older rows may hold plain text). */
export function isEncryptedSecret(stored: string): boolean {
  return stored.startsWith(`${VERSION}.`) && stored.split(".").length === 4;
}

export function encryptSecret(plain: string, key: Buffer, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** The plain text of an encrypted value; throws SecretDecryptionError when anything was altered. */
export function decryptSecret(stored: string, key: Buffer, context: string): string {
  if (!isEncryptedSecret(stored)) throw new SecretDecryptionError("The stored secret is not in the encrypted form");
  const [, ivText, tagText, dataText] = stored.split(".");
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretDecryptionError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(dataText, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError();
  }
}

/** Reads a stored secret that may predate encryption: plain text is returned as it is. */
export function readStoredSecret(stored: string, key: Buffer, context: string): string {
  return isEncryptedSecret(stored) ? decryptSecret(stored, key, context) : stored;
}

/** The key of this deployment (process environment). */
export function deploymentEncryptionKey(): Buffer {
  return encryptionKeyFrom({ AFTERCARE_ENCRYPTION_KEY: process.env.AFTERCARE_ENCRYPTION_KEY, SHOPIFY_API_SECRET: process.env.SHOPIFY_API_SECRET });
}
