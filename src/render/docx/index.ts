export type { DocxOptions } from "./options.js";
export { renderDocx } from "./render.js";
