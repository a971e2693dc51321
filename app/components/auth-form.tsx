import { Form, Link, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { MIN_PASSWORD_LENGTH } from "~/domain/password-rules";
import { Field, FormError, SubmitButton, textValue, type FormReply } from "./form";

interface AuthFormProps {
  title: string;
  reply?: FormReply;
  /** Fields before the email (the name, on sign-up). */
  children?: ReactNode;
  passwordAutoComplete: "current-password" | "new-password";
  passwordHint?: string;
  submitLabel: string;
  /** The other way in ("No account yet? Sign up"), keeping where the person was going. */
  alternative: { question: string; label: string; path: string };
  /** A link under the form ("Forgot your password?"). */
  help?: { label: string; path: string };
}

/** Sign-in and sign-up: email and password, the page to return to, and a link to the other form. */
export function AuthForm({
  title,
  reply,
  children,
  passwordAutoComplete,
  passwordHint,
  submitLabel,
  alternative,
  help,
}: AuthFormProps) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const errors = reply?.errors ?? {};
  return (
    <section className="panel narrow" aria-labelledby="auth-title">
      <h1 id="auth-title">{title}</h1>
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        {children}
        <EmailField reply={reply} />
        <Field
          label={t("auth.password")}
          name="password"
          type="password"
          autoComplete={passwordAutoComplete}
          hint={passwordHint}
          error={errors.password}
          required
        />
        <FormError reply={reply} />
        <SubmitButton>{submitLabel}</SubmitButton>
      </Form>
      {help ? (
        <p>
          <a href={help.path}>{help.label}</a>
        </p>
      ) : null}
      <p className="muted">
        {alternative.question}{" "}
        <Link to={`${alternative.path}${redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ""}`}>
          {alternative.label}
        </Link>
      </p>
    </section>
  );
}

/** The email an account goes by, as typed last time. */
export function EmailField({ reply }: { reply?: FormReply }) {
  const { t } = useTranslation();
  return (
    <Field
      label={t("auth.email")}
      name="email"
      type="email"
      autoComplete="email"
      defaultValue={textValue(reply, "email")}
      error={reply?.errors.email}
      required
    />
  );
}

/** A new password, with the rule it must meet; never filled in again. */
export function NewPasswordField({ reply }: { reply?: FormReply }) {
  const { t } = useTranslation();
  return (
    <Field
      label={t("account.newPassword")}
      name="newPassword"
      type="password"
      autoComplete="new-password"
      hint={t("auth.passwordHint", { count: MIN_PASSWORD_LENGTH })}
      error={reply?.errors.newPassword}
      required
    />
  );
}
