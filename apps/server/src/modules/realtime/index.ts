export { events } from './events.table.js';
export {
  publishEvent,
  publishEvents,
  EVENTS_CHANNEL,
  type EventToPublish,
} from './publish-event.js';
export { createRealtimeHub, type RealtimeHub, type RealtimeSubscriber } from './realtime-hub.js';
export { realtimeRoutes, realtimeWebsocketOptions } from './realtime.routes.js';
export { pruneEvents } from './prune-events.js';
