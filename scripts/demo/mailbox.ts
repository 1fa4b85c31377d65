/**
 * The demo's outgoing mail: a local SMTP server (smtp-server) the app sends through (SMTP_URL), keeping
 * every message, parsed with mailparser, for the mail viewer. Nothing leaves the machine.
 */
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface CapturedMail {
  /** 1, 2, 3… in arrival order: the viewer's address for it (/mail/<id>). */
  id: number;
  to: string[];
  from: string;
  subject: string;
  receivedAt: Date;
  html: string | null;
  text: string;
}

export interface DemoMailbox {
  url: string;
  readonly messages: readonly CapturedMail[];
  find(id: number): CapturedMail | undefined;
  close(): Promise<void>;
}

export async function startDemoMailbox(): Promise<DemoMailbox> {
  const messages: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // Pooled connections the app keeps open must not hold the demo's shutdown for long.
    closeTimeout: 1_000,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            id: messages.length + 1,
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: parsed.subject ?? "",
            receivedAt: new Date(),
            html: typeof parsed.html === "string" ? parsed.html : null,
            text: parsed.text ?? "",
          });
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
    messages,
    find: (id) => messages.find((message) => message.id === id),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
