import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./command.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * `node:util` parseArgs with Swedish usage errors. Every command accepts `-h/--help`.
 */
export function parse<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({
      args,
      options: { help: { type: "boolean", short: "h" }, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const option = /'([^']+)'/.exec(message)?.[1];
    if (/Unknown option/.test(message)) throw new UsageError(`Okänd flagga: ${option ?? message}.`);
    if (/argument missing/.test(message))
      throw new UsageError(`Flaggan ${option ?? ""} kräver ett värde.`);
    throw new UsageError(`Felaktiga argument: ${message}`);
  }
}
