import { useTranslation } from "react-i18next";
import type { WarningView } from "~/views/ritual-editor";
import { FieldError } from "./form";

/** What the user must confirm before saving: each warning with its own checkbox. */
export function Warnings({
  warnings,
  error,
  confirmed,
}: {
  warnings: WarningView[];
  error?: string;
  confirmed: readonly string[];
}) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <fieldset
      className="form-block warnings"
      aria-describedby={error ? "confirm-error" : undefined}
      data-testid="warnings"
    >
      <legend>{t("editor.warningsTitle")}</legend>
      {warnings.map((warning) => (
        <div key={warning.key} className="warning">
          <p>{warning.message}</p>
          {warning.items.length > 0 ? (
            <ul>
              {warning.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : null}
          <label className="checkbox">
            <input
              type="checkbox"
              name="confirm"
              value={warning.key}
              defaultChecked={confirmed.includes(warning.key)}
            />
            {warning.confirm}
          </label>
        </div>
      ))}
      <FieldError id="confirm-error" error={error} />
    </fieldset>
  );
}
