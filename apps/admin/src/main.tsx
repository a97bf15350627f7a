import { loadRuntimeConfig } from '@orbit360/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import './index.css';

const config = await loadRuntimeConfig('admin');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App config={config} />
  </StrictMode>,
);
