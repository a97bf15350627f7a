/**
 * One client socket. It first replays what the client missed (events after `since` that its
 * principal may see) while live events are held back in a buffer, then flushes the buffer and
 * goes live. Every send is filtered by `seq > lastSent`, so the overlap between the replay and
 * the live stream is delivered once, in order.
 */
import { REALTIME_CLOSE_CODES } from '@orbit360/contracts';
import type { WebSocket } from 'ws';
import type { Logger } from '../../platform/logger.js';
import type { Principal } from '../../platform/http/guards.js';
import { controlFrame, encodeEvent, type FramedEvent } from './event-frame.js';
import { readEventBounds, readEventsAfter, type Queryable } from './read-events.js';

const REPLAY_PAGE = 500;
/** Live events held while replaying; beyond this the client is too far behind. */
const MAX_HELD_EVENTS = 50_000;

export interface ConnectionLimits {
  /** Bytes queued for a socket beyond which it is dropped as a slow consumer. */
  maxBufferedBytes: number;
}

export class RealtimeConnection {
  /** Highest seq sent on this socket (or the resume position before anything is sent). */
  private lastSent: number;
  private held: FramedEvent[] | null = [];
  isAlive = true;
  private closed = false;
  private isCorked = false;
  private resolveClosed!: () => void;
  private readonly closedSignal = new Promise<void>((resolve) => {
    this.resolveClosed = resolve;
  });

  constructor(
    readonly socket: WebSocket,
    readonly principal: Principal,
    private readonly limits: ConnectionLimits,
    private readonly logger: Logger,
    startAt: number,
  ) {
    this.lastSent = startAt;
  }

  /** Tenant whose events this socket may see; undefined = all (admins). */
  get tenantFilter(): string | undefined {
    return this.principal.kind === 'merchant' ? this.principal.tenantId : undefined;
  }

  /** Live event from the hub. */
  deliver(event: FramedEvent) {
    if (this.held) {
      if (this.held.length >= MAX_HELD_EVENTS) this.dropSlowConsumer();
      else this.held.push(event);
      return;
    }
    this.sendEvent(event);
  }

  /**
   * Replays events after `since`, then releases held live events and reports `ready`.
   * `hubSeq` is the last seq the instance has fanned out (the live stream's position).
   */
  async replay(db: Queryable, since: number | undefined, hubSeq: number) {
    let resync = false;
    try {
      if (since !== undefined) {
        const bounds = await readEventBounds(db);
        const head = Math.max(bounds.last, hubSeq);
        const oldest = bounds.first || head + 1;
        // Pruned past the client's position, or a position this log never had (reset).
        resync = since < oldest - 1 || since > head;
        this.lastSent = since > head ? head : since;
        let page;
        do {
          page = await readEventsAfter({
            db,
            after: this.lastSent,
            limit: REPLAY_PAGE,
            tenantId: this.tenantFilter,
          });
          if (this.closed) return;
          let written: Promise<void> | undefined;
          for (const event of page) written = this.sendEvent(encodeEvent(event), true) ?? written;
          // Let a long replay reach the kernel page by page instead of piling up in memory.
          if (written && this.socket.bufferedAmount > this.limits.maxBufferedBytes / 4) {
            await Promise.race([written, this.closedSignal]);
          }
        } while (page.length === REPLAY_PAGE && !this.closed);
      }
      const held = this.held ?? [];
      this.held = null;
      for (const event of held) this.sendEvent(event);
      this.sendControl(controlFrame({ type: 'ready', seq: this.lastSent, resync }));
    } catch (error) {
      if (this.closed) return;
      this.logger.error({ err: error }, 'realtime replay failed');
      this.socket.close(REALTIME_CLOSE_CODES.internalError, 'could not replay missed events');
    }
  }

  onMessage(data: unknown, isBinary: boolean) {
    this.isAlive = true;
    let message: unknown;
    try {
      message = isBinary ? undefined : JSON.parse(String(data));
    } catch {
      message = undefined;
    }
    if (message && typeof message === 'object' && (message as { type?: unknown }).type === 'ping') {
      this.sendControl(controlFrame({ type: 'pong' }));
      return;
    }
    this.sendControl(
      controlFrame({
        type: 'error',
        error: {
          code: 'BAD_REQUEST',
          message: 'Unsupported message: the only client message is {"type":"ping"}',
        },
      }),
    );
  }

  /**
   * Holds writes until `uncork`, so several frames leave in one syscall. `ws` has no public
   * API for this; its underlying socket is reached through a private field, and without it
   * (a future `ws`) this is a no-op and only batching is lost.
   */
  cork() {
    const raw = this.rawSocket();
    if (!raw) return;
    raw.cork();
    this.isCorked = true;
  }

  uncork() {
    if (!this.isCorked) return;
    this.isCorked = false;
    this.rawSocket()?.uncork();
    // Measured after the flush: what the kernel did not take is the client's backlog.
    if (!this.closed && this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.dropSlowConsumer();
    }
  }

  private rawSocket(): { cork(): void; uncork(): void } | undefined {
    const raw = (this.socket as unknown as { _socket?: { cork?: unknown; uncork?: unknown } })
      ._socket;
    return raw && typeof raw.cork === 'function' && typeof raw.uncork === 'function'
      ? (raw as { cork(): void; uncork(): void })
      : undefined;
  }

  markClosed() {
    if (this.closed) return;
    this.closed = true;
    this.held = null;
    this.resolveClosed();
  }

  /** Sends unless already sent; with `track`, returns when the frame is written out. */
  private sendEvent(event: FramedEvent, track = false): Promise<void> | undefined {
    if (event.seq <= this.lastSent || this.closed) return undefined;
    this.lastSent = event.seq;
    let written: Promise<void> | undefined;
    if (track) {
      written = new Promise((resolve) =>
        this.socket.send(event.frame, { binary: false }, () => resolve()),
      );
    } else {
      this.socket.send(event.frame, { binary: false });
    }
    if (!this.isCorked && this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.dropSlowConsumer();
    }
    return written;
  }

  private sendControl(text: string) {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(text);
  }

  private dropSlowConsumer() {
    if (this.closed) return;
    this.logger.warn(
      { principal: this.principal.id, buffered: this.socket.bufferedAmount },
      'realtime client too slow; disconnecting',
    );
    this.markClosed();
    // Its buffer is full, so a close frame would wait behind it: cut the connection.
    this.socket.terminate();
  }
}
