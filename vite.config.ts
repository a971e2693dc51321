import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        // The route manifest comes as one file the browser keeps (2 KB gzipped), instead of being
        // worked out on the server for every page and asked for again as links are followed.
        v3_lazyRouteDiscovery: false,
        v3_routeConfig: true,
      },
    }),
    tsconfigPaths(),
  ],
  // Server-only; its browser build (a WASM package) is not installed, so the dev optimiser must not scan it.
  optimizeDeps: { exclude: ["@node-rs/argon2"] },
});
