import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { isEncryptedSecret } from "../../app/email/secret-box.server";
import { closeMailTransports, getSenderConfig } from "../../app/email/transport.server";
import { getSetupGuide } from "../../app/models/setup-guide/setup-guide.server";
import { action, loader } from "../../app/routes/app.settings.email";
import { adminFetchRequest } from "../support/app-requests";
import { createFakeAdmin } from "../support/fake-admin/server";
import { createSeedShop } from "../support/fake-admin/seed";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { TEST_API_KEY, TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

const args = (request: Request) => ({ request, params: {}, context: {} });
const post = (fields: Record<string, string>) => adminFetchRequest("/app/settings/email", { method: "POST", body: new URLSearchParams(fields) });
const page = async () => (await (await loader(args(adminFetchRequest("/app/settings/email")))).json()).settings;

let smtp: TestSmtpServer;
const fake = createFakeAdmin({ shop: createSeedShop({ domain: TEST_SHOP }), accessToken: "shpat_installed", apiSecret: TEST_API_SECRET });
const SHOP_EMAIL = "owner@aftercare-demo.example";

/** An Admin client outside a request, posting straight to the fake. */
const graphql = (query: string, options?: { variables?: Record<string, unknown> }) =>
  fake.handle(
    new Request(fake.graphqlUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": "shpat_installed" },
      body: JSON.stringify({ query, variables: options?.variables }),
    }),
  );

function settingsForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    intent: "save",
    host: "127.0.0.1",
    port: String(smtp.port),
    security: "none",
    username: "",
    password: "",
    fromName: "Kopi Roasters",
    fromAddress: "orders@kopi.test",
    replyTo: "help@kopi.test",
    ...overrides,
  };
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  await storeOfflineSession({ accessToken: "shpat_installed" });
});

beforeEach(async () => {
  routeShop(TEST_SHOP, (request) => fake.handle(request));
  await prisma.emailSettings.deleteMany();
  smtp.clear();
  closeMailTransports();
});

afterAll(async () => {
  closeMailTransports();
  await smtp.close();
});

describe("email settings page", () => {
  it("refuses invalid fields with a message on each, and stores nothing", async () => {
    const response = await action(args(post(settingsForm({ host: "smtp://mail.kopi.test", port: "70000", security: "ssl", fromAddress: "not-an-address", replyTo: "also bad" }))));
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.errors).toEqual({
      host: expect.stringContaining("without smtp://"),
      port: "Use a port from 1 to 65535",
      security: "Choose how the connection is secured",
      fromAddress: expect.stringContaining("email address"),
      replyTo: expect.stringContaining("email address"),
    });
    expect(await prisma.emailSettings.count()).toBe(0);
  });

  it("keeps the password encrypted, never shows it, and keeps it when the field is left blank", async () => {
    const saved = await action(args(post(settingsForm({ host: "mail.kopi.test", port: "587", security: "starttls", username: "orders@kopi.test", password: "correct horse" }))));
    expect(saved.status).toBe(200);

    const row = await prisma.emailSettings.findUniqueOrThrow({ where: { shop: TEST_SHOP } });
    expect(row.smtpPassword).not.toContain("correct horse");
    expect(isEncryptedSecret(row.smtpPassword ?? "")).toBe(true);

    const shown = await page();
    expect(JSON.stringify(shown)).not.toContain("correct horse");
    expect(shown).toMatchObject({ host: "mail.kopi.test", port: 587, security: "starttls", username: "orders@kopi.test", passwordSaved: true });

    // Saving again with the password left blank keeps it.
    await action(args(post(settingsForm({ host: "mail2.kopi.test", port: "587", security: "starttls", username: "orders@kopi.test" }))));
    const config = await getSenderConfig(TEST_SHOP);
    expect(config.smtp).toMatchObject({ kind: "server", host: "mail2.kopi.test", username: "orders@kopi.test", password: "correct horse" });
  });

  it("asks for a password when a username has none", async () => {
    const response = await action(args(post(settingsForm({ username: "orders@kopi.test" }))));
    expect(response.status).toBe(422);
    expect((await response.json()).errors).toEqual({ password: "Enter the password for this username" });
    expect(await prisma.emailSettings.count()).toBe(0);
  });

  it("reads an older plain-text smtp:// row, and encrypts its password on the next save", async () => {
    await prisma.emailSettings.create({ data: { shop: TEST_SHOP, smtpUrl: "smtps://care%40kopi.test:old%20secret@mail.kopi.test:465", fromAddress: "care@kopi.test" } });
    const shown = await page();
    expect(shown).toMatchObject({ host: "mail.kopi.test", port: 465, security: "tls", username: "care@kopi.test", passwordSaved: true, source: "shop" });
    expect(JSON.stringify(shown)).not.toContain("old secret");

    await action(args(post(settingsForm({ host: "mail.kopi.test", port: "465", security: "tls", username: "care@kopi.test" }))));
    const row = await prisma.emailSettings.findUniqueOrThrow({ where: { shop: TEST_SHOP } });
    expect(row.smtpUrl).toBeNull();
    expect(isEncryptedSecret(row.smtpPassword ?? "")).toBe(true);
    expect((await getSenderConfig(TEST_SHOP)).smtp).toMatchObject({ kind: "server", password: "old secret" });
  });

  it("sends a test email to the store's address through the saved server, and the setup guide ticks", async () => {
    await action(args(post(settingsForm())));
    const response = await action(args(post({ intent: "test" })));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ intent: "test", ok: true, errors: {}, to: SHOP_EMAIL, error: null });

    const [mail] = await smtp.waitForMessages(1);
    expect(mail.to).toEqual([SHOP_EMAIL]);
    expect(mail.from).toBe("orders@kopi.test");
    expect(mail.text).toContain("Kopi Roasters <orders@kopi.test>");
    expect((await page()).testSentTo).toBe(SHOP_EMAIL);

    const guide = await getSetupGuide({ shop: TEST_SHOP, apiKey: TEST_API_KEY, graphql });
    expect(guide.dismissed === false && guide.steps.find((step) => step.id === "test-email")?.status).toBe("done");
  });

  it("shows the server's refusal when the credentials are wrong, and records nothing", async () => {
    await action(args(post(settingsForm({ username: "orders@kopi.test", password: "wrong" }))));
    const response = await action(args(post({ intent: "test" })));
    expect(response.status).toBe(502);
    const body = await response.json();
    expect(body).toMatchObject({ intent: "test", ok: false, to: SHOP_EMAIL });
    expect(body.error).toMatch(/Invalid login: 535/);
    expect(smtp.messages).toHaveLength(0);
    expect((await page()).testSentAt).toBeNull();
  });

  it("logs in with the decrypted password, and shows the refusal of a wrong one", async () => {
    // A server that checks credentials (the shared test server accepts mail without logging in).
    const accepted: string[] = [];
    const server = new SMTPServer({
      authMethods: ["PLAIN", "LOGIN"],
      allowInsecureAuth: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === "orders@kopi.test" && auth.password === "pä55 wörd") callback(null, { user: auth.username });
        else callback(Object.assign(new Error("Username and password not accepted"), { responseCode: 535 }));
      },
      onData(stream, session, callback) {
        stream.resume();
        stream.on("end", () => {
          accepted.push(...session.envelope.rcptTo.map((rcpt) => rcpt.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    const { port } = server.server.address() as AddressInfo;
    try {
      await action(args(post(settingsForm({ port: String(port), username: "orders@kopi.test", password: "pä55 wörd" }))));
      expect(await (await action(args(post({ intent: "test" })))).json()).toMatchObject({ ok: true, to: SHOP_EMAIL });
      expect(accepted).toEqual([SHOP_EMAIL]);

      await action(args(post(settingsForm({ port: String(port), username: "orders@kopi.test", password: "guess" }))));
      const refused = await (await action(args(post({ intent: "test" })))).json();
      expect(refused).toMatchObject({ ok: false });
      expect(refused.error).toContain("Username and password not accepted");
      expect(accepted).toHaveLength(1);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("shows a connection failure and a missing set-up as banners too", async () => {
    const notConfigured = await (await action(args(post({ intent: "test" })))).json();
    expect(notConfigured.error).toMatch(/Email is not configured/);

    await action(args(post(settingsForm({ port: "1" }))));
    const refused = await (await action(args(post({ intent: "test" })))).json();
    expect(refused).toMatchObject({ ok: false });
    expect(refused.error).toMatch(/ECONNREFUSED|connect/i);
  });
});
