import { spawn } from "node:child_process";
import { freePort } from "./free-port";

export interface ServedApp {
  origin: string;
  stop: () => void;
}

/**
 * The built app (`npm run build`) on a free port, as `npm run serve` runs it,
 * with the given environment on top of this process's; resolves once /healthz answers.
 * "localhost" by default: browsers keep Secure cookies there over plain HTTP, as on a developer's machine.
 */
export async function serveBuiltApp(
  env: Record<string, string>,
  { host = "localhost", quiet = false } = {},
): Promise<ServedApp> {
  const port = await freePort();
  const server = spawn(process.execPath, ["server.js"], {
    env: { ...process.env, NODE_ENV: "production", ...env, PORT: String(port) },
    stdio: ["ignore", quiet ? "ignore" : "inherit", quiet ? "ignore" : "inherit"],
  });
  const origin = `http://${host}:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const healthy = await fetch(`${origin}/healthz`).then(
      (response) => response.ok,
      () => false, // not listening yet
    );
    if (healthy) return { origin, stop: () => server.kill() };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error(`The app did not answer at ${origin}/healthz`);
}
