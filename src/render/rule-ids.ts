/** The diagnostics of rendering and of `build --only` (src/render/, src/package/); docs/regler.md. */
export const RENDER_RULE_IDS = ["pdf-tecken-saknas", "only-okand", "only-inget-bygge"] as const;

export type RenderRuleId = (typeof RENDER_RULE_IDS)[number];
