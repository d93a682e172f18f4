#!/usr/bin/env -S node --single-threaded-gc
// The `galley` executable: the compiled CLI (`dist/galley.js`), rebuilt first if its sources changed.
import { ensureBuilt } from "../build.mjs";

await ensureBuilt();
await import("../dist/galley.js");
