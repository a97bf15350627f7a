/**
 * Events as read back from the `events` table, and their wire form. The payload stays JSON
 * text from the database to the socket: one frame is built per event and shared by every
 * recipient, so fan-out cost does not grow with serialisation work.
 */
import type { AnyRealtimeEvent, RealtimeControlFrame } from '@orbit360/contracts';

export interface StoredEvent {
  seq: number;
  type: string;
  tenantId: string | null;
  at: Date;
  /** The `data` column as JSON text. */
  dataJson: string;
}

/** An event ready to deliver: its recipients' room keys and its encoded frame. */
export interface FramedEvent {
  seq: number;
  tenantId: string | null;
  frame: Buffer;
}

export const ADMIN_ROOM = 'admin';
export const tenantRoom = (tenantId: string) => `tenant:${tenantId}`;

export function encodeEvent(event: StoredEvent): FramedEvent {
  const tenant = event.tenantId ? `,"tenantId":${JSON.stringify(event.tenantId)}` : '';
  const text =
    `{"type":${JSON.stringify(event.type)},"seq":${event.seq},` +
    `"at":"${event.at.toISOString()}"${tenant},"data":${event.dataJson}}`;
  return { seq: event.seq, tenantId: event.tenantId, frame: Buffer.from(text) };
}

/** The typed event, for in-process subscribers (parsed once per event, not per socket). */
export function decodeEvent(event: StoredEvent): AnyRealtimeEvent {
  return {
    type: event.type,
    seq: event.seq,
    at: event.at.toISOString(),
    ...(event.tenantId ? { tenantId: event.tenantId } : {}),
    data: JSON.parse(event.dataJson),
  } as AnyRealtimeEvent;
}

export const controlFrame = (frame: RealtimeControlFrame) => JSON.stringify(frame);
