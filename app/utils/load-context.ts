import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's network address (from the server, or X-Forwarded-For when a proxy is trusted). */
    clientAddress?: string;
    /** The nonce this response's Content-Security-Policy allows scripts with (set by server.js). */
    cspNonce?: string;
  }
}
