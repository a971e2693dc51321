import { spawn } from "node:child_process";
import { freePort } from "./free-port";

export interface ServedApp {
  origin: string;
  /** The server's process id (the same process when `wrap` ends in `exec`). */
  pid: number;
  stop: () => void;
}

/**
 * The built app (`npm run build`) on a free port, as `npm run serve` runs it,
 * with the given environment on top of this process's; resolves once /healthz answers.
 * "localhost" by default: browsers keep Secure cookies there over plain HTTP, as on a developer's machine.
 */
export async function serveBuiltApp(
  env: Record<string, string>,
  {
    host = "localhost",
    quiet = false,
    wrap = (command: string[]) => command,
  }: {
    host?: string;
    quiet?: boolean;
    /** The command line that runs the server, given the plain one (to run it in a namespace of its own). */
    wrap?: (command: string[]) => string[];
  } = {},
): Promise<ServedApp> {
  const port = await freePort();
  const [command = "", ...args] = wrap([process.execPath, "server.js"]);
  const server = spawn(command, args, {
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
    if (healthy) return { origin, pid: server.pid!, stop: () => server.kill() };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error(`The app did not answer at ${origin}/healthz`);
}
