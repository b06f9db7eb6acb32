import "server-only";
import { createPrismaClient, type Database } from "./connect";

// One client per server process, created on first use (so that `next build` never needs a
// database). In development the module is re-evaluated on each change: keep it on globalThis.
const holder = globalThis as unknown as { reperesPrisma?: Database };

function instance(): Database {
  holder.reperesPrisma ??= createPrismaClient();
  return holder.reperesPrisma;
}

export const prisma: Database = new Proxy({} as Database, {
  get(_target, property) {
    const client = instance();
    const value: unknown = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
