import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { loadRuntimeConfig } from './lib/runtime-config.js';
import './styles.css';

// The API location comes from /config.json; load it before the first request is made.
void loadRuntimeConfig().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
