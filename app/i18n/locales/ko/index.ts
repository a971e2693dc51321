import type { Catalog } from "../en";
import { account } from "./account";
import { planning } from "./planning";
import { notes } from "./notes";

const ko: Catalog = { ...account, ...planning, ...notes };

export default ko;
