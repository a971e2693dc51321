import { Form, Link, useFetcher, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { list, text, type FormFields } from "~/domain/ritual-form";
import { RITUAL_DEFAULTS, RITUAL_KINDS, type RitualKind } from "~/domain/ritual-kinds";
import type { FieldErrors } from "~/domain/validation";
import type { EditorOptions, RitualPlan, WarningView } from "~/views/ritual-editor";
import { ChoiceGroup, Field, FieldError, SelectField, SubmitButton, TextAreaField } from "./form";
import { TimeZoneField } from "./person-fields";
import { PlanPanel } from "./plan-panel";
import { MONTH_WEEKS } from "~/i18n/format";
import { Warnings } from "./ritual-warnings";

/** Milliseconds to wait after the last keystroke before asking for a new preview. */
const PREVIEW_DELAY = 300;

/** Fills in a kind's defaults when the kind changes (with JavaScript; without it the server does on "preview"). */
function applyKindDefaults(form: HTMLFormElement, kind: RitualKind, titles: Record<RitualKind, string>) {
  const defaults = RITUAL_DEFAULTS[kind];
  const set = (name: string, value: string) => {
    const element = form.elements.namedItem(name) as HTMLInputElement | RadioNodeList | null;
    if (element) element.value = value;
  };
  set("durationMinutes", String(defaults.durationMinutes));
  set("goEarlyMinutes", String(defaults.goEarlyMinutes));
  set("stayLateMinutes", String(defaults.stayLateMinutes));
  set("interval", String(defaults.interval));
  set("frequency", defaults.frequency);
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name="weekdays"]')) {
    box.checked = defaults.weekdays.includes(Number(box.value));
  }
  const title = form.elements.namedItem("title") as HTMLInputElement | null;
  if (title && (title.value.trim() === "" || Object.values(titles).includes(title.value))) title.value = titles[kind];
}

function searchOf(form: HTMLFormElement, extra: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === "string") params.append(name, value);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return params.toString();
}

interface EditorProps {
  teamId: string;
  ritualId?: string;
  /** What the loader gave: the fields to start from, their plan and the pickers' options. */
  page: { fields: FormFields; errors: FieldErrors; plan: RitualPlan; options: EditorOptions; creationToken: string };
  /** What a refused save sent back: the fields as typed, their errors, and any warnings still to confirm. */
  reply?: { values: FormFields; errors: FieldErrors; warnings?: WarningView[] };
  submitLabel: string;
}

/**
 * The ritual editor. It starts afresh whenever its address changes (a picked
 * suggestion, or a preview asked for without JavaScript), since those carry new fields.
 */
export function RitualEditor(props: EditorProps) {
  const location = useLocation();
  return <EditorForm key={location.search} {...props} />;
}

function EditorForm({ teamId, ritualId, page, reply, submitLabel }: EditorProps) {
  const fields = reply?.values ?? page.fields;
  const errors = reply?.errors ?? page.errors;
  const { plan, options } = page;
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const preview = useFetcher<RitualPlan>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  // Sections that do not apply are hidden only once scripts run; without them every section stays usable.
  const [hydrated, setHydrated] = useState(false);
  const [frequency, setFrequency] = useState(text(fields, "frequency"));
  const [monthlyBy, setMonthlyBy] = useState(text(fields, "monthlyBy") || "day");
  const [ends, setEnds] = useState(text(fields, "ends") || "never");
  const [customerId, setCustomerId] = useState(text(fields, "customerId"));
  useEffect(() => setHydrated(true), []);
  useEffect(() => () => clearTimeout(timer.current), []);

  function onChange(event: FormEvent<HTMLFormElement>) {
    const target = event.target as HTMLInputElement;
    if (target.name === "kind") applyKindDefaults(event.currentTarget, target.value as RitualKind, options.kindTitles);
    if (target.name === "frequency" || target.name === "kind") {
      setFrequency((event.currentTarget.elements.namedItem("frequency") as RadioNodeList).value);
    }
    if (target.name === "monthlyBy") setMonthlyBy(target.value);
    if (target.name === "ends") setEnds(target.value);
    if (target.name === "customerId") setCustomerId(target.value);
    clearTimeout(timer.current);
    const current = event.currentTarget;
    timer.current = setTimeout(() => {
      preview.load(`/teams/${teamId}/rituals/preview?${searchOf(current, ritualId ? { ritualId } : {})}`);
    }, PREVIEW_DELAY);
  }

  /** A time picked on the chart goes into the start time field, as if typed (so the preview follows). */
  function pickTime(clock: string) {
    const input = form.current?.elements.namedItem("startTime");
    if (!(input instanceof HTMLInputElement)) return;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, clock);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  const unless = (applies: boolean) => hydrated && !applies;
  const number = (name: string, label: string, extra: Partial<React.ComponentProps<typeof Field>> = {}) => (
    <Field
      label={label}
      name={name}
      type="number"
      inputMode="numeric"
      defaultValue={text(fields, name)}
      error={errors[name]}
      {...extra}
    />
  );
  const weekdayOptions = options.weekdays.map((day) => ({ value: String(day.value), label: day.label }));

  return (
    <div className="editor-layout">
      <p className="jump-to-plan">
        <a href="#suggestions-title">{t("editor.jumpToSuggestions")}</a>
      </p>
      <Form method="post" className="ritual-form" noValidate ref={form} onChange={onChange}>
        <input type="hidden" name="creationToken" value={page.creationToken} />
        <fieldset className="form-block">
          <legend>{t("editor.what")}</legend>
          <SelectField
            label={t("editor.kind")}
            name="kind"
            defaultValue={text(fields, "kind")}
            error={errors.kind}
            hint={t("editor.kindHint")}
            options={RITUAL_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
          />
          <Field
            label={t("editor.title")}
            name="title"
            defaultValue={text(fields, "title")}
            error={errors.title}
            required
            maxLength={200}
          />
        </fieldset>

        <fieldset className="form-block">
          <legend>{t("editor.when")}</legend>
          <ChoiceGroup
            legend={t("editor.repeats")}
            name="frequency"
            type="radio"
            options={(["weekly", "monthly", "once"] as const).map((value) => ({
              value,
              label: t(`editor.frequency.${value}`),
            }))}
            chosen={[frequency]}
            error={errors.frequency}
          />
          <fieldset
            className="plain-fieldset"
            hidden={unless(frequency !== "once")}
            disabled={unless(frequency !== "once")}
          >
            <legend className="visually-hidden">{t("editor.repeats")}</legend>
            {number("interval", frequency === "monthly" ? t("editor.intervalMonths") : t("editor.intervalWeeks"), {
              min: 1,
              max: 52,
            })}
          </fieldset>
          <fieldset
            className="plain-fieldset"
            hidden={unless(frequency === "weekly")}
            disabled={unless(frequency === "weekly")}
          >
            <legend className="visually-hidden">{t("editor.frequency.weekly")}</legend>
            <ChoiceGroup
              legend={t("editor.weekdays")}
              name="weekdays"
              options={weekdayOptions}
              chosen={list(fields, "weekdays")}
              error={errors.weekdays}
            />
          </fieldset>
          <fieldset
            className="plain-fieldset"
            hidden={unless(frequency === "monthly")}
            disabled={unless(frequency === "monthly")}
          >
            <legend className="visually-hidden">{t("editor.frequency.monthly")}</legend>
            <ChoiceGroup
              legend={t("editor.monthlyBy")}
              name="monthlyBy"
              type="radio"
              options={[
                { value: "day", label: t("editor.monthlyByDay") },
                { value: "weekday", label: t("editor.monthlyByWeekday") },
              ]}
              chosen={[monthlyBy]}
            />
            <div hidden={unless(monthlyBy === "day")}>
              {number("monthDay", t("editor.monthDay"), { min: 1, max: 31 })}
            </div>
            <div className="field-row" hidden={unless(monthlyBy === "weekday")}>
              <SelectField
                label={t("editor.monthWeek")}
                name="monthWeek"
                defaultValue={text(fields, "monthWeek")}
                error={errors.monthWeek}
                options={MONTH_WEEKS.map((value) => ({
                  value,
                  label: t(`cadence.nth.${value}`),
                }))}
              />
              <SelectField
                label={t("editor.monthWeekday")}
                name="monthWeekday"
                defaultValue={text(fields, "monthWeekday")}
                options={weekdayOptions}
              />
            </div>
          </fieldset>
          <div className="field-row">
            <Field
              label={frequency === "once" ? t("editor.date") : t("editor.startDate")}
              name="startDate"
              type="date"
              defaultValue={text(fields, "startDate")}
              error={errors.startDate}
              required
            />
            <Field
              label={t("editor.startTime")}
              name="startTime"
              type="time"
              defaultValue={text(fields, "startTime")}
              error={errors.startTime}
              required
            />
          </div>
          <div hidden={unless(frequency !== "once")}>
            <Field
              label={t("editor.rotationTimes")}
              name="rotationTimes"
              defaultValue={text(fields, "rotationTimes")}
              error={errors.rotationTimes}
              hint={t("editor.rotationTimesHint")}
              placeholder="17:00"
              inputMode="numeric"
              disabled={unless(frequency !== "once")}
            />
          </div>
          <TimeZoneField
            name="timeZone"
            label={t("editor.timeZone")}
            zones={options.zones}
            defaultValue={text(fields, "timeZone")}
            error={errors.timeZone}
            hint={t("editor.timeZoneHint")}
          />
          {number("durationMinutes", t("editor.duration"), { min: 1, max: 1440, required: true })}
          <fieldset
            className="plain-fieldset"
            hidden={unless(frequency !== "once")}
            disabled={unless(frequency !== "once")}
          >
            <legend className="visually-hidden">{t("editor.ends")}</legend>
            <ChoiceGroup
              legend={t("editor.ends")}
              name="ends"
              type="radio"
              options={[
                { value: "never", label: t("editor.endsNever") },
                { value: "until", label: t("editor.endsUntil") },
                { value: "count", label: t("editor.endsCount") },
              ]}
              chosen={[ends]}
            />
            <div className="field-row">
              <div hidden={unless(ends === "until")}>
                <Field
                  label={t("editor.untilDate")}
                  name="untilDate"
                  type="date"
                  defaultValue={text(fields, "untilDate")}
                  error={errors.untilDate}
                />
              </div>
              <div hidden={unless(ends === "count")}>{number("count", t("editor.count"), { min: 1, max: 1000 })}</div>
            </div>
          </fieldset>
        </fieldset>

        <fieldset className="form-block">
          <legend>{t("editor.buffers")}</legend>
          <p className="hint">{t("editor.buffersHint")}</p>
          <div className="field-row">
            {number("goEarlyMinutes", t("editor.goEarly"), { min: 0, max: 120 })}
            {number("stayLateMinutes", t("editor.stayLate"), { min: 0, max: 120 })}
          </div>
        </fieldset>

        <fieldset className="form-block">
          <legend>{t("editor.who")}</legend>
          <ChoiceGroup
            legend={t("editor.hosts")}
            name="hostIds"
            options={options.members.map((member) => ({ value: member.id, label: member.name }))}
            chosen={list(fields, "hostIds")}
            error={errors.hostIds}
            hint={t("editor.hostsHint")}
          />
          <ChoiceGroup
            legend={t("editor.participants")}
            name="participantIds"
            options={options.members.map((member) => ({ value: member.id, label: member.name }))}
            chosen={list(fields, "participantIds")}
            error={errors.participantIds}
          />
          <SelectField
            label={t("editor.customer")}
            name="customerId"
            defaultValue={customerId}
            error={errors.customerId}
            hint={t("editor.customerHint")}
            options={[
              { value: "", label: t("editor.noCustomer") },
              ...options.customers.map((customer) => ({ value: customer.id, label: customer.name })),
            ]}
          />
          {options.customers.map((customer) => (
            <fieldset
              key={customer.id}
              className="plain-fieldset"
              hidden={unless(customerId === customer.id)}
              disabled={unless(customerId === customer.id)}
            >
              <legend className="visually-hidden">{customer.name}</legend>
              <ChoiceGroup
                legend={t("editor.contacts", { customer: customer.name })}
                name="contactIds"
                options={customer.contacts.map((contact) => ({ value: contact.id, label: contact.name }))}
                chosen={list(fields, "contactIds")}
              />
            </fieldset>
          ))}
          <FieldError id="contactIds-error" error={errors.contactIds} />
        </fieldset>

        <fieldset className="form-block">
          <legend>{t("editor.details")}</legend>
          <TextAreaField
            label={t("editor.agendaTemplate")}
            name="agendaTemplate"
            rows={5}
            defaultValue={text(fields, "agendaTemplate")}
            error={errors.agendaTemplate}
            hint={t("editor.agendaHint")}
          />
          <Field
            label={t("editor.videoUrl")}
            name="videoUrl"
            type="url"
            inputMode="url"
            defaultValue={text(fields, "videoUrl")}
            error={errors.videoUrl}
            placeholder="https://"
          />
        </fieldset>

        <Warnings
          warnings={preview.data?.warnings ?? reply?.warnings ?? plan.warnings}
          error={errors.confirm}
          confirmed={[fields.confirm ?? []].flat()}
        />
        <FieldError id="form-error" error={errors.form} />
        <div className="actions">
          <SubmitButton>{submitLabel}</SubmitButton>
          <button type="submit" className="button secondary" formMethod="get" formNoValidate>
            {t("editor.refreshPreview")}
          </button>
          <Link to={ritualId ? `/teams/${teamId}/rituals/${ritualId}` : `/teams/${teamId}`}>{t("confirm.cancel")}</Link>
        </div>
      </Form>
      <PlanPanel plan={preview.data ?? plan} busy={preview.state === "loading"} onPickTime={pickTime} />
    </div>
  );
}
