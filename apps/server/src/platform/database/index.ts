export * from './client.js';
export * from './connection-errors.js';
export * from './migrate.js';
export * from './roles.js';
export * from './tenant.js';
export {
  EmbeddedDatabaseError,
  runningEmbeddedUrl,
  startEmbeddedPostgres,
  superviseEmbedded,
  type EmbeddedDatabase,
} from './embedded.js';
export { insertJsonRows, insertJsonRowsReturning } from './insert-json.js';
