import { Form, Link, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
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
        <Field
          label={t("auth.email")}
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={textValue(reply, "email")}
          error={errors.email}
          required
        />
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
      <p className="muted">
        {alternative.question}{" "}
        <Link to={`${alternative.path}${redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ""}`}>
          {alternative.label}
        </Link>
      </p>
    </section>
  );
}
