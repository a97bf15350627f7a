export { events } from './events.table.js';
export { publishEvent, EVENTS_CHANNEL } from './publish-event.js';
