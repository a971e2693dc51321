import { describe, expect, it } from "vitest";
import { LINKS_PER_EMAIL, PER_ADDRESS, PER_PAIR, SIGN_UPS_PER_ADDRESS } from "~/domain/sign-in-throttle";
import { action as accountAction } from "~/routes/account";
import { action as signInAction } from "~/routes/sign-in";
import { action as signUpAction } from "~/routes/sign-up";
import {
  postForm as post,
  sessionCookie,
  signedUpUser,
  TEST_PASSWORD,
  type FormAction as Action,
} from "./support/accounts";

describe("throttles that cannot be turned against a user", () => {
  it("lets a browser that signed in before in, whatever others at its address got wrong", async () => {
    const office = "198.51.100.77";
    const user = await signedUpUser("regular@office.example");
    const first = await post(signInAction, { email: user.email, password: TEST_PASSWORD }, { address: office });
    expect(first.status).toBe(302);
    const device = first.cookies.find((cookie) => cookie.startsWith("__device="))!;
    expect(device).toBeDefined();

    // Colleagues (or someone behind the same proxy) guess wrong until the address has to wait.
    for (let i = 0; i <= PER_ADDRESS.freeAttempts; i++) {
      await post(signInAction, { email: `guess-${i}@office.example`, password: "wrong password" }, { address: office });
    }
    const stranger = await post(signInAction, { email: user.email, password: TEST_PASSWORD }, { address: office });
    expect(stranger.status).toBe(429);
    const known = await post(
      signInAction,
      { email: user.email, password: TEST_PASSWORD },
      { address: office, cookie: device },
    );
    expect(known.status).toBe(302);
    // The device cookie is for that account only: someone else's password from that browser pays as before.
    const other = await signedUpUser("other@office.example");
    const borrowed = await post(
      signInAction,
      { email: other.email, password: TEST_PASSWORD },
      { address: office, cookie: device },
    );
    expect(borrowed.status).toBe(429);
  });

  it("slows down sign-ups from one address, each of which mails someone", async () => {
    const address = "203.0.113.200";
    const statuses = [];
    for (let i = 0; i <= SIGN_UPS_PER_ADDRESS.freeAttempts; i++) {
      const reply = await post(
        signUpAction,
        { name: "Probe", email: `probe-${i}@sign-up.example`, password: TEST_PASSWORD },
        { address },
      );
      statuses.push(reply.status);
    }
    expect(statuses.slice(0, SIGN_UPS_PER_ADDRESS.freeAttempts).every((status) => status === 302)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Another address is not held up.
    const elsewhere = await post(
      signUpAction,
      { name: "Elsewhere", email: "elsewhere@sign-up.example", password: TEST_PASSWORD },
      { address: "192.0.2.201" },
    );
    expect(elsewhere.status).toBe(302);
  });

  it("mails one address a few links an hour, from wherever they are asked for", async () => {
    const email = "flooded@sign-up.example";
    const statuses = [];
    for (let i = 0; i <= LINKS_PER_EMAIL.freeAttempts; i++) {
      const reply = await post(
        signUpAction,
        { name: "Flood", email, password: TEST_PASSWORD },
        { address: `192.0.2.${10 + i}` },
      );
      statuses.push(reply.status);
    }
    expect(statuses).toEqual([...Array(LINKS_PER_EMAIL.freeAttempts).fill(302), 429]);
  });

  it("stops guessing the current password on the account page after a few tries", async () => {
    const user = await signedUpUser("unattended@account.example");
    const cookie = await sessionCookie(user.id);
    const change = (currentPassword: string) =>
      post(accountAction as Action, { currentPassword, newPassword: "a brand new passphrase" }, { cookie });
    for (let i = 0; i < PER_PAIR.freeAttempts; i++) {
      expect((await change(`guess ${i}`)).errors).toEqual({ currentPassword: "validation.currentPasswordWrong" });
    }
    // Now even the right one waits: the guesser cannot tell it was right.
    expect((await change(TEST_PASSWORD)).errors).toEqual({ currentPassword: "validation.tooManyPasswordChecks" });
  });
});
