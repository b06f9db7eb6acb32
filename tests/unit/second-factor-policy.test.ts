import { afterEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/sessions";
import { parseEnv, secondFactorRequired } from "@/lib/config/env";

const caller: { user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => caller.user }));

const user = (role: SessionUser["role"], totpEnabled: boolean): SessionUser => ({
  id: 1,
  email: "a@test.reperes",
  name: "A",
  role,
  totpEnabled,
  sessionId: "s",
});
const saved = { NODE_ENV: process.env.NODE_ENV, REPERES_ADMIN_TOTP_REQUIRED: process.env.REPERES_ADMIN_TOTP_REQUIRED };
function setEnv(values: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

describe("second factor policy", () => {
  afterEach(() => setEnv(saved));

  it("is required by default in production only, and the variable wins either way", () => {
    expect(secondFactorRequired(parseEnv({ NODE_ENV: "production" }))).toBe(true);
    expect(secondFactorRequired(parseEnv({}))).toBe(false);
    expect(secondFactorRequired(parseEnv({ NODE_ENV: "production", REPERES_ADMIN_TOTP_REQUIRED: "false" }))).toBe(false);
    expect(secondFactorRequired(parseEnv({ REPERES_ADMIN_TOTP_REQUIRED: "true" }))).toBe(true);
  });

  it("keeps admins and editors without a second factor out of the back office of a production server", async () => {
    const { requireUser } = await import("@/lib/auth/guards");
    setEnv({ NODE_ENV: "production", REPERES_ADMIN_TOTP_REQUIRED: undefined });
    for (const role of ["ADMIN", "EDITOR"] as const) {
      caller.user = user(role, false);
      await expect(requireUser("CONTRIBUTOR")).rejects.toMatchObject({
        status: 403,
        message: expect.stringMatching(/double authentification/),
      });
      // Their own account page stays open, to set it up.
      await expect(requireUser("CONTRIBUTOR", { allowMissingSecondFactor: true })).resolves.toMatchObject({ role });
      caller.user = user(role, true);
      await expect(requireUser("CONTRIBUTOR")).resolves.toMatchObject({ role });
    }
    caller.user = user("CONTRIBUTOR", false);
    await expect(requireUser("CONTRIBUTOR")).resolves.toMatchObject({ role: "CONTRIBUTOR" });

    setEnv({ REPERES_ADMIN_TOTP_REQUIRED: "false" });
    caller.user = user("ADMIN", false);
    await expect(requireUser("ADMIN")).resolves.toMatchObject({ role: "ADMIN" });
  });
});
