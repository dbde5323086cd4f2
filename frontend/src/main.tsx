import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider, defaultApi } from './api';
import { App } from './App';
import { applyStoredTheme } from './state/theme';
import './styles/app.css';

applyStoredTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider api={defaultApi()}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
