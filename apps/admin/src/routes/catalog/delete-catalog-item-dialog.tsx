import type { UseMutationResult } from '@tanstack/react-query';
import { ConfirmDialog, errorMessage, useToast } from '@orbit360/ui';

/**
 * Confirms deleting a theme or a plan. The server refuses (409) when the item is in use; the
 * dialog then stays open and shows its reason.
 */
export function DeleteCatalogItemDialog(props: {
  kind: 'theme' | 'plan';
  item: { id: string; name: string } | null;
  onClose: () => void;
  remove: UseMutationResult<unknown, Error, string>;
}) {
  const { kind, item, onClose, remove } = props;
  const toast = useToast();
  const label = kind === 'theme' ? 'Theme' : 'Plan';
  return (
    <ConfirmDialog
      open={item !== null}
      onOpenChange={(open) => {
        if (!open) {
          onClose();
          remove.reset();
        }
      }}
      title={`Delete ${item?.name ?? kind}?`}
      description={`Deleting is permanent. A ${kind} used by any store cannot be deleted — archive it instead.`}
      confirmLabel={`Delete ${kind}`}
      tone="danger"
      loading={remove.isPending}
      onConfirm={() =>
        item &&
        remove.mutate(item.id, {
          onSuccess: () => {
            toast({ tone: 'success', title: `${label} deleted`, description: item.name });
            onClose();
          },
        })
      }
    >
      {remove.isError && (
        <p
          className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700"
          role="alert"
          data-testid="delete-error"
        >
          {errorMessage(remove.error)}
        </p>
      )}
    </ConfirmDialog>
  );
}
