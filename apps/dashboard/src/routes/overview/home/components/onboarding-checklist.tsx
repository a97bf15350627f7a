import { Card, CardContent, CardHeader, EmptyState, Progress, cn } from '@orbit360/ui';
import { CheckCircle2, Circle, ListChecks } from 'lucide-react';
import type { MerchantOverview } from '@orbit360/contracts';
import { Link } from 'react-router-dom';

/** Where a task is done in the dashboard (tasks without a screen yet show as text). */
const TASK_LINKS: Record<string, string> = {
  add_product: '/products/new',
};

function TaskLabel({ task }: { task: MerchantOverview['onboarding']['tasks'][number] }) {
  const label = (
    <>
      {task.label}
      <span className="sr-only">{task.isDone ? ' (done)' : ' (to do)'}</span>
    </>
  );
  const to = TASK_LINKS[task.key];
  return to && !task.isDone ? (
    <Link to={to} className="hover:text-brand-700 hover:underline">
      {label}
    </Link>
  ) : (
    label
  );
}

export function OnboardingChecklist({
  onboarding,
}: {
  onboarding: MerchantOverview['onboarding'];
}) {
  const { completed, total, tasks } = onboarding;
  const percent = total === 0 ? 0 : Math.round((completed / total) * 100);
  return (
    <Card data-testid="onboarding-checklist">
      <CardHeader
        title="Get your store ready"
        description={
          total === 0
            ? 'Your checklist appears once your store is set up.'
            : `${completed} of ${total} tasks done`
        }
      />
      <CardContent className="space-y-4">
        {total === 0 ? (
          <EmptyState
            className="py-6"
            icon={<ListChecks />}
            title="No tasks yet"
            description="We add your onboarding tasks while we set up your store."
          />
        ) : (
          <>
            <Progress
              value={percent}
              tone={percent === 100 ? 'green' : 'brand'}
              label="Onboarding progress"
            />
            <ul className="divide-y divide-border">
              {tasks.map((task) => (
                <li key={task.key} className="flex items-start gap-3 py-3" data-done={task.isDone}>
                  {task.isDone ? (
                    <CheckCircle2 aria-hidden className="mt-0.5 size-5 shrink-0 text-emerald-600" />
                  ) : (
                    <Circle aria-hidden className="mt-0.5 size-5 shrink-0 text-gray-300" />
                  )}
                  <div className="min-w-0">
                    <p
                      className={cn(
                        'text-sm font-medium',
                        task.isDone ? 'text-fg-muted line-through decoration-gray-300' : 'text-fg',
                      )}
                    >
                      <TaskLabel task={task} />
                    </p>
                    {task.description && (
                      <p className="mt-0.5 text-xs text-fg-subtle">{task.description}</p>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </CardContent>
    </Card>
  );
}
