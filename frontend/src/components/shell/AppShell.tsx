// The window frame: header, left navigation, content, status bar.
import type { ReactNode } from 'react';
import { Icon, type IconName } from '../ui/Icon';
import { Button } from '../ui/Button';
import type { Theme } from '../../state/theme';

export interface NavItem {
  id: string;
  label: string;
  icon: IconName;
  /** Not built yet: shown greyed out, not focusable. */
  disabled?: boolean;
}

export function AppShell({
  nav,
  current,
  onNavigate,
  version,
  mode,
  theme,
  onToggleTheme,
  onReload,
  reloading,
  status,
  user,
  children,
}: {
  nav: NavItem[];
  current: string;
  onNavigate: (id: string) => void;
  version?: string;
  mode: 'desktop' | 'browser';
  theme: Theme;
  onToggleTheme: () => void;
  onReload: () => void;
  reloading: boolean;
  status: ReactNode;
  /** Who is signed in: name and role (a supplier's: for which supplier). */
  user?: { name: string; role: string; supplier?: string };
  children: ReactNode;
}) {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="brand">
          <svg className="brand__mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <rect x="2" y="2" width="20" height="20" rx="5" />
            <path d="M7 15.5l3.2-3.6 2.8 2.4L17 8.5" />
          </svg>
          <span className="brand__name">Slate</span>
          {version && (
            <span className="brand__version" aria-label={`version ${version}`}>
              v{version.replace(/^v/, '')}
            </span>
          )}
        </div>
        <div className="topbar__actions">
          {user && (
            <span className="whoami" title={`Signed in as ${user.name}: role ${user.role}${user.supplier ? ` for ${user.supplier}` : ''}`} data-testid="whoami">
              <Icon name="users" size={14} />
              <span className="whoami__name">{user.name}</span>
              <span className="whoami__role">{user.role}{user.supplier ? ` · ${user.supplier}` : ''}</span>
            </span>
          )}
          <span className="mode" title={mode === 'desktop' ? 'Running in the Slate window' : 'Connected to slate serve'}>
            {mode === 'desktop' ? 'Desktop' : 'Browser'}
          </span>
          <Button
            variant="ghost"
            icon="refresh"
            onClick={onReload}
            disabled={reloading}
            aria-label="Reload workspace"
            title="Reload workspace"
          />
          <Button
            variant="ghost"
            icon={theme === 'dark' ? 'sun' : 'moon'}
            onClick={onToggleTheme}
            aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
            title={theme === 'dark' ? 'Light theme' : 'Dark theme'}
          />
        </div>
      </header>
      <nav className="sidebar" aria-label="Main">
        <ul className="nav">
          {nav.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className={`nav__item${item.id === current ? ' is-current' : ''}`}
                aria-current={item.id === current ? 'page' : undefined}
                disabled={item.disabled}
                title={item.disabled ? `${item.label}: coming in a later version` : undefined}
                onClick={() => onNavigate(item.id)}
              >
                <Icon name={item.icon} />
                <span className="nav__label">{item.label}</span>
                {item.disabled && <span className="nav__hint">coming</span>}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        {children}
      </main>
      <footer className="statusbar">{status}</footer>
    </div>
  );
}
