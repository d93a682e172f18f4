/** The test PostgreSQL (trust auth, database `test`); overridable with GALLEY_TEST_POSTGRES. */
export const postgresUrl = process.env.GALLEY_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/test";

/** The test Redis; overridable with GALLEY_TEST_REDIS. */
export const redisUrl = process.env.GALLEY_TEST_REDIS ?? "redis://127.0.0.1:6379";
