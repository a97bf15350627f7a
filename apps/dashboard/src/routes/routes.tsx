import type { RouteObject } from 'react-router-dom';
import { DashboardLayout } from '../components/dashboard-layout.js';
import { RequireSession } from '../components/require-session.js';
import { CollectionEditorPage } from './collections/editor/collection-editor-page.js';
import { CollectionsListPage } from './collections/list/collections-list-page.js';
import { ApplyPage } from './apply/apply-page.js';
import { ForgotPasswordPage } from './auth/forgot-password/forgot-password-page.js';
import { LoginPage } from './auth/login/login-page.js';
import { SetPasswordPage } from './auth/set-password/set-password-page.js';
import { NotFoundPage } from './not-found-page.js';
import { OverviewPage } from './overview/home/overview-page.js';
import { ProductEditorPage } from './products/editor/product-editor-page.js';
import { ProductsListPage } from './products/list/products-list-page.js';
import { StoreSettingsPage } from './settings/store/store-settings-page.js';

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/apply', element: <ApplyPage /> },
  { path: '/set-password', element: <SetPasswordPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <DashboardLayout />,
        children: [
          { index: true, element: <OverviewPage /> },
          { path: 'products', element: <ProductsListPage /> },
          { path: 'products/new', element: <ProductEditorPage /> },
          { path: 'products/:id', element: <ProductEditorPage /> },
          { path: 'collections', element: <CollectionsListPage /> },
          { path: 'collections/new', element: <CollectionEditorPage /> },
          { path: 'collections/:id', element: <CollectionEditorPage /> },
          { path: 'settings', element: <StoreSettingsPage /> },
        ],
      },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
];
