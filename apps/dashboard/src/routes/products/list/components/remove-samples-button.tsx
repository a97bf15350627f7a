import { Button, ConfirmDialog, errorMessage, useToast } from '@orbit360/ui';
import { useState } from 'react';
import { useRemoveSampleProducts } from '../../../../hooks/api/products.js';

/** "Remove sample products", shown while the store still has the ones it was created with. */
export function RemoveSamplesButton() {
  const toast = useToast();
  const remove = useRemoveSampleProducts();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outline" onClick={() => setOpen(true)}>
        Remove sample products
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) remove.reset();
        }}
        title="Remove the sample products?"
        description="The products your store was created with are deleted. Your own products stay."
        confirmLabel="Remove samples"
        tone="danger"
        loading={remove.isPending}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: ({ removed }) => {
              setOpen(false);
              toast({
                title: `${removed} sample ${removed === 1 ? 'product' : 'products'} removed`,
              });
            },
          })
        }
      >
        {remove.error && (
          <p role="alert" className="text-sm text-red-700">
            {errorMessage(remove.error)}
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
