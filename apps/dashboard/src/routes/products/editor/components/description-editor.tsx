/**
 * The description as HTML in a textarea with a few formatting buttons that wrap the
 * selection (bold, italic, list, link). No editor dependency: the server sanitises the HTML
 * to simple formatting and links, which is all these buttons produce.
 */
import { Button, Textarea } from '@orbit360/ui';
import { Bold, Italic, Link2, List } from 'lucide-react';
import { useRef } from 'react';

const FORMATS = [
  { label: 'Bold', icon: Bold, wrap: (t: string) => `<strong>${t || 'bold text'}</strong>` },
  { label: 'Italic', icon: Italic, wrap: (t: string) => `<em>${t || 'italic text'}</em>` },
  {
    label: 'Bulleted list',
    icon: List,
    wrap: (t: string) =>
      `<ul>\n${(t || 'item')
        .split('\n')
        .map((line) => `  <li>${line}</li>`)
        .join('\n')}\n</ul>`,
  },
  {
    label: 'Link',
    icon: Link2,
    wrap: (t: string) => `<a href="https://">${t || 'link text'}</a>`,
  },
] as const;

export function DescriptionEditor({
  id,
  value,
  onChange,
  ...aria
}: {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const apply = (wrap: (text: string) => string) => {
    const area = ref.current;
    if (!area) return;
    const { selectionStart: start, selectionEnd: end } = area;
    onChange(value.slice(0, start) + wrap(value.slice(start, end)) + value.slice(end));
    requestAnimationFrame(() => area.focus());
  };
  return (
    <div className="rounded-lg border border-border">
      <div
        className="flex gap-1 border-b border-border px-2 py-1"
        role="toolbar"
        aria-label="Formatting"
      >
        {FORMATS.map(({ label, icon: Icon, wrap }) => (
          <Button
            key={label}
            type="button"
            variant="ghost"
            size="icon"
            aria-label={label}
            onClick={() => apply(wrap)}
          >
            <Icon />
          </Button>
        ))}
      </div>
      <Textarea
        ref={ref}
        id={id}
        {...aria}
        rows={6}
        className="rounded-t-none border-0 font-mono text-xs shadow-none"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
