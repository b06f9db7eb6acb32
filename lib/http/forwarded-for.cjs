// Loaded with --require into every Next server we start (lib/config/next-server.ts): appends the
// TCP peer's address to X-Forwarded-For before Next.js sees the request, as a reverse proxy does.
// Route handlers never see the socket, and Next.js fills that header with the peer only when the
// client sent none, so without this a client could choose the address it is limited under.
const http = require("node:http");

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithPeer(event, request, ...rest) {
  if (event === "request" && request && request.socket) {
    const peer = request.socket.remoteAddress || "inconnue";
    const previous = request.headers["x-forwarded-for"];
    request.headers["x-forwarded-for"] = previous ? `${previous}, ${peer}` : peer;
  }
  return emit.call(this, event, request, ...rest);
};
