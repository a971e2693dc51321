import { describe, expect, it } from "vitest";
import { HOUR } from "~/domain/durations";
import { sessionUser } from "~/models/session.server";
import { verifyLogin } from "~/models/user.server";
import { action as forgotPasswordAction } from "~/routes/forgot-password";
import { action as resetPasswordAction, loader as resetPasswordLoader } from "~/routes/reset-password.$token";
import { action as signUpAction } from "~/routes/sign-up";
import { action as welcomeAction, loader as welcomeLoader } from "~/routes/welcome.$token";
import { signUpLinkFor } from "~/services/accounts.server";
import { prisma } from "~/utils/db.server";
import { postForm, sessionCookie, signedUpUser, TEST_PASSWORD, type FormAction } from "./support/accounts";
import { smtpForThisFile } from "./support/smtp";

const smtp = smtpForThisFile();

/** The one mail the address got, sent through the loopback SMTP server. */
async function mailTo(address: string) {
  await smtp.send(Date.now());
  const mails = smtp.sentTo(address);
  expect(mails).toHaveLength(1);
  return { subject: mails[0]!.subject ?? "", text: mails[0]!.text ?? "" };
}

const tokenIn = (text: string, path: string) => text.match(new RegExp(`${path}/([A-Za-z0-9_-]{43})`))?.[1];

/** A GET of a page behind a mailed link: its status (a thrown 404 included). */
async function openLink(loader: (args: never) => Promise<unknown>, token: string) {
  const args = { request: new Request(`http://localhost/x/${token}`), params: { token }, context: {} } as never;
  try {
    await loader(args);
    return 200;
  } catch (error) {
    return (error as { init?: { status?: number }; status?: number }).init?.status ?? 500;
  }
}

describe("signing up by mail", () => {
  it("answers the same whether or not the address has an account, and mails its owner either way", async () => {
    const owner = await signedUpUser("taken@links.example");
    const fresh = await postForm(signUpAction, { name: "Mina", email: "fresh@links.example", password: TEST_PASSWORD });
    const taken = await postForm(signUpAction, { name: "Imposter", email: owner.email, password: TEST_PASSWORD });
    expect([fresh.status, fresh.location, fresh.cookies]).toEqual([302, "/check-mail", []]);
    expect([taken.status, taken.location, taken.cookies]).toEqual([fresh.status, fresh.location, fresh.cookies]);

    const toFresh = await mailTo("fresh@links.example");
    expect(toFresh.subject).toBe("Finish signing up for Rituals");
    expect(tokenIn(toFresh.text, "/welcome")).toBeDefined();
    const toOwner = await mailTo(owner.email);
    expect(toOwner.subject).toBe("Signing up for Rituals with your address");
    expect(toOwner.text).toContain("/forgot-password");
    expect(toOwner.text).not.toContain("/welcome/");
    // Nothing was made for the address that has an account, and its password is as it was.
    expect(await prisma.accountLink.count({ where: { email: owner.email } })).toBe(0);
    expect(await verifyLogin(owner.email, TEST_PASSWORD)).not.toBeNull();
  });

  it("makes the account when the link's button is pressed, once, and leads where the person was going", async () => {
    const email = "joiner@links.example";
    await postForm(signUpAction, { name: "Joiner", email, password: TEST_PASSWORD, redirectTo: "/invite/abc" });
    const token = tokenIn((await mailTo(email)).text, "/welcome")!;
    // The database keeps only the token's hash, and the sent mail no longer holds the link.
    expect(await prisma.accountLink.count({ where: { tokenHash: token } })).toBe(0);
    expect((await prisma.mail.findFirst({ where: { toAddress: email } }))!.text).not.toContain(token);

    // Opening the link (as a mail scanner would) makes nothing.
    expect(await openLink(welcomeLoader as never, token)).toBe(200);
    expect(await prisma.user.count({ where: { email } })).toBe(0);

    const finished = await postForm(welcomeAction as FormAction, {}, { params: { token } });
    expect(finished.status).toBe(302);
    expect(finished.location).toBe("/invite/abc");
    expect(finished.cookies.some((cookie) => cookie.startsWith("__session="))).toBe(true);
    expect(await verifyLogin(email, TEST_PASSWORD)).toMatchObject({ name: "Joiner", email });

    const again = await postForm(welcomeAction as FormAction, {}, { params: { token } });
    expect(again.status).toBe(404);
    expect(await openLink(welcomeLoader as never, token)).toBe(404);
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });

  it("stops working after an hour", async () => {
    const email = "late@links.example";
    await postForm(signUpAction, { name: "Late", email, password: TEST_PASSWORD });
    const token = tokenIn((await mailTo(email)).text, "/welcome")!;
    expect(await signUpLinkFor(token, Date.now() + HOUR - 60_000)).toEqual({ name: "Late", email });
    expect(await signUpLinkFor(token, Date.now() + HOUR + 1)).toBeNull();
  });
});

describe("resetting a forgotten password", () => {
  it("answers the same for any address, mails only an account's owner, and ends every other session", async () => {
    const user = await signedUpUser("forgetful@links.example");
    const oldCookie = await sessionCookie(user.id);
    const oldToken = decodeURIComponent(oldCookie.split("=")[1]!);
    const known = await postForm(forgotPasswordAction, { email: "Forgetful@links.example" });
    const unknown = await postForm(forgotPasswordAction, { email: "nobody@links.example" });
    expect([known.status, known.location]).toEqual([302, "/check-mail?for=reset"]);
    expect([unknown.status, unknown.location]).toEqual([known.status, known.location]);
    await smtp.send(Date.now());
    expect(smtp.sentTo("nobody@links.example")).toHaveLength(0);
    const mail = smtp.sentTo(user.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe("Choose a new Rituals password");
    const token = tokenIn(mail[0]!.text ?? "", "/reset-password")!;

    expect(await openLink(resetPasswordLoader as never, token)).toBe(200);
    const short = await postForm(resetPasswordAction as FormAction, { newPassword: "short" }, { params: { token } });
    expect(short.errors.newPassword).toBe("validation.passwordTooShort");
    // A mistyped new password leaves the link working.
    expect(await openLink(resetPasswordLoader as never, token)).toBe(200);

    const reset = await postForm(
      resetPasswordAction as FormAction,
      { newPassword: "a fresh long passphrase" },
      { params: { token } },
    );
    expect(reset.status).toBe(302);
    expect(reset.location).toBe("/account?changed=1");
    expect(await verifyLogin(user.email, "a fresh long passphrase")).not.toBeNull();
    expect(await verifyLogin(user.email, TEST_PASSWORD)).toBeNull();
    expect(await sessionUser(oldToken)).toBeNull();
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);

    const again = await postForm(
      resetPasswordAction as FormAction,
      { newPassword: "someone else's passphrase" },
      { params: { token } },
    );
    expect(again.status).toBe(404);
    expect(await verifyLogin(user.email, "a fresh long passphrase")).not.toBeNull();
  });
});
