// Shown when the server does not accept this tab's token (none, wrong or
// revoked): the person pastes the token an administrator gave them. The token
// stays in this tab only (sessionStorage), as one taken from the link does.
import { useState } from 'react';
import { ApiError } from '../../api';
import { readToken, storeToken } from '../../api/token';
import { Actions, Button, Field, Notice } from '../../features/imports/controls';

export function SignIn({ error, onSignedIn }: { error: Error; onSignedIn: () => void }) {
  const [token, setToken] = useState('');
  const unauthorised = error instanceof ApiError && (error.status === 401 || error.status === 403);
  const tried = unauthorised && !!readToken();
  return (
    <main className="signin card panel" aria-labelledby="signin-title">
      <h1 className="panel__title" id="signin-title">
        {unauthorised ? 'Sign in to Slate' : 'Slate cannot be reached'}
      </h1>
      {unauthorised ? (
        <>
          <p className="panel__sub">
            This page needs the link that <code>slate serve</code> printed when it started (<code>{window.location.origin}/#token=…</code>):
            open that link in this browser, or paste the token your administrator gave you (<code>slate user add</code> makes one). It is
            kept in this tab only.
          </p>
          {tried && (
            <Notice tone="error" title="The token was not accepted">
              It is wrong, or it was revoked. Ask your administrator for a new one.
            </Notice>
          )}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!token.trim()) return;
              storeToken(token.trim());
              onSignedIn();
            }}
            aria-labelledby="signin-title"
          >
            <Field label="Token">{(p) => <input {...p} className="input mono" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />}</Field>
            <Actions>
              <Button type="submit" variant="primary" disabled={!token.trim()}>
                Sign in
              </Button>
            </Actions>
          </form>
        </>
      ) : (
        <>
          <Notice tone="error" title="The Slate server did not answer">
            {error.message}
          </Notice>
          <Actions>
            <Button onClick={onSignedIn}>Try again</Button>
          </Actions>
        </>
      )}
    </main>
  );
}
