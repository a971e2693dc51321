import type { Catalog } from "./locales/en";

// Translation keys are checked against the English catalog: a typo or a removed key fails the typecheck.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: { common: Catalog };
  }
}
