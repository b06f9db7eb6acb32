import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The database client is reached through lib/ only (server-only modules that check who may
// read or write), so that no page, action or component can query around authorization.
const databaseImports = {
  patterns: [
    {
      // A type cannot query anything: lib/ functions take `db: Database`, actions may name it.
      allowTypeImports: true,
      group: ["@/lib/db/client", "@/lib/db/connect", "@/lib/db/generated/client", "**/lib/db/client", "**/lib/db/generated/client"],
      message: "Passer par un module de lib/ : pages et composants n'importent pas le client de base de données.",
    },
  ],
};

// lib/db is the lowest layer: connection, migrations, availability. Start-up, which also loads
// demo content, history baselines, map contours and former uploads, lives in lib/startup.
const lowerLayerImports = {
  patterns: [
    {
      group: ["demo", "editorial", "map", "uploads"].flatMap((folder) => [
        `@/lib/${folder}`,
        `@/lib/${folder}/**`,
        `**/lib/${folder}`,
        `**/lib/${folder}/**`,
        `../${folder}`,
        `../${folder}/**`,
        `../../${folder}`,
        `../../${folder}/**`,
      ]),
      message: "lib/db ne dépend d'aucun module métier : l'orchestration du démarrage est dans lib/startup.",
    },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // A leading underscore or a rest sibling marks what is left out on purpose ({ a: _a, ...rest }).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", databaseImports] },
  },
  {
    files: ["lib/db/**/*.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", lowerLayerImports] },
  },
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "lib/db/generated/**",
    "coverage/**",
    "playwright-report/**",
    "test-results/**",
    ".data/**",
  ]),
]);
