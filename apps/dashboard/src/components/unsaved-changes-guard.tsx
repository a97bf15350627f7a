/**
 * Asks before leaving a screen with unsaved edits: in-app navigation through react-router's
 * blocker (a dialog), closing or reloading the tab through `beforeunload` (the browser's own
 * prompt). `isDirtyRef` is read at navigation time, so a screen that has just saved can
 * clear it and navigate away in the same tick.
 */
import { ConfirmDialog } from '@orbit360/ui';
import { useEffect, type RefObject } from 'react';
import { useBlocker } from 'react-router-dom';

export function UnsavedChangesGuard({ isDirtyRef }: { isDirtyRef: RefObject<boolean> }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      isDirtyRef.current === true && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (isDirtyRef.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isDirtyRef]);
  return (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      onOpenChange={(open) => {
        if (!open && blocker.state === 'blocked') blocker.reset();
      }}
      title="Leave without saving?"
      description="Your changes on this page have not been saved and will be lost."
      confirmLabel="Leave"
      tone="danger"
      onConfirm={() => blocker.proceed?.()}
    />
  );
}
