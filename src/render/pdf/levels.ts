/**
 * The PDF/A levels the renderer writes (a module of its own, free of pdf-lib, so the command
 * line can check `--pdfa` without loading the renderer): 3b, the default, with the YAML sources
 * attached as associated files; 2b, for archives that take only PDF/A-2, without them.
 */
export const PDFA_LEVELS = ["3b", "2b"] as const;
export type PdfALevel = (typeof PDFA_LEVELS)[number];
