/**
 * The scale-out storage and bus (`@galley/server/scale-out`): PostgreSQL and Redis. A separate
 * entry so a server on the embedded SQLite store never loads their clients.
 */
export { createRedisBus, type RedisBusOptions } from "./bus/redis-bus.ts";
export {
  dropPostgresSchema,
  openPostgresStorage,
  type PostgresStorageOptions,
} from "./storage/postgres/postgres-storage.ts";
