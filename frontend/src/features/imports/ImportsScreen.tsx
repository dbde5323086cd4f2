// The Imports screen: the import wizard and the past batches.
import { useApi } from '../../api';
import { useSession } from '../../state/session';
import { ErrorPanel, Loading } from '../../components/ui/Status';
import { BatchList } from './BatchList';
import { ImportWizard } from './ImportWizard';
import './imports.css';
import { useLoad } from '../../state/useLoad';

export function ImportsScreen() {
  const api = useApi();
  const { can, me } = useSession();
  const { data, error, reload: load } = useLoad(async () => {
    const [feeds, batches] = await Promise.all([api.imports.feeds(), api.imports.batches('')]);
    return { feeds, batches };
  }, [api]);
  const feeds = data?.feeds ?? null;
  const batches = data?.batches ?? [];

  return (
    <div className="page page--imports" data-testid="imports">
      <div className="page__head">
        <div>
          <h1>Imports</h1>
          <p className="page__lede">
            {me?.supplier
              ? `The data you send for ${me.supplier}: preview, map the columns, check every row, then import.`
              : 'Supplier data into feeds: preview, map the columns, check every row, then import.'}
          </p>
        </div>
      </div>
      {error ? (
        <ErrorPanel title="The imports could not be loaded" error={error} onRetry={load} />
      ) : feeds === null ? (
        <Loading>Loading feeds and batches…</Loading>
      ) : (
        <>
          {can('Imports/Start') && <ImportWizard feeds={feeds} onImported={load} />}
          <BatchList batches={batches} feeds={feeds} onChanged={load} />
        </>
      )}
    </div>
  );
}
