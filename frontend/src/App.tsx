import { useState } from 'react';
import { useApi } from './api';
import { AppShell, type NavItem } from './components/shell/AppShell';
import { StatusBarContent } from './components/shell/StatusBar';
import { PortfolioScreen } from './features/portfolio/PortfolioScreen';
import { ImportsScreen } from './features/imports/ImportsScreen';
import { BreachesScreen } from './features/breaches/BreachesScreen';
import { ExceptionsScreen } from './features/exceptions/ExceptionsScreen';
import { useTheme } from './state/theme';
import { WorkspaceProvider, useWorkspace } from './state/workspace';

const NAV: NavItem[] = [
  { id: 'portfolio', label: 'Portfolio', icon: 'portfolio' },
  { id: 'imports', label: 'Imports', icon: 'imports' },
  { id: 'breaches', label: 'Breaches', icon: 'breaches' },
  { id: 'exceptions', label: 'Exceptions', icon: 'exceptions' },
  { id: 'review', label: 'Review pack', icon: 'review', disabled: true },
  { id: 'definitions', label: 'Definitions', icon: 'definitions', disabled: true },
  { id: 'audit', label: 'Audit', icon: 'audit', disabled: true },
];

export function App() {
  return (
    <WorkspaceProvider>
      <Shell />
    </WorkspaceProvider>
  );
}

function Shell() {
  const api = useApi();
  const { state, reload } = useWorkspace();
  const { theme, toggle } = useTheme();
  const [screen, setScreen] = useState('portfolio');
  return (
    <AppShell
      nav={NAV}
      current={screen}
      onNavigate={setScreen}
      version={state.overview?.version}
      mode={api.mode}
      theme={theme}
      onToggleTheme={toggle}
      onReload={reload}
      reloading={state.status === 'loading'}
      status={<StatusBarContent state={state} />}
    >
      {screen === 'portfolio' && <PortfolioScreen theme={theme} />}
      {screen === 'imports' && <ImportsScreen />}
      {screen === 'breaches' && <BreachesScreen theme={theme} />}
      {screen === 'exceptions' && <ExceptionsScreen />}
    </AppShell>
  );
}
