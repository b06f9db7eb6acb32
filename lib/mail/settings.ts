import path from "node:path";
import { env } from "@/lib/config/env";
import { siteUrl } from "@/lib/opendata/site";

export interface MailSettings {
  from: string;
  /** SMTP server; without it every message is written to `dropDir` as an .eml file. */
  smtpUrl?: string;
  dropDir: string;
  /** Absolute base of every link a message carries. */
  siteUrl: string;
}

/** Where a message without SMTP_URL lands: the folder the start banner names. */
export function mailDropDir(env: { REPERES_DATA_DIR: string }): string {
  return path.resolve(/*turbopackIgnore: true*/ env.REPERES_DATA_DIR, "mail");
}

export function mailSettings(): MailSettings {
  const { MAIL_FROM, SMTP_URL, REPERES_DATA_DIR } = env();
  return {
    from: MAIL_FROM ?? "Repères <ne-pas-repondre@localhost>",
    smtpUrl: SMTP_URL,
    dropDir: mailDropDir({ REPERES_DATA_DIR }),
    siteUrl: siteUrl(),
  };
}
