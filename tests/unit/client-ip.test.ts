import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { withPeerAddress } from "@/lib/config/next-server";
import { clientIp } from "@/lib/http/client-ip";

const chain = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientIp", () => {
  it("is the TCP peer (the last entry) with no trusted proxy, whatever the client wrote before it", () => {
    expect(clientIp(chain("203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientIp(chain("1.1.1.1, 203.0.113.7"), 0)).toBe("203.0.113.7");
    // Rotating the header does not rotate the address a limit is keyed on.
    expect(clientIp(chain("2.2.2.2, 3.3.3.3, 203.0.113.7"), 0)).toBe("203.0.113.7");
  });

  it("steps back one entry per trusted proxy, never further than the first", () => {
    expect(clientIp(chain("6.6.6.6, 198.51.100.4, 10.0.0.2"), 1)).toBe("198.51.100.4");
    expect(clientIp(chain("198.51.100.4, 10.0.0.3, 10.0.0.2"), 2)).toBe("198.51.100.4");
    expect(clientIp(chain("10.0.0.2"), 3)).toBe("10.0.0.2");
  });

  it("ignores X-Real-IP, which any client can send", () => {
    expect(clientIp(new Headers({ "x-real-ip": "6.6.6.6" }), 0)).toBe("inconnue");
  });
});

describe("the Next server's preload", () => {
  it("appends the socket's address to X-Forwarded-For, so that a forged header cannot hide it", () => {
    // A real HTTP server in a child process started with the options the app's server gets.
    const script = `
      const http = require("node:http");
      const server = http.createServer((req, res) => res.end(req.headers["x-forwarded-for"]));
      server.listen(0, "127.0.0.1", async () => {
        const { port } = server.address();
        const forged = await (await fetch("http://127.0.0.1:" + port, { headers: { "x-forwarded-for": "6.6.6.6" } })).text();
        const plain = await (await fetch("http://127.0.0.1:" + port)).text();
        console.log(JSON.stringify([forged, plain]));
        server.close();
      });`;
    const env = withPeerAddress({ ...process.env, NODE_OPTIONS: "" });
    const [forged, plain] = JSON.parse(execFileSync(process.execPath, ["-e", script], { env, encoding: "utf8" })) as string[];
    expect(forged).toBe("6.6.6.6, 127.0.0.1");
    expect(plain).toBe("127.0.0.1");
    expect(clientIp(chain(forged!), 0)).toBe("127.0.0.1");
  });
});
