import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

// The model and authorization tests again, on a throwaway PostgreSQL cluster,
// plus the checks that only PostgreSQL has (*.postgres.test.ts).
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: [
      "app/{models,services}/**/*.test.ts",
      "{prisma,tests}/**/*.postgres.test.ts",
      "prisma/seed.test.ts",
      "tests/{accounts,joining,authorization,calendar-routes,feeds,mail,notes,planning-views,reminders,throttles,cancellations,mail-wording,account-links,calendar-delivery,roles,rsvps,busy-sources,days-off,caldav}.test.ts",
    ],
    globalSetup: ["tests/setup/global-postgres.ts"],
    setupFiles: ["tests/setup/worker-postgres.ts"],
    testTimeout: 30_000,
  },
});
