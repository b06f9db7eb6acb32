import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { e2eMailDir } from "../support/e2e-instances";

/** The messages the test SMTP server received for `address` (tests/support/e2e-server.ts). */
export async function mailsTo(address: string): Promise<ParsedMail[]> {
  const files = readdirSync(e2eMailDir).filter((name) => name.endsWith(".eml"));
  const mails = await Promise.all(files.map((name) => simpleParser(readFileSync(path.join(e2eMailDir, name)))));
  return mails.filter((mail) => [mail.to].flat().some((to) => to?.value.some((v) => v.address === address)));
}

/** The one link of a message's plain text. */
export function linkIn(mail: ParsedMail): string {
  const links = mail.text?.match(/https?:\/\/\S+/g) ?? [];
  if (links.length !== 1) throw new Error(`expected one link, found ${links.length}`);
  return links[0]!;
}
