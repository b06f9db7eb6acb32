import NextAuth from "next-auth";
import { problemResponse } from "@/lib/api/errors";
import { authOptions } from "@/lib/auth/options";

const handler = NextAuth(authOptions);

/** next-auth's own rule for a callbackUrl: a path, or an absolute http(s) address. */
function readable(callbackUrl: string): boolean {
  try {
    return /^https?:$/.test(new URL(callbackUrl, callbackUrl.startsWith("/") ? "http://reperes.invalid" : undefined).protocol);
  } catch {
    return false;
  }
}

// next-auth throws on a callbackUrl it cannot read, a 500 for anyone who edits the address: the
// parameter is checked here, where it enters, and refused with a 400 that names it.
async function checked(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const callbackUrl = new URL(request.url).searchParams.get("callbackUrl");
  if (callbackUrl !== null && !readable(callbackUrl)) {
    return problemResponse(400, "Adresse de retour (callbackUrl) invalide : un chemin de ce site est attendu.", {
      parameter: "callbackUrl",
    });
  }
  return handler(request, context);
}

export { checked as GET, checked as POST };
