import { defaultMaxBytes } from "@galley/core";
import { defaultPresenceLimits, type PresenceLimits } from "./sync/presence-gate.ts";

/** Size limits the server enforces, in bytes (presence: see `PresenceLimits`). */
export interface Limits extends PresenceLimits {
  /** Largest page upload (`POST /api/issues/:issueId/pages`); over it: 413. Default 50 MiB, core's `defaultMaxBytes`. */
  uploadBytes: number;
  /** Largest websocket message; over it the connection closes with 4413. Default 16 MiB. */
  messageBytes: number;
  /** Largest JSON request body; over it: 413. Default 1 MiB. */
  jsonBytes: number;
}

/** The default limits. */
export const defaultLimits: Limits = {
  uploadBytes: defaultMaxBytes,
  messageBytes: 16 * 1024 * 1024,
  jsonBytes: 1024 * 1024,
  ...defaultPresenceLimits,
};
