import "server-only";
import { headers } from "next/headers";
import { clientIp } from "./client-ip";

export async function requestIp(): Promise<string> {
  return clientIp(await headers());
}
