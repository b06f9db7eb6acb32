// Next.js forbids importing server-only modules in client code; tests run on the server side.
export {};
