/**
 * The scale-out storage and bus, loaded by `galley serve` only when `--postgres` is given: the
 * PostgreSQL and Redis clients stay out of the memory of a server on the embedded SQLite store.
 */
export { createRedisBus, openPostgresStorage } from "@galley/server/scale-out";
