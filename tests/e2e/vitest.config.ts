import path from "node:path";
import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

/** The database the served app uses; tests that need a team of their own write it through the models. */
export const E2E_DATABASE = path.resolve("tests/.tmp-e2e/e2e.db");
/** The served app's secret, shared with the tests so they can derive what the app derives (customer links). */
export const E2E_SESSION_SECRET = "e2e-session-secret-that-is-long-enough-to-use";

// Browser tests against the built app, served the way `npm start` serves it.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    globalSetup: ["tests/e2e/global-server.ts"],
    env: { DATABASE_URL: `file:${E2E_DATABASE}`, SESSION_SECRET: E2E_SESSION_SECRET },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // Client-side navigation changes the URL before React has rendered the new page: poll for content.
    expect: { poll: { timeout: 5_000 } },
  },
});
