/**
 * The reference tokens of a JSON Pointer (RFC 6901), decoded: "/parter/0/a~1b" → ["parter", "0",
 * "a/b"]. ajv reports instance paths this way and schemas `$ref` into each other this way.
 * `~1` is decoded before `~0`, so "~01" stays the literal "~1".
 */
export function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
}
