export { escapeHtml } from "./escape.js";
export { handlers } from "./handlers/index.js";
export { htmlPage, renderHtml } from "./render.js";
export type { BlockHandler, Handlers, HtmlOptions, InlineHandler, State } from "./state.js";
export { STYLESHEET } from "./style.js";
