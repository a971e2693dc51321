import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { getMembership } from "~/models/team.server";
import { verifyLogin } from "~/models/user.server";
import { DEMO_MEMBER_EMAIL, DEMO_OWNER_EMAIL, DEMO_PASSWORD } from "./demo-accounts";
import { DEMO_TEAM_ID, seedDemo } from "./seed";

/** The demo sign-in rows of the README's "Start it" section: role, name, email, password. */
function readmeDemoAccounts() {
  const readme = fs.readFileSync("README.md", "utf8");
  const section = /^## Start it\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? "";
  return [...section.matchAll(/^\| (owner|member) \(([^,)]+)[^|]*\| `([^`]+)` *\| `([^`]+)` *\|$/gm)].map(
    ([, role, name, email, password]) => ({ role: role!, name: name!, email: email!, password: password! }),
  );
}

describe("the README's demo sign-in", () => {
  beforeAll(() => seedDemo());

  it("gives the accounts and password of prisma/demo-accounts.ts", () => {
    expect(readmeDemoAccounts()).toEqual([
      { role: "owner", name: expect.any(String), email: DEMO_OWNER_EMAIL, password: DEMO_PASSWORD },
      { role: "member", name: expect.any(String), email: DEMO_MEMBER_EMAIL, password: DEMO_PASSWORD },
    ]);
  });

  it("signs in as the person and role it names, on the demo team", async () => {
    const accounts = readmeDemoAccounts();
    expect(accounts).toHaveLength(2);
    for (const account of accounts) {
      const user = await verifyLogin(account.email, account.password);
      expect(user?.name).toBe(account.name);
      expect((await getMembership(user!.id, DEMO_TEAM_ID))?.member.role).toBe(account.role);
    }
  });
});
