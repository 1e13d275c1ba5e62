import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { listenToMenuCommands } from './app/menu-commands';
import './styles/base.css';
import './styles/shell.css';
import './styles/grid.css';
import './styles/views.css';
import './styles/imports.css';
import './styles/reports.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
listenToMenuCommands();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
