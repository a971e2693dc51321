import { execFileSync, spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_MEMBER_EMAIL } from "../../prisma/demo-accounts";
import { serveBuiltApp, type ServedApp } from "../setup/app-server";
import { freePort } from "../setup/free-port";
import { postgresBinaries, startMigratedCluster, type PostgresCluster } from "../setup/postgres-cluster";
import { chromiumForThisFile, openNextTeaTime, openPage, SCREENSHOTS, signIn } from "./browser";
import { E2E_SESSION_SECRET } from "./vitest.config";

const browser = chromiumForThisFile();

// CI installs PostgreSQL; a developer's machine without it skips this file (npm run test:postgres says so too).
describe.skipIf(!postgresBinaries() && !process.env.CI)("two app instances on one PostgreSQL", () => {
  let cluster: PostgresCluster;
  const instances: ServedApp[] = [];
  const origin = (index: 0 | 1) => instances[index]!.origin;

  beforeAll(async () => {
    cluster = await startMigratedCluster("rituals");
    // As behind a load balancer: one database, one secret, two processes that share nothing else.
    const env = { DATABASE_URL: cluster.url("rituals"), SESSION_SECRET: E2E_SESSION_SECRET };
    execFileSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], {
      env: { ...process.env, ...env },
      stdio: "pipe",
    });
    instances.push(...(await Promise.all([serveBuiltApp(env), serveBuiltApp(env)])));
  }, 120_000);

  afterAll(() => {
    for (const instance of instances) instance.stop();
    cluster?.stop();
  });

  it("reads through one instance what was saved through the other, and turns two stale saves into the conflict view", async () => {
    const lena = await openPage(browser(), { locale: "en-US" });
    const jiwoo = await openPage(browser(), { locale: "en-US", javaScriptEnabled: false });
    await signIn(lena.page, origin(0));
    await signIn(jiwoo.page, origin(1), DEMO_MEMBER_EMAIL);
    const path = await openNextTeaTime(lena.page);

    // Saved through the first, read through the second (the session, made by the first, works there too).
    await lena.page.getByLabel("Notes", { exact: true }).fill("Saved through the first instance.");
    await lena.page.getByRole("button", { name: "Save notes" }).click();
    await expect
      .poll(() => lena.page.locator(".rendered-note").allInnerTexts())
      .toContain("Saved through the first instance.");
    await lena.page.goto(`${origin(1)}${path}`);
    expect(await lena.page.locator(".rendered-note").allInnerTexts()).toContain("Saved through the first instance.");

    // Both read the same version, then save through different instances: the second sees both texts.
    await jiwoo.page.goto(`${origin(1)}${path}`);
    await lena.page.goto(`${origin(0)}${path}`);
    await lena.page.getByLabel("Decisions", { exact: true }).fill("Lena, through the first: Fridays");
    await lena.page.getByRole("button", { name: "Save notes" }).click();
    await expect
      .poll(() => lena.page.locator(".rendered-note").allInnerTexts())
      .toContain("Lena, through the first: Fridays");
    await jiwoo.page.getByLabel("Decisions", { exact: true }).fill("Ji-woo, through the second: Mondays");
    await jiwoo.page.getByRole("button", { name: "Save notes" }).click();
    await expect.poll(() => jiwoo.page.locator(".conflict").count()).toBe(1);
    expect(await jiwoo.page.getByTestId("theirs-decisions").inputValue()).toBe("Lena, through the first: Fridays");
    expect(await jiwoo.page.getByLabel("Decisions: your version").inputValue()).toBe(
      "Ji-woo, through the second: Mondays",
    );
    await jiwoo.page.screenshot({ path: `${SCREENSHOTS}/postgres-two-instances-conflict.png`, fullPage: true });

    // Nothing was lost: the first save stands on both instances.
    for (const index of [0, 1] as const) {
      await lena.page.goto(`${origin(index)}${path}`);
      expect(await lena.page.locator(".rendered-note").allInnerTexts()).toContain("Lena, through the first: Fridays");
    }
    // The conflict page answers 409, which the browser reports; nothing else may go wrong.
    expect([...lena.problems, ...jiwoo.problems].filter((problem) => !problem.includes("status of 409"))).toEqual([]);
    await lena.page.context().close();
    await jiwoo.page.context().close();
  });

  it("answers a feed with the same ETag on both instances, before and after a change made through one of them", async () => {
    const { page, problems } = await openPage(browser(), { locale: "en-US" });
    await signIn(page, origin(0));
    await page.getByRole("link", { name: "Calendar" }).click();
    await page.getByRole("button", { name: /Create my subscription address|Make a new address/ }).click();
    const feedPath = new URL(await page.getByLabel(/Subscription address/).inputValue()).pathname;
    const poll = async (index: 0 | 1, headers: Record<string, string> = {}) => {
      const response = await fetch(`${origin(index)}${feedPath}`, { headers });
      await response.arrayBuffer();
      return { status: response.status, etag: response.headers.get("etag") };
    };

    const [first, second] = [await poll(0), await poll(1)];
    expect(first).toEqual({ status: 200, etag: expect.stringMatching(/^W\/".+"$/) });
    expect(second.etag).toBe(first.etag);
    // A calendar app that polled one instance gets a 304 from the other.
    expect(await poll(1, { "If-None-Match": first.etag! })).toEqual({ status: 304, etag: first.etag });

    // The second instance cancels a meeting: the next full poll of either instance has it at once (the
    // database raised the feed's version); an app asking with the old tag is told within 5 seconds.
    await page.goto(origin(1));
    await openNextTeaTime(page);
    await page.getByRole("button", { name: "Cancel this meeting" }).click();
    await expect.poll(() => page.locator(".page-heading").innerText()).toContain("Cancelled");
    const [after0, after1] = [await poll(0), await poll(1)];
    expect(after0.etag).not.toBe(first.etag);
    expect(after1.etag).toBe(after0.etag);
    const toldOfChange = async () =>
      (await poll(0, { "If-None-Match": first.etag! })).status === 200 &&
      (await poll(1, { "If-None-Match": first.etag! })).status === 200;
    await expect.poll(toldOfChange, { timeout: 6_000, interval: 500 }).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("refuses to start on PostgreSQL without a shared SESSION_SECRET, saying why", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATABASE_URL: cluster.url("rituals") };
    delete env.SESSION_SECRET;
    const started = spawnSync(process.execPath, ["server.js"], {
      env: { ...env, PORT: String(await freePort()) },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(started.status).not.toBe(0);
    expect(started.stderr).toContain("SESSION_SECRET must be set on PostgreSQL");
  });
});
