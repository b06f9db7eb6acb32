/**
 * Hands a built message to the SMTP server of SMTP_URL, or, without one (demo, local), writes it
 * as an .eml file into the drop folder: the same MIME bytes either way.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type { MailSettings } from "./settings";

export interface OutgoingMail {
  /** Without angle brackets; fixed at enqueue time, so a retried delivery carries the same one. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Unsubscribe of a subscribed message). */
  headers?: Record<string, string>;
}

export interface MailTransport {
  deliver(mail: OutgoingMail): Promise<void>;
  close(): void;
}

function envelope(settings: MailSettings, mail: OutgoingMail) {
  return {
    from: settings.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: `<${mail.messageId}>`,
    headers: mail.headers,
  };
}

export function createMailTransport(settings: MailSettings): MailTransport {
  if (settings.smtpUrl) {
    // Bounded waits: a job whose server hangs must fail (and be retried) before its expiry.
    const smtp = nodemailer.createTransport({
      url: settings.smtpUrl,
      connectionTimeout: 20_000,
      greetingTimeout: 15_000,
      socketTimeout: 45_000,
    });
    return {
      deliver: async (mail) => void (await smtp.sendMail(envelope(settings, mail))),
      close: () => smtp.close(),
    };
  }
  const files = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async deliver(mail) {
      const { message } = await files.sendMail(envelope(settings, mail));
      mkdirSync(settings.dropDir, { recursive: true });
      // Named by the message: a retry rewrites the same file. Written aside then renamed, so a
      // reader never sees half a message.
      const file = path.join(settings.dropDir, `${mail.messageId.replace(/[^\w.-]/g, "_")}.eml`);
      writeFileSync(`${file}.part`, message as Buffer, { mode: 0o600 });
      renameSync(`${file}.part`, file);
    },
    close: () => files.close(),
  };
}
