/**
 * The quick checks, side by side: typecheck, lint and the unit tests run at
 * once (the machine has cores to spare while tsc waits on one), each one's
 * output printed whole when it ends, and the run fails if any of them does.
 */
import { spawn } from "node:child_process";

const CHECKS = ["typecheck", "lint", "test:unit"];

function run(script: string): Promise<{ script: string; ok: boolean; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", script], { stdio: ["ignore", "pipe", "pipe"] });
    const output: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(`\n── ${script} (${seconds.toFixed(0)} s) ──\n${Buffer.concat(output).toString()}`);
      resolve({ script, ok: code === 0, seconds });
    });
  });
}

const results = await Promise.all(CHECKS.map(run));
const failed = results.filter((result) => !result.ok).map((result) => result.script);
console.log(failed.length === 0 ? "\nvalidate: all passed" : `\nvalidate: failed: ${failed.join(", ")}`);
process.exit(failed.length === 0 ? 0 : 1);
