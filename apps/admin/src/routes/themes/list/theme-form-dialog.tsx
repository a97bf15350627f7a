import {
  ThemeKey,
  type Theme,
  type ThemeConfigSchema,
  type ThemePreview,
} from '@orbit360/contracts';
import { Alert, Field, Input, Select, Textarea, isApiError, useToast } from '@orbit360/ui';
import { useState, type FormEvent } from 'react';
import { CatalogFormContent, CatalogFormDialog } from '../../catalog/catalog-form-dialog.js';
import { slugify } from '../../../lib/format.js';
import { ThemePreviewSketch } from '../theme-preview.js';
import { useCreateTheme, useUpdateTheme } from '../../../hooks/api/themes.js';

const COLOR_KEYS = ['primary', 'secondary', 'accent', 'background', 'text'] as const;
const HEX = /^#[0-9a-fA-F]{6}$/;

type Errors = Partial<Record<string, string>>;

export interface ThemeFormDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** Edit this theme; create a new one when absent. */
  theme?: Theme;
  themes: Theme[];
}

export function ThemeFormDialog(props: ThemeFormDialogProps) {
  return (
    <CatalogFormDialog open={props.open} onOpenChange={props.onOpenChange}>
      <ThemeForm {...props} />
    </CatalogFormDialog>
  );
}

/** The base theme's schema with its color defaults replaced by the chosen preview colors. */
function schemaFrom(base: Theme | undefined, preview: ThemePreview): ThemeConfigSchema {
  const schema: ThemeConfigSchema = base
    ? structuredClone(base.configSchema)
    : { colors: {}, fonts: {}, layout: {}, features: {} };
  for (const key of COLOR_KEYS) {
    const field = schema.colors[key];
    schema.colors[key] =
      field?.type === 'color'
        ? { ...field, default: preview[key] }
        : {
            type: 'color',
            label: key.charAt(0).toUpperCase() + key.slice(1),
            default: preview[key],
          };
  }
  return schema;
}

function ThemeForm({ onOpenChange, theme, themes }: ThemeFormDialogProps) {
  const editing = !!theme;
  const toast = useToast();
  const create = useCreateTheme();
  const update = useUpdateTheme();
  const mutation = editing ? update : create;
  const [name, setName] = useState(theme?.name ?? '');
  const [key, setKey] = useState(theme?.key ?? '');
  const [keyEdited, setKeyEdited] = useState(editing);
  const [description, setDescription] = useState(theme?.description ?? '');
  const [baseKey, setBaseKey] = useState(
    themes.find((t) => t.isSystem)?.key ?? themes[0]?.key ?? '',
  );
  const [preview, setPreview] = useState<ThemePreview>(
    theme?.preview ?? {
      primary: '#4f46e5',
      secondary: '#0f172a',
      accent: '#f59e0b',
      background: '#ffffff',
      text: '#0f172a',
      layout: 'full-bleed hero',
    },
  );
  const [errors, setErrors] = useState<Errors>({});

  const setColor = (k: (typeof COLOR_KEYS)[number], value: string) => {
    setPreview((p) => ({ ...p, [k]: value }));
    setErrors((e) => ({ ...e, [`preview.${k}`]: undefined }));
  };

  const validate = (): Errors => {
    const found: Errors = {};
    if (!name.trim()) found.name = 'Enter a name.';
    if (!editing && !ThemeKey.safeParse(key).success)
      found.key = 'Use 2–40 lowercase letters, digits and dashes, starting with a letter.';
    for (const k of COLOR_KEYS)
      if (!HEX.test(preview[k])) found[`preview.${k}`] = 'Use a #rrggbb color.';
    if (!preview.layout.trim()) found['preview.layout'] = 'Describe the layout in a few words.';
    return found;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length) return;
    const onError = (error: unknown) => {
      if (isApiError(error) && Object.keys(error.fieldErrors).length)
        setErrors({ ...error.fieldErrors });
      else setErrors({ form: isApiError(error) ? error.message : 'Something went wrong.' });
    };
    const onSuccess = () => {
      toast({
        tone: 'success',
        title: editing ? 'Theme saved' : 'Theme created',
        description: name.trim(),
      });
      onOpenChange(false);
    };
    if (theme) {
      update.mutate(
        {
          id: theme.id,
          body: {
            name: name.trim(),
            description: description.trim(),
            preview,
            configSchema: schemaFrom(theme, preview),
          },
        },
        { onSuccess, onError },
      );
    } else {
      const base = themes.find((t) => t.key === baseKey);
      create.mutate(
        {
          key,
          name: name.trim(),
          description: description.trim(),
          preview,
          configSchema: schemaFrom(base, preview),
          baseTheme: base?.key,
        },
        { onSuccess, onError },
      );
    }
  };

  return (
    <CatalogFormContent
      formId="theme-form"
      title={editing ? `Edit ${theme.name}` : 'New theme'}
      description={
        editing
          ? 'Changes apply to stores activated from now on.'
          : 'Start from an existing theme’s templates and give it its own look.'
      }
      pending={mutation.isPending}
      submitLabel={editing ? 'Save changes' : 'Create theme'}
    >
      <form
        id="theme-form"
        onSubmit={submit}
        noValidate
        className="grid gap-6 md:grid-cols-[1fr_14rem]"
      >
        <div className="space-y-4">
          {errors.form && <Alert tone="danger">{errors.form}</Alert>}
          <Field label="Name" error={errors.name} required>
            <Input
              value={name}
              maxLength={80}
              onChange={(e) => {
                setName(e.target.value);
                if (!keyEdited) setKey(slugify(e.target.value));
                setErrors((x) => ({ ...x, name: undefined }));
              }}
            />
          </Field>
          {!editing && (
            <div className="grid gap-4 sm:grid-cols-2">
              <Field
                label="Key"
                error={errors.key}
                required
                hint="Used in URLs and the API; cannot change."
              >
                <Input
                  value={key}
                  spellCheck={false}
                  onChange={(e) => {
                    setKeyEdited(true);
                    setKey(e.target.value.toLowerCase());
                    setErrors((x) => ({ ...x, key: undefined }));
                  }}
                />
              </Field>
              <Field
                label="Templates from"
                error={errors.baseTheme}
                hint="Liquid templates are copied."
              >
                <Select
                  value={baseKey}
                  onChange={(e) => setBaseKey(e.target.value)}
                  options={themes.map((t) => ({ value: t.key, label: t.name }))}
                />
              </Field>
            </div>
          )}
          <Field label="Description" error={errors.description}>
            <Textarea
              value={description}
              maxLength={500}
              rows={3}
              onChange={(e) => setDescription(e.target.value)}
            />
          </Field>
          <fieldset>
            <legend className="mb-2 text-sm font-medium text-fg">Colors</legend>
            <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
              {COLOR_KEYS.map((k) => (
                <Field
                  key={k}
                  label={k.charAt(0).toUpperCase() + k.slice(1)}
                  error={errors[`preview.${k}`]}
                >
                  <Input
                    value={preview[k]}
                    spellCheck={false}
                    className="font-mono"
                    onChange={(e) => setColor(k, e.target.value)}
                  />
                </Field>
              ))}
            </div>
          </fieldset>
          <Field
            label="Layout"
            error={errors['preview.layout']}
            hint="A few words shown on theme cards, e.g. “centered boutique”."
          >
            <Input
              value={preview.layout}
              maxLength={40}
              onChange={(e) => setPreview((p) => ({ ...p, layout: e.target.value }))}
            />
          </Field>
        </div>
        <div className="space-y-2">
          <p className="text-sm font-medium text-fg">Preview</p>
          <ThemePreviewSketch
            preview={HEX_OK(preview) ? preview : { ...preview, ...fallbackColors(preview) }}
          />
          <div className="flex gap-2">
            {COLOR_KEYS.map((k) => (
              <label
                key={k}
                className="relative size-8 cursor-pointer overflow-hidden rounded-lg border border-border shadow-sm"
                title={`Pick ${k}`}
              >
                <span
                  className="absolute inset-0"
                  style={{ background: HEX.test(preview[k]) ? preview[k] : '#ffffff' }}
                />
                <input
                  type="color"
                  aria-label={`Pick ${k} color`}
                  value={HEX.test(preview[k]) ? preview[k] : '#ffffff'}
                  onChange={(e) => setColor(k, e.target.value)}
                  className="absolute inset-0 cursor-pointer opacity-0"
                />
              </label>
            ))}
          </div>
        </div>
      </form>
    </CatalogFormContent>
  );
}

const HEX_OK = (p: ThemePreview) => COLOR_KEYS.every((k) => HEX.test(p[k]));
const fallbackColors = (p: ThemePreview) =>
  Object.fromEntries(
    COLOR_KEYS.map((k) => [k, HEX.test(p[k]) ? p[k] : '#e5e7eb']),
  ) as Partial<ThemePreview>;
