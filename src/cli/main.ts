#!/usr/bin/env node
// The CLI as tsc compiles it (dist/cli/main.js); the `iop` binary is the bundle (src/launch/).
import { runProcess } from "./process.js";

process.exitCode = await runProcess(process.argv.slice(2));
