// docx's class fields as plain assignments, in the bundle only (scripts/bundle.mjs applies it to
// docx/dist/index.mjs as esbuild loads it).
//
// Why: docx's build turns each class field into a call of Babel's helper,
// `_defineProperty(this, "root", void 0)`, which converts the name with three more helper calls
// and then defines the property with a keyed store or `Object.defineProperty`. Every component
// has two to four fields and a document has thousands of components: in a cold process (V8 with
// `--no-opt`, src/jit.ts) these calls are a tenth of making a document, and warm they are
// megamorphic stores where `this.root = void 0` is a monomorphic one.
//
// Exactly equivalent: `_defineProperty(e, r, t)` is `r in e ? Object.defineProperty(e, r, { value:
// t, enumerable, configurable, writable }) : e[r] = t`. An assignment gives the same own data
// property (enumerable, configurable, writable) unless `r` is an accessor or a read-only property
// up the prototype chain: so a field is rewritten only when no getter or setter of that name is
// declared anywhere in docx and the name is not `__proto__` (Object.prototype's only accessor; its
// data properties are all writable). Each rewritten call stands as a statement (after `;` or
// `{`), so the value it returned (`this`) was not used. The helper itself takes a string name as
// it is (its conversion of a string is the string).
// If docx's text changes so that any of this cannot be checked (package.json pins 9.15.2), the
// build fails. Test: test/scripts/docx-fields.test.ts (the renderer with docx so rewritten gives
// the same bytes for every agreement, fixture and redline; instances have the same properties).

/** A class field set in a constructor: `_defineProperty(this, /** doc *\/ "name", <value>)`. */
const FIELD = /_defineProperty\(\s*this,\s*(?:\/\*\*[\s\S]*?\*\/\s*)?"([A-Za-z_$][\w$]*)",/g;
/** Getters and setters declared in docx: fields of these names keep `_defineProperty`. */
const ACCESSOR = /\b(?:get|set)\s+([A-Za-z_$][\w$]*)\s*\(/g;
const HELPER = "return (r = toPropertyKey(r)) in e ?";
const FAST_HELPER = 'return (r = typeof r === "string" ? r : toPropertyKey(r)) in e ?';

/** docx's index.mjs with its class fields assigned (see the top of this file). */
export function docxFields(source) {
  if (source.split(HELPER).length !== 2) {
    throw new Error(
      "docx-fields: Babel's _defineProperty helper not found once in docx; check scripts/docx-fields.mjs against the installed docx",
    );
  }
  const accessors = new Set([...source.matchAll(ACCESSOR)].map((m) => m[1]));
  accessors.add("__proto__");
  let rewritten = 0;
  const out = source.replace(FIELD, (call, name, at) => {
    if (accessors.has(name)) return call;
    let i = at - 1;
    while (/\s/.test(source[i])) i--;
    const before = source[i];
    if (before !== ";" && before !== "{") {
      throw new Error(`docx-fields: a field "${name}" set where its value may be used (${before})`);
    }
    rewritten++;
    return `(this.${name} =`;
  });
  if (rewritten === 0) throw new Error("docx-fields: no class field found in docx");
  return out.replace(HELPER, FAST_HELPER);
}
