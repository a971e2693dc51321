import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** Copies a value to the clipboard; shown only once scripts run (without them, the field can be copied by hand). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button
      type="button"
      className="button secondary"
      onClick={() => {
        void navigator.clipboard.writeText(value).then(() => setCopied(true));
      }}
    >
      {label}
      <span aria-live="polite">{copied ? ` ✓ ${t("forms.copied")}` : ""}</span>
    </button>
  );
}

/** A link to hand on: shown read-only to select by hand, with buttons that copy it. */
export function CopyField({
  id,
  label,
  value,
  children,
}: {
  id: string;
  label: string;
  value: string;
  children: ReactNode;
}) {
  return (
    <>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} readOnly value={value} className="copy-field" />
      </div>
      <p className="actions">{children}</p>
    </>
  );
}
