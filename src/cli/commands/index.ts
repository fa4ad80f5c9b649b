import type { Command } from "../command.js";
import { build } from "./build.js";
import { calendar } from "./calendar.js";
import { check } from "./check.js";
import { diff } from "./diff.js";
import { newCommand } from "./new.js";
import { sign } from "./sign.js";
import { verify } from "./verify.js";
import { watch } from "./watch.js";

/** Every subcommand, in the order `iop --help` lists them. */
export const commands: Command[] = [newCommand, check, build, watch, diff, calendar, sign, verify];
