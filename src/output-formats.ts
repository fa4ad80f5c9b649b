/** The formats a build writes (`iop build --format`): its own module, so the launcher can read it. */
export const FORMATS = ["md", "docx", "pdf", "exemplar"] as const;
export type Format = (typeof FORMATS)[number];
