import { defineConfig } from "vitest/config";

// Browser tests against the built app, served the way `npm start` serves it.
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    globalSetup: ["tests/e2e/global-server.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // Client-side navigation changes the URL before React has rendered the new page: poll for content.
    expect: { poll: { timeout: 5_000 } },
  },
});
