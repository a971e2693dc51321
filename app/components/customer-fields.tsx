import { useTranslation } from "react-i18next";
import { Field, SelectField, TextAreaField, textValue, type FormReply } from "./form";
import { HolidayRegionField, TimeZoneField } from "./person-fields";
import type { ZoneOptions } from "~/views/zone-options";

export interface CustomerDefaults {
  name: string;
  timeZone: string;
  language: string;
  etiquetteNote: string;
  holidayRegion?: string | null;
}

/** A customer: who they are, where, the language of their shared pages and how to meet them. */
export function CustomerFields({
  reply,
  zones,
  regions,
  defaults,
}: {
  reply?: FormReply;
  zones: ZoneOptions;
  /** The countries whose public holidays are days off for the customer's contacts. */
  regions: { code: string; name: string }[];
  defaults: CustomerDefaults;
}) {
  const { t } = useTranslation();
  const errors = reply?.errors ?? {};
  return (
    <>
      <Field
        label={t("customers.name")}
        name="name"
        defaultValue={textValue(reply, "name", defaults.name)}
        error={errors.name}
        autoComplete="organization"
        required
      />
      <TimeZoneField
        name="timeZone"
        label={t("customers.timeZone")}
        zones={zones}
        defaultValue={textValue(reply, "timeZone", defaults.timeZone)}
        error={errors.timeZone}
      />
      <HolidayRegionField reply={reply} regions={regions} defaultValue={defaults.holidayRegion ?? ""} />
      <SelectField
        label={t("customers.language")}
        name="language"
        defaultValue={textValue(reply, "language", defaults.language)}
        error={errors.language}
        hint={t("customers.languageHint")}
        options={[
          { value: "en", label: "English" },
          { value: "ko", label: "한국어" },
        ]}
      />
      <TextAreaField
        label={t("customers.etiquette")}
        name="etiquetteNote"
        rows={3}
        defaultValue={textValue(reply, "etiquetteNote", defaults.etiquetteNote)}
        error={errors.etiquetteNote}
        hint={t("customers.etiquetteHint")}
      />
    </>
  );
}
