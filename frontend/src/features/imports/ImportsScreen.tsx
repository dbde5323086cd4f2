// The Imports screen: the import wizard and the past batches; for a supplier
// user also its data set of a month, to check before a joint review.
import { useApi } from '../../api';
import { useSession } from '../../state/session';
import { ErrorPanel, Loading } from '../../components/ui/Status';
import { BatchList } from './BatchList';
import { ImportWizard } from './ImportWizard';
import { SupplierDataSet } from './SupplierDataSet';
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
          {me?.role === 'supplier' && me.supplier && can('Suppliers/DataSet') && <SupplierDataSet supplier={me.supplier} feeds={feeds} />}
          <BatchList batches={batches} feeds={feeds} onChanged={load} />
        </>
      )}
    </div>
  );
}
