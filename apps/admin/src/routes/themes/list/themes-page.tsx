import type { Theme } from '@orbit360/contracts';
import { Badge, Button, Card, PageHeader } from '@orbit360/ui';
import { Palette, Plus } from 'lucide-react';
import { useState } from 'react';
import { useCanWrite } from '../../../lib/session.js';
import {
  CatalogGrid,
  CatalogItemActions,
  ShowArchivedToggle,
  useSetArchived,
} from '../../catalog/catalog-list.js';
import { DeleteCatalogItemDialog } from '../../catalog/delete-catalog-item-dialog.js';
import { ColorSwatches, ThemePreviewSketch } from '../theme-preview.js';
import { useDeleteTheme, useThemes, useUpdateTheme } from '../../../hooks/api/themes.js';
import { ThemeFormDialog } from './theme-form-dialog.js';
import { useDocumentTitle } from '../../../lib/document-title.js';

export function ThemesPage() {
  useDocumentTitle('Themes');
  const [showArchived, setShowArchived] = useState(false);
  const themes = useThemes(true);
  const canWrite = useCanWrite();
  const update = useUpdateTheme();
  const remove = useDeleteTheme();
  const [editing, setEditing] = useState<Theme | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Theme | null>(null);

  const visible = (themes.data ?? []).filter((t) => showArchived || !t.isArchived);
  const archivedCount = (themes.data ?? []).filter((t) => t.isArchived).length;

  const setArchived = useSetArchived<Theme>({
    update,
    kind: 'theme',
    describe: (theme, isArchived) =>
      isArchived
        ? `${theme.name} is no longer offered for new activations.`
        : `${theme.name} is offered again.`,
  });

  return (
    <>
      <PageHeader
        title="Themes"
        description="The storefront designs merchants launch with. Archived themes stay on the stores using them."
        actions={
          <>
            <ShowArchivedToggle
              id="show-archived-themes"
              checked={showArchived}
              onCheckedChange={setShowArchived}
              archivedCount={archivedCount}
            />
            {canWrite && (
              <Button
                onClick={() => setEditing('new')}
                disabled={!themes.data}
                data-testid="new-theme"
              >
                <Plus /> New theme
              </Button>
            )}
          </>
        }
      />
      <CatalogGrid
        query={themes}
        isEmpty={visible.length === 0}
        gridClassName="grid gap-5 sm:grid-cols-2 xl:grid-cols-3"
        skeletonClassName="h-80 rounded-card"
        errorTitle="Could not load themes"
        empty={{
          icon: <Palette />,
          title: 'No themes',
          description: 'Create a theme to offer it at activation.',
        }}
        label="Themes"
      >
        {visible.map((theme) => (
          <li key={theme.id} data-testid="theme-item" data-theme-key={theme.key}>
            <Card className={theme.isArchived ? 'opacity-70' : undefined}>
              <div className="p-3 pb-0">
                <ThemePreviewSketch preview={theme.preview} />
              </div>
              <div className="space-y-2 p-4">
                <div className="flex items-start justify-between gap-2">
                  <div className="min-w-0">
                    <h2 className="flex items-center gap-2 text-base font-semibold text-fg">
                      {theme.name}
                      {theme.isSystem && <Badge tone="brand">Built-in</Badge>}
                      {theme.isArchived && <Badge>Archived</Badge>}
                    </h2>
                    <p className="font-mono text-xs text-fg-subtle">{theme.key}</p>
                  </div>
                  {canWrite && (
                    <CatalogItemActions
                      item={theme}
                      onEdit={() => setEditing(theme)}
                      onSetArchived={(isArchived) => setArchived(theme, isArchived)}
                      onDelete={() => setDeleting(theme)}
                    />
                  )}
                </div>
                <p className="line-clamp-2 min-h-10 text-sm text-fg-muted">
                  {theme.description || 'No description.'}
                </p>
                <div className="flex items-center justify-between pt-1">
                  <ColorSwatches preview={theme.preview} />
                  <span className="text-xs text-fg-subtle">{theme.preview.layout}</span>
                </div>
              </div>
            </Card>
          </li>
        ))}
      </CatalogGrid>

      {themes.data && (
        <ThemeFormDialog
          open={editing !== null}
          onOpenChange={(open) => !open && setEditing(null)}
          theme={editing && editing !== 'new' ? editing : undefined}
          themes={themes.data.filter((t) => !t.isArchived)}
        />
      )}
      <DeleteCatalogItemDialog
        kind="theme"
        item={deleting}
        onClose={() => setDeleting(null)}
        remove={remove}
      />
    </>
  );
}
