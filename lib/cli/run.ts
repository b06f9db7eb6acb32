import { EnvError } from "@/lib/config/env";

/** A failure the user can fix: printed as a plain message, without a stack trace. */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserFacingError";
  }
}

const KNOWN_ERRORS = new Set(["UserFacingError", "EnvError", "EmbeddedDatabaseError", "MigrationError", "ImportError", "BackupError"]);

/** Runs a command-line entry point: clear French message and exit code 1 on failure. */
export function runCli(main: () => Promise<void | number>) {
  main().then(
    (code) => {
      if (typeof code === "number") process.exitCode = code;
    },
    // process.exit, not exitCode: tsx would otherwise report success, and open handles
    // (a pool, a child process) must not keep a failed command alive.
    (error: unknown) => {
      if (error instanceof Error && (KNOWN_ERRORS.has(error.name) || error instanceof EnvError)) {
        console.error(`\nErreur : ${error.message}`);
      } else {
        console.error("\nErreur inattendue :", error);
      }
      process.exit(1);
    },
  );
}
