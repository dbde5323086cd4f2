import { useEffect, type ReactNode } from 'react';
import { useApi } from './api';
import { AppShell, type NavItem } from './components/shell/AppShell';
import { StatusBarContent } from './components/shell/StatusBar';
import { DashboardScreen } from './features/portfolio/DashboardScreen';
import { SltDetailScreen } from './features/slt/SltDetailScreen';
import { RowsScreen } from './features/drilldown/RowsScreen';
import { ImportsScreen } from './features/imports/ImportsScreen';
import { BreachesScreen } from './features/breaches/BreachesScreen';
import { ExceptionsScreen } from './features/exceptions/ExceptionsScreen';
import { PackScreen } from './features/pack/PackScreen';
import { DefinitionsScreen } from './features/definitions/DefinitionsScreen';
import { AuditScreen } from './features/audit/AuditScreen';
import { type Route, useRoute } from './state/route';
import { type Theme, useTheme } from './state/theme';
import { WorkspaceProvider, useWorkspace } from './state/workspace';

interface Ctx {
  route: Route;
  theme: Theme;
}

/**
 * The screens, one line each. `nav` screens are in the left navigation (in
 * this order; without `render` they show greyed out as "coming"); a screen
 * with `parent` lights up its parent's navigation item.
 */
interface Screen {
  id: string;
  label: string;
  icon?: NavItem['icon'];
  parent?: string;
  render?: (c: Ctx) => ReactNode;
}

const SCREENS: Screen[] = [
  { id: 'portfolio', label: 'Portfolio', icon: 'portfolio', render: (c) => <DashboardScreen service={c.route.parts[0]} theme={c.theme} /> },
  { id: 'slt', label: 'SLT', parent: 'portfolio', render: (c) => (c.route.parts[1] ? <RowsScreen slt={c.route.parts[0]} period={c.route.parts[1]} tier={c.route.query.tier} /> : <SltDetailScreen slt={c.route.parts[0]} tier={c.route.query.tier} theme={c.theme} />) },
  { id: 'imports', label: 'Imports', icon: 'imports', render: () => <ImportsScreen /> },
  { id: 'breaches', label: 'Breaches', icon: 'breaches', render: (c) => <BreachesScreen theme={c.theme} /> },
  { id: 'exceptions', label: 'Exceptions', icon: 'exceptions', render: () => <ExceptionsScreen /> },
  { id: 'review', label: 'Review pack', icon: 'review', render: () => <PackScreen /> },
  { id: 'definitions', label: 'Definitions', icon: 'definitions', render: () => <DefinitionsScreen /> },
  { id: 'audit', label: 'Audit', icon: 'audit', render: () => <AuditScreen /> },
];

const NAV: NavItem[] = SCREENS.filter((s) => s.icon).map((s) => ({ id: s.id, label: s.label, icon: s.icon!, disabled: !s.render }));

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
  const { route, navigate } = useRoute();
  const screen = SCREENS.find((s) => s.id === route.screen && s.render) ?? SCREENS[0];
  // A new screen starts at its top; focus moves to the content for keyboard and screen-reader users.
  const key = `${screen.id}/${route.parts.join('/')}`;
  useEffect(() => {
    const main = document.getElementById('main');
    if (main) main.scrollTop = 0;
  }, [key]);
  return (
    <AppShell
      nav={NAV}
      current={screen.parent ?? screen.id}
      onNavigate={(id) => navigate(`#/${id}`)}
      version={state.overview?.version}
      mode={api.mode}
      theme={theme}
      onToggleTheme={toggle}
      onReload={reload}
      reloading={state.status === 'loading'}
      status={<StatusBarContent state={state} />}
    >
      {screen.render?.({ route, theme })}
    </AppShell>
  );
}
