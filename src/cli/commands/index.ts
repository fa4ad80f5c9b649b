import type { Command } from "../command.js";
import { check } from "./check.js";

/** Every subcommand, in the order `iop --help` lists them. */
export const commands: Command[] = [check];
