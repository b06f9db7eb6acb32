import { describe, expect, it } from "vitest";
import { localPath } from "@/lib/http/local-path";

describe("localPath (redirect after sign-in)", () => {
  it("keeps a path and its query on this site", () => {
    expect(localPath("/admin/initiatives?statut=BROUILLON", "/admin")).toBe("/admin/initiatives?statut=BROUILLON");
    expect(localPath("/admin#haut", "/admin")).toBe("/admin");
  });

  it.each([
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/\u0000/evil.example",
    "/\u007f",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example/admin",
    "javascript:alert(1)",
    "admin",
    "",
    `/${"a".repeat(10_000)}`,
  ])("refuses %j", (value) => {
    expect(localPath(value, "/admin")).toBe("/admin");
  });

  it("refuses what is not a string", () => {
    expect(localPath(["/admin/a", "/admin/b"], "/admin")).toBe("/admin");
    expect(localPath(undefined, "/admin")).toBe("/admin");
  });
});

describe("next-auth's redirect after sign-in or sign-out", () => {
  it("stays on this site, whatever callbackUrl next-auth was given", async () => {
    const { authOptions } = await import("@/lib/auth/options");
    const redirect = (url: string) => authOptions.callbacks!.redirect!({ url, baseUrl: "http://localhost:3000" });
    expect(await redirect("/admin/initiatives?page=2")).toBe("http://localhost:3000/admin/initiatives?page=2");
    expect(await redirect("http://localhost:3000/admin/compte")).toBe("http://localhost:3000/admin/compte");
    expect(await redirect("http://localhost:3000")).toBe("http://localhost:3000/");
    for (const hostile of [
      "/\t/evil.example",
      "/\n/evil.example",
      "//evil.example",
      "https://evil.example/",
      "http://localhost:3000.evil.example/",
    ]) {
      expect(await redirect(hostile)).toBe("http://localhost:3000/admin");
    }
  });
});
