/**
 * The demo's outgoing mail: the tests' local SMTP server (tests/support/smtp.ts) the app sends through
 * (SMTP_URL), every message kept for the mail viewer. Nothing leaves the machine.
 */
import { startSmtpServer, type ReceivedMail } from "../../tests/support/smtp";

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
  // Pooled connections the app keeps open must not hold the demo's shutdown for long.
  const smtp = await startSmtpServer({ closeTimeout: 1_000 });
  const captured = (mail: ReceivedMail, index: number): CapturedMail => ({
    id: index + 1,
    to: mail.to,
    from: mail.from,
    subject: mail.subject,
    receivedAt: mail.receivedAt,
    html: mail.html || null,
    text: mail.text,
  });
  return {
    url: smtp.url,
    get messages() {
      return smtp.messages.map(captured);
    },
    find: (id) => {
      const mail = smtp.messages[id - 1];
      return mail ? captured(mail, id - 1) : undefined;
    },
    close: () => smtp.close(),
  };
}
