/**
 * Up to three options (Size, Color…), each a name and its values as chips. A value is added
 * on Enter, comma or leaving the field — not per keystroke — so the variants grid is rebuilt
 * only for whole values and never loses a row to a half-typed one.
 */
import { Button, Field, Input } from '@orbit360/ui';
import { Plus, Trash2, X } from 'lucide-react';
import { useState, type KeyboardEvent } from 'react';
import type { FormErrors } from '../product-form.js';
import { MAX_OPTIONS } from '../product-form.js';
import { parseValues, type OptionDraft } from '../variants-grid.js';

function ValuesInput({
  option,
  index,
  error,
  onValuesChange,
}: {
  option: OptionDraft;
  index: number;
  error?: string;
  onValuesChange: (values: string[]) => void;
}) {
  const [draft, setDraft] = useState('');
  const commit = () => {
    const added = parseValues(draft).filter((v) => !option.values.includes(v));
    setDraft('');
    if (added.length > 0) onValuesChange([...option.values, ...added]);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && draft === '' && option.values.length > 0) {
      onValuesChange(option.values.slice(0, -1));
    }
  };
  const label = option.name.trim() || `option ${index + 1}`;
  return (
    <div className="space-y-2">
      <Field
        label={`Values of ${label}`}
        error={error}
        hint="Press Enter or comma after each value"
      >
        <Input
          placeholder="e.g. Small, Medium"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={commit}
        />
      </Field>
      {option.values.length > 0 && (
        <ul className="flex flex-wrap gap-1.5" aria-label={`${label} values`}>
          {option.values.map((value) => (
            <li
              key={value}
              className="inline-flex items-center gap-1 rounded-full bg-gray-100 py-0.5 pr-1 pl-2.5 text-sm"
            >
              {value}
              <button
                type="button"
                aria-label={`Remove ${value}`}
                className="rounded-full p-0.5 text-fg-subtle hover:bg-gray-200 hover:text-fg"
                onClick={() => onValuesChange(option.values.filter((v) => v !== value))}
              >
                <X className="size-3" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function OptionsEditor({
  options,
  errors,
  onChange,
}: {
  options: OptionDraft[];
  errors: FormErrors;
  onChange: (options: OptionDraft[]) => void;
}) {
  const set = (index: number, patch: Partial<OptionDraft>) =>
    onChange(options.map((o, i) => (i === index ? { ...o, ...patch } : o)));
  return (
    <div className="space-y-4" data-testid="options-editor">
      {options.map((option, i) => (
        <fieldset
          key={i}
          className="grid gap-3 rounded-lg border border-border p-3 sm:grid-cols-[12rem_1fr_auto]"
        >
          <legend className="sr-only">Option {i + 1}</legend>
          <Field label={`Option ${i + 1} name`} error={errors[`options.${i}.name`]}>
            <Input
              value={option.name}
              placeholder="Size"
              onChange={(e) => set(i, { name: e.target.value })}
            />
          </Field>
          <ValuesInput
            option={option}
            index={i}
            error={errors[`options.${i}.values`]}
            onValuesChange={(values) => set(i, { values })}
          />
          <Button
            type="button"
            variant="ghost"
            size="icon"
            className="self-start sm:mt-6"
            aria-label={`Remove option ${option.name || i + 1}`}
            onClick={() => onChange(options.filter((_, j) => j !== i))}
          >
            <Trash2 />
          </Button>
        </fieldset>
      ))}
      {options.length < MAX_OPTIONS && (
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() => onChange([...options, { name: '', values: [] }])}
        >
          <Plus /> Add option
        </Button>
      )}
    </div>
  );
}
