/**
 * The frame the catalog forms (themes, plans) share: a large dialog whose form mounts only
 * while open (each opening starts from the item's values), with Cancel and a submit button
 * that shows progress; outside clicks do not close it while saving.
 */
import { Button, Dialog, DialogClose, DialogContent } from '@orbit360/ui';
import type { ReactNode } from 'react';

export function CatalogFormDialog(props: {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** The form, rendered only while the dialog is open. */
  children: ReactNode;
}) {
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      {props.open && props.children}
    </Dialog>
  );
}

export function CatalogFormContent(props: {
  /** The `id` of the `<form>` in `children`; also the dialog's test id. */
  formId: string;
  title: ReactNode;
  description: ReactNode;
  pending: boolean;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <DialogContent
      size="lg"
      title={props.title}
      description={props.description}
      preventOutsideClose={props.pending}
      data-testid={props.formId}
      footer={
        <>
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <Button type="submit" form={props.formId} loading={props.pending}>
            {props.submitLabel}
          </Button>
        </>
      }
    >
      {props.children}
    </DialogContent>
  );
}
