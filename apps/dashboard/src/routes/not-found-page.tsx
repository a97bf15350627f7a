import { Button, EmptyState } from '@orbit360/ui';
import { Compass } from 'lucide-react';
import { Link } from 'react-router-dom';
import { AuthLayout } from '../components/auth-layout.js';
import { useDocumentTitle } from '../lib/use-document-title.js';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <AuthLayout title="Page not found">
      <EmptyState
        className="py-4"
        icon={<Compass />}
        title="There is nothing at this address"
        description="The link may be mistyped or out of date."
        action={
          <Button asChild>
            <Link to="/">Go to your dashboard</Link>
          </Button>
        }
      />
    </AuthLayout>
  );
}
