/**
 * A real SMTP server on 127.0.0.1 (a free port) that keeps every message it receives, parsed with
 * mailparser, so tests check what a shopper's mailbox would get.
 *
 *   const smtp = await startSmtpServer();
 *   process.env.SMTP_URL = smtp.url;
 *   ... send ...
 *   const [mail] = await smtp.waitForMessages(1);
 */
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  /** Envelope recipients (RCPT TO). */
  to: string[];
  /** Envelope sender (MAIL FROM). */
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string | undefined;
  receivedAt: Date;
  parsed: ParsedMail;
}

export interface TestSmtpServer {
  url: string;
  port: number;
  readonly messages: readonly ReceivedMail[];
  /** Messages addressed to one recipient. */
  messagesTo(address: string): ReceivedMail[];
  /** Resolves once at least `count` messages arrived (rejects after `timeoutMs`). */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Makes the next `count` messages fail with a temporary SMTP error (451). */
  failNext(count: number, responseCode?: number): void;
  clear(): void;
  close(): Promise<void>;
}

export interface SmtpServerOptions {
  /** How long close() lets open (pooled) client connections linger, in ms (smtp-server's default: 30 s). */
  closeTimeout?: number;
}

export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let failures: { left: number; code: number } = { left: 0, code: 451 };

  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    ...(options.closeTimeout === undefined ? {} : { closeTimeout: options.closeTimeout }),
    onData(stream, session, callback) {
      if (failures.left > 0) {
        failures = { ...failures, left: failures.left - 1 };
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("Try again later"), { responseCode: failures.code })));
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            messageId: parsed.messageId,
            receivedAt: new Date(),
            parsed,
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    messagesTo: (address) => messages.filter((mail) => mail.to.includes(address)),
    waitForMessages(count, timeoutMs = 5_000) {
      if (messages.length >= count) return Promise.resolve([...messages]);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Expected ${count} messages, received ${messages.length} within ${timeoutMs} ms`));
        }, timeoutMs);
        const check = () => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve([...messages]);
        };
        waiters.add(check);
      });
    },
    failNext(count, responseCode = 451) {
      failures = { left: count, code: responseCode };
    },
    clear() {
      messages.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
