import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const withoutSecret = { ...process.env };
delete withoutSecret.SESSION_SECRET;

/** The secret a production process starting now signs with, in `dataDir`, without SESSION_SECRET. */
function secretOfNewProcess(dataDir: string): Promise<string> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "-e",
      'import("./app/utils/env.server.ts").then(({ env }) => console.log(env.sessionSecrets[0]))',
    ],
    {
      env: { ...withoutSecret, NODE_ENV: "production", DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "ignore"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on("exit", () => resolve(output.trim())));
}

describe("the secret a server without SESSION_SECRET makes for itself", () => {
  it("is one whole secret for all the processes that start together on one data folder", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rituals-secret-"));
    try {
      const secrets = await Promise.all(Array.from({ length: 6 }, () => secretOfNewProcess(dataDir)));
      expect(secrets[0]).toMatch(/^[0-9a-f]{64}$/);
      expect(new Set(secrets)).toEqual(new Set([secrets[0]]));
      expect(fs.readdirSync(dataDir)).toEqual(["session-secret"]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
