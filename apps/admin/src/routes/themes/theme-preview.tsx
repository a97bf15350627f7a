import type { ThemePreview } from '@orbit360/contracts';
import { cn } from '@orbit360/ui';

type Variant = 'hero' | 'centered' | 'airy';

function variantOf(layout: string): Variant {
  const word = layout.toLowerCase();
  if (word.includes('center') || word.includes('boutique')) return 'centered';
  if (word.includes('airy') || word.includes('minimal') || word.includes('editorial'))
    return 'airy';
  return 'hero';
}

/**
 * A miniature storefront drawn from a theme's preview colors and layout word: header, hero and
 * a product grid, arranged the way the theme lays them out. Decorative (aria-hidden).
 */
export function ThemePreviewSketch({
  preview,
  className,
}: {
  preview: ThemePreview;
  className?: string;
}) {
  const variant = variantOf(preview.layout);
  const bar = (w: string, color: string, h = 'h-1') => (
    <span className={cn('block rounded-full', w, h)} style={{ background: color }} />
  );
  return (
    <div
      aria-hidden
      className={cn(
        'relative aspect-[16/10] w-full overflow-hidden rounded-lg border border-black/5',
        className,
      )}
      style={{ background: preview.background }}
    >
      {/* header */}
      <div
        className={cn(
          'flex h-[14%] items-center gap-2 px-[6%]',
          variant === 'centered' ? 'justify-center' : 'justify-between',
        )}
        style={{ borderBottom: `1px solid ${preview.text}14` }}
      >
        {variant === 'centered' ? (
          bar('w-[22%]', preview.primary, 'h-1.5')
        ) : (
          <>
            {bar('w-[18%]', preview.primary, 'h-1.5')}
            <span className="flex gap-1.5">
              {bar('w-3', `${preview.text}55`)}
              {bar('w-3', `${preview.text}55`)}
              {bar('w-3', `${preview.text}55`)}
            </span>
          </>
        )}
      </div>
      {/* hero */}
      {variant === 'hero' && (
        <div
          className="flex h-[38%] flex-col justify-center gap-1.5 px-[6%]"
          style={{ background: preview.secondary }}
        >
          {bar('w-[45%]', '#ffffff', 'h-2')}
          {bar('w-[30%]', '#ffffff99')}
          <span
            className="mt-1 block h-2.5 w-[16%] rounded-sm"
            style={{ background: preview.accent }}
          />
        </div>
      )}
      {variant === 'centered' && (
        <div
          className="mx-[8%] mt-[4%] flex h-[30%] flex-col items-center justify-center gap-1.5 rounded-sm"
          style={{ border: `1px solid ${preview.primary}40`, background: `${preview.accent}14` }}
        >
          {bar('w-[40%]', preview.primary, 'h-2')}
          {bar('w-[26%]', `${preview.text}66`)}
        </div>
      )}
      {variant === 'airy' && (
        <div className="flex h-[30%] flex-col justify-center gap-1.5 px-[10%]">
          {bar('w-[50%]', preview.text, 'h-2')}
          {bar('w-[30%]', `${preview.secondary}99`)}
        </div>
      )}
      {/* product grid */}
      <div
        className={cn(
          'absolute inset-x-0 bottom-0 grid',
          variant === 'airy'
            ? 'h-[36%] grid-cols-3 gap-[5%] px-[10%] pb-[5%]'
            : 'h-[38%] grid-cols-4 gap-[3%] px-[6%] pb-[5%]',
        )}
      >
        {Array.from({ length: variant === 'airy' ? 3 : 4 }, (_, i) => (
          <span key={i} className="flex flex-col gap-1">
            <span
              className="block flex-1 rounded-sm"
              style={{
                background: i % 2 ? `${preview.primary}26` : `${preview.secondary}1f`,
                outline: variant === 'centered' ? `1px solid ${preview.primary}33` : undefined,
              }}
            />
            <span
              className="block h-1 w-2/3 rounded-full"
              style={{ background: `${preview.text}55` }}
            />
          </span>
        ))}
      </div>
    </div>
  );
}

export function ColorSwatches({ preview }: { preview: ThemePreview }) {
  const colors = [
    preview.primary,
    preview.secondary,
    preview.accent,
    preview.background,
    preview.text,
  ];
  return (
    <span className="flex -space-x-1" aria-label={`Colors ${colors.join(', ')}`} role="img">
      {colors.map((c, i) => (
        <span
          key={i}
          className="size-4 rounded-full border-2 border-white shadow-sm ring-1 ring-black/10"
          style={{ background: c }}
        />
      ))}
    </span>
  );
}
