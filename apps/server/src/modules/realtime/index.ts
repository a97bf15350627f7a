export { events } from './events.table.js';
export { publishEvent, publishEvents, type EventToPublish } from './publish-event.js';
export { createRealtimeHub, type RealtimeHub } from './realtime-hub.js';
export { pruneEvents } from './prune-events.js';
