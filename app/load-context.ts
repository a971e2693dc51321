import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's network address (from the server, or X-Forwarded-For when a proxy is trusted). */
    clientAddress?: string;
  }
}
