/**
 * A real SMTP server for the tests (smtp-server): it accepts every message and keeps its raw
 * bytes. `holdNext(text)` makes it keep the DATA of the next message containing `text` unanswered, as a server that hangs.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface SmtpSink {
  url: string;
  received: string[];
  /** Resolves once `count` messages were accepted in all. */
  waitFor(count: number): Promise<string[]>;
  /** Recipients refused with a permanent error (550) while listed here. */
  refused: Set<string>;
  /** The next message containing `text` is read but never answered; resolves when it has arrived. */
  holdNext(text: string): Promise<void>;
  close(): Promise<void>;
}

/** `saveTo`: a folder where each accepted message is also written, as N.eml (the browser tests read it). */
export async function startSmtpSink(saveTo?: string): Promise<SmtpSink> {
  const received: string[] = [];
  const waiters: { count: number; resolve: (messages: string[]) => void }[] = [];
  let hold: { text: string; arrived: () => void } | null = null;
  const refused = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(refused.has(address.address) ? Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }) : undefined);
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        if (hold && raw.includes(hold.text)) {
          hold.arrived();
          hold = null;
          return;
        }
        received.push(raw);
        if (saveTo) writeFileSync(path.join(saveTo, `${received.length}.eml`), raw);
        callback();
        for (const waiter of waiters.filter((w) => received.length >= w.count)) waiter.resolve([...received]);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refused,
    waitFor: (count) =>
      received.length >= count ? Promise.resolve([...received]) : new Promise((resolve) => waiters.push({ count, resolve })),
    holdNext: (text) => new Promise<void>((arrived) => (hold = { text, arrived })),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const parseMail = (raw: string): Promise<ParsedMail> => simpleParser(raw);
