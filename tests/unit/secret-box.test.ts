import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  decryptSecret,
  encryptionKeyFrom,
  encryptSecret,
  isEncryptedSecret,
  readStoredSecret,
  SecretDecryptionError,
} from "../../app/email/secret-box.server";

const key = randomBytes(32);
const shop = "kopi.myshopify.com";

/** Flips one bit of one base64url part of a stored value. */
function tamper(stored: string, part: 1 | 2 | 3): string {
  const parts = stored.split(".");
  const bytes = Buffer.from(parts[part], "base64url");
  bytes[0] ^= 0x01;
  parts[part] = bytes.toString("base64url");
  return parts.join(".");
}

describe("secret box (AES-256-GCM)", () => {
  it("round-trips a password, and never stores it readably", () => {
    const stored = encryptSecret("pässwörd with spaces", key, shop);
    expect(isEncryptedSecret(stored)).toBe(true);
    expect(stored).not.toContain("pässwörd");
    expect(decryptSecret(stored, key, shop)).toBe("pässwörd with spaces");
  });

  it("uses a fresh nonce each time", () => {
    expect(encryptSecret("same", key, shop)).not.toBe(encryptSecret("same", key, shop));
  });

  it.each([1, 2, 3] as const)("refuses a value whose part %i was tampered with", (part) => {
    const stored = encryptSecret("secret", key, shop);
    expect(() => decryptSecret(tamper(stored, part), key, shop)).toThrow(SecretDecryptionError);
  });

  it("refuses a value copied to another shop, or read with another key", () => {
    const stored = encryptSecret("secret", key, shop);
    expect(() => decryptSecret(stored, key, "other.myshopify.com")).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(stored, randomBytes(32), shop)).toThrow(SecretDecryptionError);
  });

  it("reads an older plain-text value as it is", () => {
    expect(readStoredSecret("plain old password", key, shop)).toBe("plain old password");
    expect(readStoredSecret(encryptSecret("new", key, shop), key, shop)).toBe("new");
  });

  it("takes the explicit key, or derives a stable one from the app secret", () => {
    const explicit = randomBytes(32);
    expect(encryptionKeyFrom({ AFTERCARE_ENCRYPTION_KEY: explicit.toString("base64"), SHOPIFY_API_SECRET: "s" }).equals(explicit)).toBe(true);
    const derived = encryptionKeyFrom({ SHOPIFY_API_SECRET: "app-secret" });
    expect(derived).toHaveLength(32);
    expect(derived.equals(encryptionKeyFrom({ SHOPIFY_API_SECRET: "app-secret" }))).toBe(true);
    expect(derived.equals(encryptionKeyFrom({ SHOPIFY_API_SECRET: "another-secret" }))).toBe(false);
    expect(() => encryptionKeyFrom({ AFTERCARE_ENCRYPTION_KEY: "dG9vIHNob3J0" })).toThrow(/32 bytes/);
    expect(() => encryptionKeyFrom({})).toThrow(/AFTERCARE_ENCRYPTION_KEY or SHOPIFY_API_SECRET/);
  });
});
