/**
 * `npm start`: the whole app on one command. Without DATABASE_URL it runs an embedded PostgreSQL
 * (data in REPERES_DATA_DIR, kept across restarts); it then migrates, loads reference data and,
 * in demo mode, the first content, builds the app if needed and serves it. Ctrl-C stops both.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { runCli, UserFacingError } from "@/lib/cli/run";
import { parseEnv, secondFactorRequired } from "@/lib/config/env";
import { NEXT_BIN, withPeerAddress, withServerHeap } from "@/lib/config/next-server";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { prepareDatabase } from "@/lib/startup/prepare";
import { assertDatabaseReachable } from "@/lib/db/reachability";
import { roleLabels } from "@/lib/auth/roles";
import { DEMO_ACCOUNTS, demoPolicy } from "@/lib/demo/accounts";
import { mailDropDir } from "@/lib/mail/settings";
import { legacyUploadDir } from "@/lib/uploads/files";
import { buildIsStale } from "./build-freshness";

const root = path.resolve(import.meta.dirname, "..");

function portIsFree(port: number, host: string) {
  return new Promise<boolean>((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .once("listening", () => probe.close(() => resolve(true)))
      .listen(port, host);
  });
}

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [NEXT_BIN, ...args], { cwd: root, env, stdio: "inherit" });
}

/**
 * The secret every instance started on this data folder signs sessions with. Written once:
 * two starts at the same moment read the same one. Instances on other machines share no folder:
 * they need NEXTAUTH_SECRET (README), it is not kept in the database because it also encrypts the
 * TOTP secrets stored there (lib/auth/secret-box.ts).
 */
function persistentSecret(dataDir: string) {
  const file = path.join(dataDir, "nextauth-secret");
  mkdirSync(dataDir, { recursive: true });
  // Written aside then linked: the name never shows a half-written file, and link() refuses to replace one.
  const draft = `${file}.${process.pid}`;
  writeFileSync(draft, randomBytes(32).toString("base64url"), { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(draft);
  }
  return readFileSync(file, "utf8").trim();
}

runCli(async () => {
  const env = parseEnv();
  const dataDir = path.resolve(root, env.REPERES_DATA_DIR);
  const log = (line: string) => console.log(`  ${line}`);

  if (!(await portIsFree(env.PORT, env.HOSTNAME))) {
    throw new UserFacingError(
      `Le port ${env.PORT} est déjà utilisé. Arrêtez le programme qui l'occupe, ou choisissez un autre port : PORT=3001 npm start`,
    );
  }

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (databaseUrl) {
    console.log("Base de données : DATABASE_URL (aucune base embarquée n'est démarrée)");
    await assertDatabaseReachable(databaseUrl);
  } else {
    console.log(`Base de données : PostgreSQL embarqué (données dans ${path.relative(root, dataDir) || "."}/postgres)`);
    embedded = await startEmbeddedDatabase({
      dataDir: path.join(dataDir, "postgres"),
      port: env.EMBEDDED_POSTGRES_PORT,
      database: "reperes",
    });
    databaseUrl = embedded.url;
  }

  let child: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("\nArrêt de Repères…");
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child!.once("exit", resolve));
    }
    await embedded?.stop();
    console.log("Repères est arrêté.");
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    const { demo, demoAccounts } = demoPolicy(env);
    console.log("Préparation de la base…");
    // The demo draws its map from the reference contours kept beside the project, when present.
    const geometryDir = demo ? path.resolve(root, "../shared/data/geo") : undefined;
    const prepared = await prepareDatabase(databaseUrl, {
      demo,
      demoAccounts,
      progress: log,
      geometryDir,
      legacyUploadDir: legacyUploadDir({ UPLOAD_DIR: env.UPLOAD_DIR, REPERES_DATA_DIR: dataDir }),
    });
    if (prepared.appliedMigrations.length === 0) log("schéma à jour");

    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://${env.HOSTNAME}:${env.PORT}`,
      NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? persistentSecret(dataDir),
      REPERES_DEMO: demo ? "true" : "false",
      // Decided from the operator's NODE_ENV: the server itself always runs as production.
      REPERES_ADMIN_TOTP_REQUIRED: String(secondFactorRequired(env)),
    };

    if (buildIsStale(root)) {
      console.log("Construction de l'application (next build, environ 30 s)…");
      const build = run(["build"], childEnv);
      const code = await new Promise<number>((resolve) => build.once("exit", (c) => resolve(c ?? 1)));
      if (code !== 0) throw new UserFacingError("La construction de l'application a échoué (voir ci-dessus).");
    }

    child = run(["start", "--port", String(env.PORT), "--hostname", env.HOSTNAME], withPeerAddress(withServerHeap(childEnv)));
    child.once("exit", (code) => void stop(code ?? 1));
    console.log(`\nRepères est disponible sur ${childEnv.NEXTAUTH_URL}  (Ctrl-C pour arrêter)`);
    console.log(
      env.SMTP_URL
        ? "Courriels : envoyés par le serveur SMTP de SMTP_URL."
        : `Courriels : aucun serveur SMTP (SMTP_URL) ; chaque message est écrit dans ${path.relative(root, mailDropDir({ REPERES_DATA_DIR: dataDir })) || "."}/ (fichiers .eml).`,
    );
    if (demo) printDemoAccess(prepared.demoAccountsOpen);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
});

function printDemoAccess(openAccounts: string[]) {
  console.log("Mode démonstration : contenu de la synthèse IREV du 12 décembre 2023.");
  if (openAccounts.length === 0) return;
  console.log("Espace équipe : /connexion, avec ces comptes de démonstration (à ne pas utiliser en production) :");
  for (const account of DEMO_ACCOUNTS.filter((a) => openAccounts.includes(a.email))) {
    console.log(`  ${roleLabels[account.role].padEnd(15)} ${account.email.padEnd(28)} mot de passe : ${account.password}`);
  }
}
