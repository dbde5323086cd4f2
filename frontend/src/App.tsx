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
import { UsersScreen } from './features/users/UsersScreen';
import { ActionsScreen } from './features/loop/ActionsScreen';
import { RcaScreen } from './features/loop/RcaScreen';
import { MeetingsScreen } from './features/loop/MeetingsScreen';
import { ImprovementsScreen } from './features/loop/ImprovementsScreen';
import { OutboxScreen } from './features/loop/OutboxScreen';
import { ApprovalsScreen } from './features/loop/ApprovalsScreen';
import { SuppliersScreen } from './features/supply/SuppliersScreen';
import { DesignScreen } from './features/supply/DesignScreen';
import { CMDBScreen } from './features/supply/CMDBScreen';
import { CalibrationScreen } from './features/foresight/CalibrationScreen';
import { SignIn } from './components/shell/SignIn';
import { type Route, useRoute } from './state/route';
import { type Theme, useTheme } from './state/theme';
import { WorkspaceProvider, useWorkspace } from './state/workspace';
import { SessionProvider, useSession } from './state/session';

interface Ctx {
  route: Route;
  theme: Theme;
}

/**
 * The screens, one line each. `nav` screens are in the left navigation (in
 * this order; without `render` they show greyed out as "coming"); a screen
 * with `parent` lights up its parent's navigation item. `needs` is the API
 * method a screen cannot work without: a screen the signed-in role may not
 * use is not offered.
 */
interface Screen {
  id: string;
  label: string;
  icon?: NavItem['icon'];
  parent?: string;
  needs: string;
  render?: (c: Ctx) => ReactNode;
}

const SCREENS: Screen[] = [
  { id: 'portfolio', label: 'Portfolio', icon: 'portfolio', needs: 'Compliance/Dashboard', render: (c) => <DashboardScreen service={c.route.parts[0]} theme={c.theme} /> },
  { id: 'slt', label: 'SLT', parent: 'portfolio', needs: 'Analysis/SLT', render: (c) => (c.route.parts[1] ? <RowsScreen slt={c.route.parts[0]} period={c.route.parts[1]} tier={c.route.query.tier} /> : <SltDetailScreen slt={c.route.parts[0]} tier={c.route.query.tier} theme={c.theme} />) },
  { id: 'imports', label: 'Imports', icon: 'imports', needs: 'Imports/Feeds', render: () => <ImportsScreen /> },
  { id: 'breaches', label: 'Breaches', icon: 'breaches', needs: 'Compliance/Breaches', render: (c) => <BreachesScreen theme={c.theme} /> },
  { id: 'exceptions', label: 'Exceptions', icon: 'exceptions', needs: 'Exceptions/List', render: () => <ExceptionsScreen /> },
  { id: 'approvals', label: 'Four eyes', icon: 'approvals', needs: 'Approvals/List', render: () => <ApprovalsScreen /> },
  { id: 'actions', label: 'Actions', icon: 'actions', needs: 'Actions/List', render: (c) => <ActionsScreen key={c.route.query.view ?? ''} prefill={c.route.query} search={c.route.query.q} view={c.route.query.view === 'board' ? 'board' : 'list'} /> },
  { id: 'rca', label: 'Root causes', icon: 'rca', needs: 'RCAs/List', render: (c) => <RcaScreen id={c.route.parts[0]} /> },
  { id: 'meetings', label: 'Meetings', icon: 'meetings', needs: 'Meetings/Agenda', render: (c) => <MeetingsScreen scope={c.route.query.scope} date={c.route.query.date} /> },
  { id: 'improvements', label: 'Improvements', icon: 'improvements', needs: 'Improvements/List', render: (c) => <ImprovementsScreen id={c.route.parts[0]} theme={c.theme} /> },
  { id: 'suppliers', label: 'Suppliers', icon: 'suppliers', needs: 'Suppliers/Check', render: (c) => <SuppliersScreen key={c.route.parts[0] ?? ''} supplier={c.route.parts[0]} /> },
  { id: 'design', label: 'Service design', icon: 'design', needs: 'Design/Capacity', render: () => <DesignScreen /> },
  { id: 'cmdb', label: 'CMDB', icon: 'cmdb', needs: 'CMDB/List', render: () => <CMDBScreen /> },
  { id: 'review', label: 'Review pack', icon: 'review', needs: 'Packs/List', render: () => <PackScreen /> },
  { id: 'calibration', label: 'Calibration', icon: 'calibration', needs: 'Foresight/CalibratedFeeds', render: (c) => <CalibrationScreen feed={c.route.parts[0]} from={c.route.query.from} to={c.route.query.to} /> },
  { id: 'definitions', label: 'Definitions', icon: 'definitions', needs: 'Workspace/Definitions', render: () => <DefinitionsScreen /> },
  { id: 'audit', label: 'Audit', icon: 'audit', needs: 'Audit/Log', render: () => <AuditScreen /> },
  { id: 'outbox', label: 'ITSM outbox', icon: 'outbox', needs: 'Integrations/Outbox', render: () => <OutboxScreen /> },
  { id: 'users', label: 'Users', icon: 'users', needs: 'Users/List', render: () => <UsersScreen /> },
];

export function App() {
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}

/** Who is signed in decides what loads: without a working token, the sign-in form. */
function Gate() {
  const session = useSession();
  if (session.state.status === 'loading') return null;
  if (session.state.status === 'error') return <SignIn error={session.state.error} onSignedIn={session.reload} />;
  return (
    <WorkspaceProvider>
      <Shell />
    </WorkspaceProvider>
  );
}

function Shell() {
  const api = useApi();
  const { me, can } = useSession();
  const { state, reload } = useWorkspace();
  const { theme, toggle } = useTheme();
  const { route, navigate } = useRoute();
  const screens = SCREENS.filter((s) => can(s.needs));
  const nav: NavItem[] = screens.filter((s) => s.icon).map((s) => ({ id: s.id, label: s.label, icon: s.icon!, disabled: !s.render }));
  const screen = screens.find((s) => s.id === route.screen && s.render) ?? screens.find((s) => s.render);
  // A new screen starts at its top; focus moves to the content for keyboard and screen-reader users.
  const key = `${screen?.id}/${route.parts.join('/')}`;
  useEffect(() => {
    const main = document.getElementById('main');
    if (main) main.scrollTop = 0;
  }, [key]);
  return (
    <AppShell
      nav={nav}
      current={screen ? (screen.parent ?? screen.id) : ''}
      onNavigate={(id) => navigate(`#/${id}`)}
      version={state.overview?.version}
      mode={api.mode}
      theme={theme}
      onToggleTheme={toggle}
      onReload={reload}
      reloading={state.status === 'loading'}
      status={<StatusBarContent state={state} />}
      user={me ?? undefined}
    >
      {screen?.render?.({ route, theme }) ?? <p className="muted">Your role ({me?.role}) has no screen here.</p>}
    </AppShell>
  );
}
