import { useNavigation } from "@remix-run/react";
import { forwardRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "~/domain/validation";

/** What an action sends back with a 400: the problems, and what was typed (never passwords). */
export interface FormReply {
  errors: FieldErrors;
  values: Record<string, string | string[]>;
  /** Numbers and names the form-wide message mentions. */
  details?: Record<string, string | number>;
}

export function FieldError({
  id,
  error,
  details,
}: {
  id: string;
  error?: string;
  details?: Record<string, string | number>;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {t(error as "validation.invalid", details)}
    </p>
  );
}

interface FieldProps extends Omit<React.InputHTMLAttributes<HTMLInputElement>, "name"> {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
}

/** A labelled input with its error beside it, wired up for screen readers. */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field(
  { label, name, error, hint, id = `field-${name}`, ...input },
  ref,
) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        ref={ref}
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
});

/** A form-wide problem (not tied to one field), shown above the submit button. */
export function FormError({ reply }: { reply?: FormReply }) {
  return <FieldError id="form-error" error={reply?.errors.form} details={reply?.details} />;
}

export function SubmitButton({ children, className = "button" }: { children: ReactNode; className?: string }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <button type="submit" className={className} disabled={busy} aria-busy={busy}>
      {children}
    </button>
  );
}

export function textValue(reply: FormReply | undefined, name: string, fallback = ""): string {
  const value = reply?.values[name];
  return typeof value === "string" ? value : fallback;
}
