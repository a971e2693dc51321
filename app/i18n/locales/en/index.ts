import { account } from "./account";
import { planning } from "./planning";
import { notes } from "./notes";

/** The English catalog, by area; every other language has the same keys. */
const en = { ...account, ...planning, ...notes };

export default en;
export type Catalog = typeof en;
