import { defineConfig } from "prisma/config";

// Prisma 7 reads no .env file and env() throws when a variable is unset: the URL is only
// needed by commands that talk to a database, which our own scripts drive (lib/db/migrations).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unset" },
});
