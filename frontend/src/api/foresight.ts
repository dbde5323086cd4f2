// app.Foresight: the chance that each SLT misses its period, always with the
// walk-forward track record behind it, and a monitored feed calibrated
// against its reference feed (docs/foresight.md).
import type { Transport } from './transport';
import { invoke } from './call';
import type {
  Attained,
  Backtests,
  CalibratedFeed,
  Calibration,
  ClassAgreement,
  Forecast,
  MonthBias,
  Probability,
  TargetForecast,
  TrackRecord,
} from './generated/wire';

export type { Attained, Backtests, CalibratedFeed, Calibration, ClassAgreement, Forecast, MonthBias, Probability, TargetForecast, TrackRecord };

/** A horizon's track record, as the forecast carries it. */
export type Track = TrackRecord;

export interface ForesightApi {
  /** The forecast of one SLT (empty: all), as of at (empty: now). */
  predict(q?: { slt?: string; at?: string }): Promise<Forecast>;
  backtest(q?: { from?: string; at?: string }): Promise<Backtests>;
  calibrate(q: { feed: string; from?: string; to?: string }): Promise<Calibration>;
  calibratedFeeds(): Promise<CalibratedFeed[]>;
}

export function createForesightApi(t: Transport): ForesightApi {
  return {
    predict: (q = {}) => invoke(t, 'Foresight.Predict', { slt: q.slt ?? '', at: q.at ?? '' }),
    backtest: (q = {}) => invoke(t, 'Foresight.Backtest', { from: q.from ?? '', at: q.at ?? '' }),
    calibrate: (q) => invoke(t, 'Foresight.Calibrate', { feed: q.feed, from: q.from ?? '', to: q.to ?? '' }),
    calibratedFeeds: () => invoke(t, 'Foresight.CalibratedFeeds'),
  };
}
