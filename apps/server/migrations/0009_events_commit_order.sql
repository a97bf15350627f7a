-- Events get their public position (seq) when their transaction commits, in commit order,
-- instead of at insert under a lock held until COMMIT (ADR 030, 026). Rows are inserted with
-- seq null; a deferred constraint trigger numbers them at COMMIT under the events lock, which
-- is then held only for the commit itself.
ALTER TABLE "events" DROP CONSTRAINT "events_pkey";--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "seq" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "seq" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "seq" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "id" bigserial PRIMARY KEY NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "events_seq_idx" ON "events" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "events_unsequenced_idx" ON "events" USING btree ("id") WHERE seq is null;--> statement-breakpoint
-- Numbers this transaction's events (the only unsequenced rows it can see) in insert order,
-- continuing events_seq_seq, and notifies listeners with the highest seq. The advisory lock
-- serialises committing publishers, so seq order is commit order; it is released when the
-- transaction's commit is complete (visible), never before. The trigger fires once per row,
-- all at COMMIT: the first firing numbers every row, the others return at once.
CREATE OR REPLACE FUNCTION orbit_sequence_events() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pending bigint;
  first_seq bigint;
BEGIN
  IF current_setting('orbit.events_sequenced', true) = 'yes' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('orbit.events_sequenced', 'yes', true);
  SELECT count(*) INTO pending FROM events WHERE seq IS NULL;
  IF pending = 0 THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(3601361);
  first_seq := nextval('events_seq_seq');
  IF pending > 1 THEN
    PERFORM setval('events_seq_seq', first_seq + pending - 1);
  END IF;
  UPDATE events e SET seq = first_seq + n.ord - 1
  FROM (SELECT id, row_number() OVER (ORDER BY id) AS ord FROM events WHERE seq IS NULL) n
  WHERE e.id = n.id;
  PERFORM pg_notify('orbit_events', (first_seq + pending - 1)::text);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "events_sequence_at_commit" AFTER INSERT ON "events"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION orbit_sequence_events();
