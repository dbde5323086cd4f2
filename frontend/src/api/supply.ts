// Supplier management and service design (docs/suppliers.md, docs/design.md):
// the end-to-end chain check, maturity beside the record, a supplier's review
// scope and data set, the Erlang C capacity check, change impact in error
// budget, SLTs drafted from templates, and the CMDB.
import type { Transport } from './transport';
import { invoke } from './call';
import type {
  CapacityAnswer,
  CapacityQuery,
  ChainReport,
  ChangeImpact,
  ChangeQuery,
  CIReport,
  CMDBImport,
  CMDBList,
  FileData,
  MaturityReport,
  NewSLT,
  NewSLTQuery,
  SupplierScope,
} from './generated/wire';

export type { CapacityAnswer, CapacityQuery, ChainReport, ChangeImpact, ChangeQuery, CIReport, CMDBImport, CMDBList, MaturityReport, NewSLT, NewSLTQuery, SupplierScope };
export type EndToEnd = ChainReport['end_to_end'][number];
export type Fix = EndToEnd['feasibility']['options'][number];
export type ChainPeriod = EndToEnd['periods'][number];
export type SupplierMaturity = MaturityReport['suppliers'][number];
export type Assessment = ChangeImpact['assessments'][number];
export type Impact = Assessment['impacts'][number];
export type ListedCI = CMDBList['cis'][number];

export interface SuppliersApi {
  /** Every end-to-end SLT's chain: gaps, overlaps, orphans, feasibility, measured periods. */
  check(period?: string): Promise<ChainReport>;
  /** Each supplier's latest maturity assessment by area beside its record ('' = all suppliers). */
  maturity(supplier?: string): Promise<MaturityReport>;
  /** What a joint review with the supplier covers (period: a period key; '' = all batches). */
  scope(supplier: string, period: string): Promise<SupplierScope>;
  /** One feed of the supplier's data set for the period, as an XLSX download. */
  dataSet(supplier: string, period: string, feed: string): Promise<FileData>;
}

export interface DesignApi {
  capacity(q: Partial<CapacityQuery> & { target: string }): Promise<CapacityAnswer>;
  change(q: Partial<ChangeQuery> & { from: string; to: string }): Promise<ChangeImpact>;
  newSLT(q: NewSLTQuery): Promise<NewSLT>;
}

export interface CMDBApi {
  list(): Promise<CMDBList>;
  /** An SLT's rows of a period by the state of their CI. */
  check(slt: string, period: string): Promise<CIReport>;
  /** Makes an uploaded CMDB CSV (an upload id) the stored CI set. */
  import(upload: string): Promise<CMDBImport>;
}

export function createSuppliersApi(t: Transport): SuppliersApi {
  return {
    check: (period = '') => invoke(t, 'Suppliers.Check', { period, at: '' }),
    maturity: (supplier = '') => invoke(t, 'Suppliers.Maturity', { supplier, periods: 0, at: '' }),
    scope: (supplier, period) => invoke(t, 'Suppliers.Scope', { supplier, period }),
    dataSet: (supplier, period, feed) => invoke(t, 'Suppliers.DataSet', { supplier, period, feed }),
  };
}

export function createDesignApi(t: Transport): DesignApi {
  return {
    capacity: (q) => invoke(t, 'Design.Capacity', { arrivals: '', handle_time: '', servers: 0, from_feed: '', from: '', to: '', ...q }),
    change: (q) => invoke(t, 'Design.Change', { slt: '', service: '', expected_error_rate: null, at: '', ...q }),
    newSLT: (q) => invoke(t, 'Design.NewSLT', q),
  };
}

export function createCMDBApi(t: Transport): CMDBApi {
  return {
    list: () => invoke(t, 'CMDB.List'),
    check: (slt, period) => invoke(t, 'CMDB.Check', { slt, period, at: '' }),
    import: (upload) => invoke(t, 'CMDB.Import', upload),
  };
}
