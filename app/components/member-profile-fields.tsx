import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ChoiceGroup, Field, listValue, textValue, type FormReply } from "./form";

interface TimeZoneFieldProps {
  name: string;
  label: string;
  zones: string[];
  defaultValue: string;
  error?: string;
  /** Fill in the browser's own zone when the field is empty (not on a form shown again after an error). */
  prefillFromBrowser?: boolean;
  hint?: string;
}

/** A searchable list of IANA zones (a datalist: it works without JavaScript, too). */
export function TimeZoneField({
  name,
  label,
  zones,
  defaultValue,
  error,
  prefillFromBrowser,
  hint,
}: TimeZoneFieldProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (prefillFromBrowser && input.current && !input.current.value) {
      input.current.value = Intl.DateTimeFormat().resolvedOptions().timeZone;
    }
  }, [prefillFromBrowser]);
  const listId = `${name}-zones`;
  return (
    <>
      <Field
        ref={input}
        label={label}
        name={name}
        list={listId}
        defaultValue={defaultValue}
        error={error}
        autoComplete="off"
        spellCheck={false}
        placeholder="Europe/Berlin"
        hint={hint ?? t("forms.timeZoneHint")}
        required
      />
      <datalist id={listId}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}

/** Name, time zone and working hours: what a member says about themselves. */
export function MemberProfileFields({
  reply,
  zones,
  weekdays,
  defaults,
}: {
  reply?: FormReply;
  zones: string[];
  weekdays: { value: number; label: string }[];
  defaults: { name: string; timeZone: string };
}) {
  const { t } = useTranslation();
  const errors = reply?.errors ?? {};
  return (
    <>
      <Field
        label={t("forms.yourName")}
        name="name"
        defaultValue={textValue(reply, "name", defaults.name)}
        error={errors.name}
        autoComplete="name"
        required
      />
      <TimeZoneField
        name="timeZone"
        label={t("forms.yourTimeZone")}
        zones={zones}
        defaultValue={textValue(reply, "timeZone", defaults.timeZone)}
        error={errors.timeZone}
        prefillFromBrowser={!reply}
      />
      <div className="field-row">
        <Field
          label={t("forms.workStart")}
          name="workStart"
          type="time"
          defaultValue={textValue(reply, "workStart", "09:00")}
          error={errors.workStart}
          required
        />
        <Field
          label={t("forms.workEnd")}
          name="workEnd"
          type="time"
          defaultValue={textValue(reply, "workEnd", "18:00")}
          error={errors.workEnd}
          required
        />
      </div>
      <ChoiceGroup
        legend={t("forms.workDays")}
        name="workDays"
        options={weekdays}
        chosen={listValue(reply, "workDays", ["1", "2", "3", "4", "5"])}
        error={errors.workDays}
      />
    </>
  );
}
