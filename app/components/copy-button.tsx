import { useEffect, useState } from "react";
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
