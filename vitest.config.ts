import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

// Unit and model tests run the code directly, without the Remix build plugin.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["app/**/*.test.{ts,tsx}", "prisma/**/*.test.ts", "tests/*.test.ts"],
    // Those need a PostgreSQL cluster: vitest.postgres.config.ts runs them.
    exclude: ["**/node_modules/**", "**/*.postgres.test.ts"],
    globalSetup: ["tests/setup/global-database.ts"],
    setupFiles: ["tests/setup/worker-database.ts"],
    // Property tests run many cases; a slow CI machine must not fail them on time alone.
    testTimeout: 30_000,
  },
});
