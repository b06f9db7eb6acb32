import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probe } from "@/lib/db/availability";

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
});
