/**
 * The parts the catalog pages (themes, plans) share: the "Show archived" switch, the list's
 * loading / error / empty states around its grid of cards, each card's actions menu, and
 * archiving or restoring an item with its toasts.
 */
import {
  Button,
  Card,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
  EmptyState,
  ErrorState,
  Label,
  Skeleton,
  Switch,
  errorMessage,
  useToast,
} from '@orbit360/ui';
import { Archive, ArchiveRestore, MoreHorizontal, Pencil, Trash2 } from 'lucide-react';
import type { ReactNode } from 'react';

export interface CatalogItem {
  id: string;
  name: string;
  isArchived: boolean;
}

export function ShowArchivedToggle(props: {
  id: string;
  checked: boolean;
  onCheckedChange(checked: boolean): void;
  archivedCount: number;
}) {
  return (
    <div className="flex items-center gap-2">
      <Switch id={props.id} checked={props.checked} onCheckedChange={props.onCheckedChange} />
      <Label htmlFor={props.id} className="font-normal text-fg-muted">
        Show archived{props.archivedCount ? ` (${props.archivedCount})` : ''}
      </Label>
    </div>
  );
}

/** Skeletons while loading, the error with a retry, an empty state, or the grid of items. */
export function CatalogGrid(props: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch(): unknown };
  isEmpty: boolean;
  /** Grid classes of both the skeletons and the list. */
  gridClassName: string;
  skeletonClassName: string;
  errorTitle: string;
  empty: { icon: ReactNode; title: string; description: string };
  /** The list's accessible name. */
  label: string;
  /** The `<li>` of each visible item. */
  children: ReactNode;
}) {
  const { query, empty } = props;
  if (query.isPending)
    return (
      <div className={props.gridClassName}>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className={props.skeletonClassName} />
        ))}
      </div>
    );
  if (query.isError)
    return (
      <Card>
        <ErrorState
          title={props.errorTitle}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      </Card>
    );
  if (props.isEmpty)
    return (
      <Card>
        <EmptyState icon={empty.icon} title={empty.title} description={empty.description} />
      </Card>
    );
  return (
    <ul className={props.gridClassName} aria-label={props.label}>
      {props.children}
    </ul>
  );
}

/** A card's menu: Edit, Archive or Restore, Delete. */
export function CatalogItemActions(props: {
  item: CatalogItem;
  onEdit(): void;
  onSetArchived(isArchived: boolean): void;
  onDelete(): void;
}) {
  const { item } = props;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Actions for ${item.name}`}>
          <MoreHorizontal />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuItem onSelect={props.onEdit}>
          <Pencil /> Edit
        </DropdownMenuItem>
        {item.isArchived ? (
          <DropdownMenuItem onSelect={() => props.onSetArchived(false)}>
            <ArchiveRestore /> Restore
          </DropdownMenuItem>
        ) : (
          <DropdownMenuItem onSelect={() => props.onSetArchived(true)}>
            <Archive /> Archive
          </DropdownMenuItem>
        )}
        <DropdownMenuSeparator />
        <DropdownMenuItem tone="danger" onSelect={props.onDelete}>
          <Trash2 /> Delete
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** Archives or restores an item through its update mutation; toasts the outcome. */
export function useSetArchived<T extends CatalogItem>(options: {
  /** The item's update mutation (`useUpdateTheme()`, `useUpdatePlan()`). */
  update: {
    mutate(
      variables: { id: string; body: { isArchived: boolean } },
      options: { onSuccess(): void; onError(error: Error): void },
    ): void;
  };
  /** 'theme' or 'plan', as in "Could not update the plan". */
  kind: string;
  /** The success toast's description. */
  describe(item: T, isArchived: boolean): string;
}) {
  const toast = useToast();
  const { update, kind, describe } = options;
  const label = kind.charAt(0).toUpperCase() + kind.slice(1);
  return (item: T, isArchived: boolean) =>
    update.mutate(
      { id: item.id, body: { isArchived } },
      {
        onSuccess: () =>
          toast({
            tone: 'success',
            title: isArchived ? `${label} archived` : `${label} restored`,
            description: describe(item, isArchived),
          }),
        onError: (error) =>
          toast({
            tone: 'danger',
            title: `Could not update the ${kind}`,
            description: errorMessage(error),
          }),
      },
    );
}
