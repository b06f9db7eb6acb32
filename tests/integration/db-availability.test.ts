import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { afterProbe, probe } from "@/lib/db/availability";

// A server that accepts connections and never says a word: a database that hangs.
let silent: Server;
const sockets: Socket[] = [];
let silentPort = 0;

beforeAll(async () => {
  silent = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentPort = (silent.address() as { port: number }).port;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

describe("database availability probe", () => {
  it("tells a working database, a refused connection and a silent one apart", async () => {
    expect(await probe(process.env.DATABASE_URL!)).toBe("up");
    expect(await probe("postgresql://postgres@127.0.0.1:1/reperes", 2000)).toBe("down");
    expect(await probe(`postgresql://postgres@127.0.0.1:${silentPort}/reperes`, 200)).toBe("timeout");
  });

  it("marks the database down at once on a refusal, on silence only after three probes in a row", () => {
    let state = { up: true, timeouts: 0 };
    state = afterProbe(state, "timeout");
    state = afterProbe(state, "timeout");
    expect(state).toEqual({ up: true, timeouts: 2 });
    expect(afterProbe(state, "timeout").up).toBe(false);
    expect(afterProbe(afterProbe(state, "up"), "timeout")).toEqual({ up: true, timeouts: 1 });
    expect(afterProbe({ up: true, timeouts: 0 }, "down").up).toBe(false);
    expect(afterProbe({ up: false, timeouts: 0 }, "timeout").up).toBe(false);
    expect(afterProbe({ up: false, timeouts: 0 }, "up").up).toBe(true);
  });
});
