import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ChoiceGroup, Field, listValue, textValue, type FormReply } from "./form";
import { ZoneDatalist } from "./zone-datalist";
import type { ZoneOptions } from "~/views/zone-options";

interface TimeZoneFieldProps {
  name: string;
  label: string;
  zones: ZoneOptions;
  defaultValue: string;
  error?: string;
  /** Fill in the browser's own zone when the field is empty (not on a form shown again after an error). */
  prefillFromBrowser?: boolean;
  hint?: string;
  /** May be left empty (a contact who shares the customer's zone). */
  optional?: boolean;
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
  optional = false,
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
        required={!optional}
      />
      <ZoneDatalist id={listId} zones={zones} />
    </>
  );
}

/** Whose public holidays count as days off: a country code, or country-subdivision, from a searchable list. */
export function HolidayRegionField({
  reply,
  regions,
  defaultValue,
}: {
  reply?: FormReply;
  regions: { code: string; name: string }[];
  defaultValue: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        label={t("forms.holidayRegion")}
        name="holidayRegion"
        list="holiday-regions"
        defaultValue={textValue(reply, "holidayRegion", defaultValue)}
        error={reply?.errors?.holidayRegion}
        hint={t("forms.holidayRegionHint")}
        autoComplete="off"
        spellCheck={false}
      />
      <datalist id="holiday-regions">
        {regions.map((region) => (
          <option key={region.code} value={region.code} label={region.name} />
        ))}
      </datalist>
    </>
  );
}

export interface PersonDefaults {
  name: string;
  timeZone: string;
  email?: string;
  workStart?: string;
  workEnd?: string;
  workDays?: string[];
  holidayRegion?: string;
}

/**
 * Name, time zone and working hours: what someone says about themselves when
 * they join, or what a teammate fills in for a member or a customer's contact.
 */
export function PersonFields({
  reply,
  zones,
  weekdays,
  defaults,
  about = "self",
  email,
  zoneHint,
  regions,
}: {
  reply?: FormReply;
  zones: ZoneOptions;
  weekdays: { value: number; label: string }[];
  defaults: PersonDefaults;
  about?: "self" | "other";
  /** Ask for an email address (read-only when it is the one someone signs in with). */
  email?: "editable" | "locked";
  /** Set when the zone may be left empty, saying what empty means. */
  zoneHint?: string;
  /** The countries whose public holidays can be chosen; the field shows when given. */
  regions?: { code: string; name: string }[];
}) {
  const { t } = useTranslation();
  const errors = reply?.errors ?? {};
  const self = about === "self";
  return (
    <>
      <Field
        label={self ? t("forms.yourName") : t("forms.name")}
        name="name"
        defaultValue={textValue(reply, "name", defaults.name)}
        error={errors.name}
        autoComplete={self ? "name" : "off"}
        required
      />
      {email ? (
        <Field
          label={t("auth.email")}
          name="email"
          type="email"
          defaultValue={textValue(reply, "email", defaults.email ?? "")}
          error={errors.email}
          readOnly={email === "locked"}
          hint={email === "locked" ? t("forms.emailLocked") : undefined}
          autoComplete="off"
          required
        />
      ) : null}
      <TimeZoneField
        name="timeZone"
        label={self ? t("forms.yourTimeZone") : t("forms.timeZone")}
        zones={zones}
        defaultValue={textValue(reply, "timeZone", defaults.timeZone)}
        error={errors.timeZone}
        prefillFromBrowser={self && !reply}
        hint={zoneHint}
        optional={zoneHint !== undefined}
      />
      <div className="field-row">
        <Field
          label={t("forms.workStart")}
          name="workStart"
          type="time"
          defaultValue={textValue(reply, "workStart", defaults.workStart ?? "09:00")}
          error={errors.workStart}
          required
        />
        <Field
          label={t("forms.workEnd")}
          name="workEnd"
          type="time"
          defaultValue={textValue(reply, "workEnd", defaults.workEnd ?? "18:00")}
          error={errors.workEnd}
          required
        />
      </div>
      <ChoiceGroup
        legend={t("forms.workDays")}
        name="workDays"
        options={weekdays}
        chosen={listValue(reply, "workDays", defaults.workDays ?? ["1", "2", "3", "4", "5"])}
        error={errors.workDays}
      />
      {regions ? (
        <HolidayRegionField reply={reply} regions={regions} defaultValue={defaults.holidayRegion ?? ""} />
      ) : null}
    </>
  );
}
