/**
 * `npm run user:create -- --email alice@irev.fr --role admin [--name "Alice Martin"]`
 * Creates an account on the configured database (DATABASE_URL, or the embedded one when the app
 * is stopped). The password is read from a hidden prompt, or from standard input when piped:
 * never from an argument, which would end up in the shell history and the process list.
 */
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { AccountError, createAccount } from "@/lib/accounts/users";
import { runCli, UserFacingError } from "@/lib/cli/run";
import { parseEnv } from "@/lib/config/env";
import { withCommandDatabase } from "@/lib/db/command-database";

const ROLES = { admin: "ADMIN", editor: "EDITOR", editeur: "EDITOR", contributor: "CONTRIBUTOR", contributeur: "CONTRIBUTOR" } as const;

async function readPiped(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, "");
}

function promptHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}

runCli(async () => {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      role: { type: "string", default: "admin" },
      name: { type: "string" },
      password: { type: "string" },
    },
  });
  if (values.password !== undefined) {
    throw new UserFacingError(
      "Le mot de passe ne se passe pas en argument : la commande le demande, ou le lit sur l'entrée standard (echo … | npm run user:create -- …).",
    );
  }
  if (!values.email)
    throw new UserFacingError('Usage : npm run user:create -- --email adresse@exemple.fr --role admin|editor|contributor [--name "Nom"]');
  const role = ROLES[(values.role ?? "").toLowerCase() as keyof typeof ROLES];
  if (!role) throw new UserFacingError("Rôle inconnu : admin, editor ou contributor.");

  let password: string;
  if (process.stdin.isTTY) {
    password = await promptHidden("Mot de passe (12 caractères au moins) : ");
    if ((await promptHidden("Confirmez le mot de passe : ")) !== password)
      throw new UserFacingError("Les deux saisies ne correspondent pas.");
  } else {
    password = await readPiped();
  }

  const env = parseEnv();
  await withCommandDatabase(env, async (db) => {
    try {
      const { id } = await createAccount(
        db,
        { email: values.email!, name: values.name ?? values.email!.split("@")[0]!, role, password },
        { userId: null },
      );
      console.log(`Compte n° ${id} créé : ${values.email!.trim().toLowerCase()} (${role}).`);
    } catch (error) {
      if (error instanceof AccountError) throw new UserFacingError(error.message);
      throw error;
    }
  });
});
