import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const APP = "app";

/** Every source file of the app (tests and generated clients aside). */
function sourceFiles(folder = APP): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

const files = sourceFiles();

/** Whether an import brings only types (erased at build time, so no code runs). */
function typeOnly(statement: string): boolean {
  if (/^import\s+type\s/.test(statement)) return true;
  const names = /\{([^}]*)\}/.exec(statement)?.[1];
  if (!names || /^import\s+\w+\s*,/.test(statement)) return false;
  const members = names
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  return members.length > 0 && members.every((name) => name.startsWith("type "));
}

/** The app's own modules a file imports (type imports and re-exports too, unless `runtime`), by path. */
function importsOf(file: string, { runtime = false } = {}): string[] {
  const statements = [...fs.readFileSync(file, "utf8").matchAll(/^(?:import|export)[^;]*?from\s+["']([^"']+)["']/gm)];
  const specifiers = statements.filter(([statement]) => !runtime || !typeOnly(statement));
  return specifiers.flatMap(([, specifier]) => {
    const base = specifier!.startsWith("~/")
      ? path.join(APP, specifier!.slice(2))
      : specifier!.startsWith(".")
        ? path.join(path.dirname(file), specifier!)
        : null;
    if (base === null) return [];
    const found = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((f) => files.includes(f));
    return found ? [found] : [];
  });
}

const graph = new Map(files.map((file) => [file, importsOf(file)]));

function cycles(): string[] {
  const found: string[] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") found.push([...stack.slice(stack.indexOf(next)), next].join(" -> "));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return found;
}

/** Every file of the project as git lists it, but generated SQL and the lockfile. */
function projectFiles(): string[] {
  const listed = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { encoding: "utf8" });
  return listed.split("\n").filter((file) => file && !/\.sql$|package-lock\.json$/.test(file) && fs.existsSync(file));
}

describe("how the code is laid out", () => {
  it("keeps every file under 400 lines (generated SQL aside), so each stays readable", () => {
    const long = projectFiles()
      .map((file) => ({ file, lines: fs.readFileSync(file, "utf8").split("\n").length }))
      .filter(({ lines }) => lines > 400);
    expect(long).toEqual([]);
  });

  it("finds the app's imports (the check below sees what it should)", () => {
    expect(graph.get(path.join(APP, "utils", "db.server.ts"))).toContain(path.join(APP, "utils", "database-url.ts"));
  });

  it("keeps each layer to its own: domain pure, calendar, mail and views reading no models, routes writing no SQL", () => {
    const inside = (file: string, folder: string) => file.startsWith(path.join(APP, folder) + path.sep);
    const models = (imported: string) =>
      inside(imported, "models") || imported === path.join(APP, "utils", "db.server.ts");
    const crossings = files.flatMap((file) =>
      importsOf(file, { runtime: true })
        .filter((imported) =>
          inside(file, "domain")
            ? !inside(imported, "domain")
            : ["calendar", "mail", "views"].some((folder) => inside(file, folder))
              ? models(imported)
              : inside(file, "routes") && imported === path.join(APP, "utils", "db.server.ts"),
        )
        .map((imported) => `${file} -> ${imported}`),
    );
    expect(crossings).toEqual([]);
  });

  it("has no import cycle", () => {
    expect(cycles()).toEqual([]);
  });

  it("keeps React components out of server code: only routes, the shell and components use them", () => {
    const components = path.join(APP, "components");
    const uses = files
      .filter((file) => !file.startsWith(components) && !file.startsWith(path.join(APP, "routes")))
      .filter((file) => !/^app\/(root|entry\.client|entry\.server)\.tsx$/.test(file))
      .flatMap((file) =>
        graph
          .get(file)!
          .filter((imported) => imported.startsWith(components))
          .map((i) => `${file} -> ${i}`),
      );
    expect(uses).toEqual([]);
  });

  it("has no component importing a server module (their types live in app/views)", () => {
    const leaks = files
      .filter((file) => file.startsWith(path.join(APP, "components")))
      .flatMap((file) =>
        graph
          .get(file)!
          .filter((imported) => /\.server\.tsx?$/.test(imported))
          .map((i) => `${file} -> ${i}`),
      );
    expect(leaks).toEqual([]);
  });
});
