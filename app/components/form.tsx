import { Form, useNavigation } from "@remix-run/react";
import type { ParseKeys } from "i18next";
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
  const { t, i18n } = useTranslation();
  if (!error) return null;
  // Errors travel from the server as catalog keys; one the catalogs lack reads as the general message.
  const isKey = (key: string): key is ParseKeys => i18n.exists(key, details);
  return (
    <p className="field-error" id={id} role="alert">
      {t(isKey(error) ? error : "validation.invalid", details)}
    </p>
  );
}

interface ShellProps {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
  id?: string;
}

/** Label, hint and error around one control, wired up for screen readers. */
function FieldShell({
  label,
  name,
  error,
  hint,
  id = `field-${name}`,
  children,
}: ShellProps & {
  children: (control: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

type FieldProps = ShellProps & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "id">;

/** A labelled input with its error beside it. */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field(
  { label, name, error, hint, id, ...input },
  ref,
) {
  return (
    <FieldShell label={label} name={name} error={error} hint={hint} id={id}>
      {(control) => <input ref={ref} name={name} {...control} {...input} />}
    </FieldShell>
  );
});

type SelectFieldProps = ShellProps &
  Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "name" | "id"> & {
    options: { value: string; label: string }[];
  };

export function SelectField({ label, name, error, hint, id, options, ...select }: SelectFieldProps) {
  return (
    <FieldShell label={label} name={name} error={error} hint={hint} id={id}>
      {(control) => (
        <select name={name} {...control} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

type TextAreaFieldProps = ShellProps & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">;

export function TextAreaField({ label, name, error, hint, id, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldShell label={label} name={name} error={error} hint={hint} id={id}>
      {(control) => <textarea name={name} {...control} {...textarea} />}
    </FieldShell>
  );
}

/** Checkboxes (several answers) or radio buttons (one) under one legend, with the group's error. */
export function ChoiceGroup({
  legend,
  name,
  type = "checkbox",
  options,
  chosen,
  error,
  hint,
  className = "checkbox-row",
}: {
  legend: string;
  name: string;
  type?: "checkbox" | "radio";
  options: { value: string | number; label: ReactNode }[];
  chosen: readonly string[];
  error?: string;
  hint?: ReactNode;
  className?: string;
}) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset className="field" aria-describedby={describedBy || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className={className}>
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input
              type={type}
              name={name}
              value={option.value}
              defaultChecked={chosen.includes(String(option.value))}
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldError id={`${name}-error`} error={error} />
    </fieldset>
  );
}

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

/**
 * A one-button form that removes one listed thing: the button says what it
 * removes to screen readers ("Remove: Tue, Dec 8"), the form sends its id.
 */
export function RemoveButton({
  intent,
  idName,
  id,
  label,
  what,
}: {
  intent: string;
  idName: string;
  id: string;
  label: string;
  what: string;
}) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={idName} value={id} />
      <SubmitButton className="button secondary">
        {label}
        <span className="visually-hidden">: {what}</span>
      </SubmitButton>
    </Form>
  );
}

export function textValue(reply: FormReply | undefined, name: string, fallback = ""): string {
  const value = reply?.values[name];
  return typeof value === "string" ? value : fallback;
}

/** Every value of a checkbox group as submitted, or the fallback before the form was sent. */
export function listValue(reply: FormReply | undefined, name: string, fallback: readonly string[]): readonly string[] {
  if (!reply) return fallback;
  const value = reply.values[name];
  return Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
}
