import type { Catalog } from "~/i18n/locales/en";
import { account } from "./account";
import { planning } from "./planning";
import { notes } from "./notes";

const ko: Catalog = { ...account, ...planning, ...notes };

export default ko;
