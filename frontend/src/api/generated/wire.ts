// Generated from docs/openapi.json by frontend/scripts/gen-api.mjs (npm run gen:api): a type per schema, and where the wire may send null for a list.
// Do not edit: change the Go DTOs, run `go generate ./app/serve` and `npm run gen:api`.

import type { components, operations } from './openapi';

/** T as the client hands it on: every list and map present ([] and {} for null or absent). */
export type Wire<T> = [T] extends [(infer E)[] | null | undefined]
  ? Wire<E>[]
  : [T] extends [Record<string, unknown> | null | undefined]
    ? string extends keyof NonNullable<T>
      ? { [k: string]: Wire<NonNullable<T>[string]> }
      : WireObject<T>
    : WireObject<T>;
/** The keys of T that hold a list or a map: always present on the client. */
type Filled<T> = {
  [K in keyof T]-?: [NonNullable<T[K]>] extends [unknown[]] ? K : string extends keyof NonNullable<T[K]> ? K : never;
}[keyof T];
type WireObject<T> = T extends object
  ? { [K in keyof T as K extends Filled<T> ? never : K]: Wire<T[K]> } & { [K in keyof T as K extends Filled<T> ? K : never]-?: Wire<T[K]> }
  : T;

type Schemas = components["schemas"];
/** The name of a schema ("Report"). */
export type SchemaName = keyof Schemas;
/** A schema by name, lists never null. */
export type Schema<K extends SchemaName> = Wire<Schemas[K]>;

/** Action is one improvement action. */
export type Action = Wire<Schemas["Action"]>;
/** ActionClose closes an action as done or dropped (dropped needs a note). */
export type ActionClose = Schemas["ActionClose"];
/** ActionItem is an action as lists show it: with whether it is overdue. */
export type ActionItem = Wire<Schemas["ActionItem"]>;
/** ActionList is a page of improvement actions. */
export type ActionList = Wire<Schemas["ActionList"]>;
/** ActionQuery selects actions; empty fields select everything. Status is open, in_progress, done, dropped or live (open and in progress). */
export type ActionQuery = Schemas["ActionQuery"];
/** ActionUpdate changes an action's fields; absent fields stay. A status of done or dropped closes it (dropped needs a note), open or in_progress reopens it. */
export type ActionUpdate = Schemas["ActionUpdate"];
/** Adjustment is the seasonal adjustment of a daily series: when the day-of-week pattern is significant, each day's index (its weekday's mean − the overall mean) is subtracted before charting and trend fitting, so a quiet weekend is not a special cause. Met and capability still read the raw values. */
export type Adjustment = Wire<Schemas["Adjustment"]>;
/** Agenda is a service review meeting's agenda (improve.BuildAgenda): what happened since the last meeting of its scope and what the meeting must decide. Dates are local dates of the workspace's zone (Zone); At is when the figures were evaluated. */
export type Agenda = Wire<Schemas["Agenda"]>;
/** AgendaBreach is a breach since the last meeting with its priority. */
export type AgendaBreach = Wire<Schemas["AgendaBreach"]>;
/** AgendaFileQuery asks for the agenda as a file: Format is pdf or xlsx. */
export type AgendaFileQuery = Schemas["AgendaFileQuery"];
/** AgendaItem is one line of the standard agenda. */
export type AgendaItem = Wire<Schemas["AgendaItem"]>;
/** AgendaPeriod is one period of an SLT. */
export type AgendaPeriod = Wire<Schemas["AgendaPeriod"]>;
/** AgendaQuery asks for the agenda of one service's or one supplier's meeting on a date (YYYY-MM-DD; "" = today). */
export type AgendaQuery = Schemas["AgendaQuery"];
/** AgendaSLT is one SLT's trend and verdict since the last meeting. */
export type AgendaSLT = Wire<Schemas["AgendaSLT"]>;
/** Alert is a burn-rate rule that fired, with the numbers that fired it. */
export type Alert = Wire<Schemas["Alert"]>;
/** AlertList is the alerts screen: burn-rate alerts and trend warnings. */
export type AlertList = Wire<Schemas["AlertList"]>;
/** AlertQuery selects alerts at a time, optionally for one SLT. */
export type AlertQuery = Schemas["AlertQuery"];
/** Alignment is the outcome of pairing two series. */
export type Alignment = Wire<Schemas["Alignment"]>;
/** Breach is when the fitted trend reaches the target. */
export type AnalysisBreach = Wire<Schemas["AnalysisBreach"]>;
/** AnalysisDefinition is what a reader needs to know about an SLT beside its numbers. */
export type AnalysisDefinition = Wire<Schemas["AnalysisDefinition"]>;
/** AnalyzeQuery selects an SLT and the periods to analyse. From and To are period keys (2026-01, 2026-Q1, a date ...); a period is analysed when it starts inside [From, To]. Baseline is "P..P" (period labels of the SLT); Tier picks one tier of a tiered SLT (default: its overall rows). At is the evaluation time (empty: now). Chart is "", "xmr", "p" or "laney-p"; Rules "nelson" (default) or "we". */
export type AnalyzeQuery = Schemas["AnalyzeQuery"];
/** AnchorResult says whether the stored chain still extends an anchored head. */
export type AnchorResult = Wire<Schemas["AnchorResult"]>;
/** Apollo is an Apollo root-cause analysis: the primary effect, the causes behind each effect (an action and a condition, each with evidence), and solutions that control causes. */
export type Apollo = Wire<Schemas["Apollo"]>;
/** ApplyResult says what an apply changed. */
export type ApplyResult = Wire<Schemas["ApplyResult"]>;
/** Approval is a request that needs a second person's decision: a breach called a false positive, or a pause that alone makes an item on time. */
export type Approval = Wire<Schemas["Approval"]>;
/** ApprovalDecision approves or rejects a request; the decider is the caller, who must not be the requester. */
export type ApprovalDecision = Schemas["ApprovalDecision"];
/** ApprovalFilter selects requests: Status requested, approved or rejected; Kind false_positive or clock_pause. */
export type ApprovalFilter = Schemas["ApprovalFilter"];
/** AreaScore is Σ(question weight × score) / Σ question weight over the answered questions of one area. */
export type AreaScore = Wire<Schemas["AreaScore"]>;
/** Assessment is the window's cost for one SLT. */
export type Assessment = Wire<Schemas["Assessment"]>;
/** AssessmentScore is an assessment scored against its model. */
export type AssessmentScore = Wire<Schemas["AssessmentScore"]>;
/** Assumptions are what an SLT's target assumes (the definition's assumptions, converted with (*Assumptions)(a)). */
export type Assumptions = Wire<Schemas["Assumptions"]>;
/** Attained is one period of one SLT (or tier) on the feed, computed once from the feed and once from the reference with the same definition. */
export type Attained = Wire<Schemas["Attained"]>;
/** Attempt is one delivery attempt. */
export type Attempt = Wire<Schemas["Attempt"]>;
/** AuditAnchor is the chain head to keep outside the database. */
export type AuditAnchor = Wire<Schemas["AuditAnchor"]>;
/** AuditCheck chooses what Check verifies. */
export type AuditCheck = Schemas["AuditCheck"];
/** AuditEvent is one audit entry. */
export type AuditEvent = Wire<Schemas["AuditEvent"]>;
/** AuditVerification is the outcome of checking the chain, the data and an anchor: storage's verification, and what the anchor's signature says. */
export type AuditVerification = Wire<Schemas["AuditVerification"]>;
/** BacktestQuery: From is the first decision point scored (a date or time; empty: as soon as a model can be fitted); At the end (empty: now). */
export type BacktestQuery = Schemas["BacktestQuery"];
/** Backtests are the track records of both horizons. */
export type Backtests = Wire<Schemas["Backtests"]>;
/** Band is the dynamic baseline: each period judged against the rolling median and percentile band of the periods before it. */
export type Band = Wire<Schemas["Band"]>;
/** BandPoint is the band for one period (nil values: no earlier periods). */
export type BandPoint = Wire<Schemas["BandPoint"]>;
/** BaselineUse is the phase I range actually used (1-based analysed periods). */
export type BaselineUse = Wire<Schemas["BaselineUse"]>;
/** Batch is one import: what was read, how it was mapped, what it counted, and its status (staging, published, reverted, discarded). */
export type Batch = Wire<Schemas["Batch"]>;
/** BatchCounts are the row counts of an import: Read = Imported + Rejected + Empty. */
export type BatchCounts = Wire<Schemas["BatchCounts"]>;
/** BatchDetail is one batch with its findings. */
export type BatchDetail = Wire<Schemas["BatchDetail"]>;
/** BatchRef names one import batch of a scoped feed. */
export type BatchRef = Wire<Schemas["BatchRef"]>;
/** Bin is one row of a reliability table. */
export type Bin = Wire<Schemas["Bin"]>;
/** Breach is one missed period with its impact, priority and Pareto rank. */
export type Breach = Wire<Schemas["Breach"]>;
/** BreachList is a page of the breach log. */
export type BreachList = Wire<Schemas["BreachList"]>;
/** BreachLog is the breach screen. */
export type BreachLog = Wire<Schemas["BreachLog"]>;
/** BreachQuery selects breaches whose period starts at or after Since (a period key or date). */
export type BreachQuery = Schemas["BreachQuery"];
/** CIReport counts an SLT's rows in a period by the state of their CI. */
export type CIReport = Wire<Schemas["CIReport"]>;
/** CIRows is one CI's rows in the period. */
export type CIRows = Wire<Schemas["CIRows"]>;
/** CIState is a CI as the CMDB knows it. */
export type CIState = Wire<Schemas["CIState"]>;
/** CMDBFinding is one SLT period's rows from unknown or unverified CIs. */
export type CMDBFinding = Wire<Schemas["CMDBFinding"]>;
/** CMDBImport records a CMDB import: file, SHA-256, CIs added, changed, removed. */
export type CMDBImport = Wire<Schemas["CMDBImport"]>;
/** CMDBList is the stored CI set, each CI with its state now. */
export type CMDBList = Wire<Schemas["CMDBList"]>;
/** CMDBQuery selects an SLT's period (its period key; empty: the running one). */
export type CMDBQuery = Schemas["CMDBQuery"];
/** Change is where the drift starts and how it goes. */
export type CalibrateChange = Wire<Schemas["CalibrateChange"]>;
/** CalibrateQuery names a feed and the span compared, [From, To) (RFC 3339 or dates; empty: all data up to now). */
export type CalibrateQuery = Schemas["CalibrateQuery"];
/** Result is the agreement between a feed and its reference over paired buckets. Differences are feed − reference, in the feeds' unit (a share for counts and event feeds): a positive bias means the feed reads higher. */
export type CalibrateResult = Wire<Schemas["CalibrateResult"]>;
/** CalibratedFeed is a feed paired with a reference (spec.calibrateAgainst); its SLTs' thresholds classify its buckets. */
export type CalibratedFeed = Wire<Schemas["CalibratedFeed"]>;
/** Calibration is a feed compared with its reference feed. */
export type Calibration = Wire<Schemas["Calibration"]>;
/** Capability says whether the process, as it is, meets its target: how many analysed periods missed (all of them, and since the reference started: the current process), and the share of periods a stable process with the reference's centre and spread would miss. */
export type Capability = Wire<Schemas["Capability"]>;
/** CapacityAnswer is the Erlang C answer, with the demand read from the feed when one was named and where each input came from ("given" or "feed"). */
export type CapacityAnswer = Wire<Schemas["CapacityAnswer"]>;
/** CapacityQuery is one capacity question. Arrivals ("100/h", "2/min") and HandleTime ("3m", "180s") may be left empty with FromFeed: the feed's busiest hour of the week and its mean handle time (From and To bound the data read; empty: all of it). Servers 0 asks for the smallest team only. */
export type CapacityQuery = Schemas["CapacityQuery"];
/** Result answers it with the Erlang C model: Poisson arrivals, exponential handle times, K identical servers, one queue, nobody gives up waiting. */
export type CapacityResult = Wire<Schemas["CapacityResult"]>;
/** Cause is one cause of an effect (the primary effect or another cause). */
export type Cause = Wire<Schemas["Cause"]>;
/** ChainQuery selects the measured periods of the chain check: Period keeps one period key (or the periods starting inside it); At is the evaluation time (RFC 3339 or a date; empty: now). */
export type ChainQuery = Schemas["ChainQuery"];
/** ChainReport is the end-to-end coverage of the workspace (supply.Check). */
export type ChainReport = Wire<Schemas["ChainReport"]>;
/** Change is one entry of a record's history. */
export type Change = Wire<Schemas["Change"]>;
/** ChangeImpact is what the window costs each SLT it touches. */
export type ChangeImpact = Wire<Schemas["ChangeImpact"]>;
/** ChangeQuery is a change window [From, To) for one SLT or for every SLT of a service. ExpectedErrorRate is the share of units expected to fail during the window (nil: all of them, the service is down). */
export type ChangeQuery = Schemas["ChangeQuery"];
/** Chart is the control chart of the per-period values. */
export type Chart = Wire<Schemas["Chart"]>;
/** ChartPoint is one period on the chart. */
export type ChartPoint = Wire<Schemas["ChartPoint"]>;
/** ClassAgreement compares the good/bad calls of the feed and the reference on each bucket at one threshold. */
export type ClassAgreement = Wire<Schemas["ClassAgreement"]>;
/** Component is one direct part of an end-to-end SLT. */
export type Component = Wire<Schemas["Component"]>;
/** Contact is someone to call when the plan runs. */
export type Contact = Wire<Schemas["Contact"]>;
/** Contingency is a supplier's contingency plan as a review shows it (the definition's spec.contingency). */
export type Contingency = Wire<Schemas["Contingency"]>;
/** CorrelateQuery asks whether one daily series leads another: Lead and Lag name a feed or an SLT ("feed:NAME", "slt:NAME", "slt:NAME/TIER", or a bare name); MaxLag is in days (0: 14; at most 90). */
export type CorrelateQuery = Schemas["CorrelateQuery"];
/** Correlation is one cross-correlation of two daily series: every lag, the best one with its coefficient and p-value, and a sentence. */
export type Correlation = Wire<Schemas["Correlation"]>;
/** CounterMetric is the counter-metric an SLT names, read beside it: its latest complete period. */
export type CounterMetric = Wire<Schemas["CounterMetric"]>;
/** Credit is what one contract owes (or earns) for one period. */
export type Credit = Wire<Schemas["Credit"]>;
/** Dashboard is everything the portfolio dashboard shows, in one call: a RAG status per SLT and service for the current period, budgets, the last 13 periods, firing alerts and root-cause analyses due. */
export type Dashboard = Wire<Schemas["Dashboard"]>;
/** DashboardCounts counts SLTs by RAG status. */
export type DashboardCounts = Wire<Schemas["DashboardCounts"]>;
/** DashboardFilters are the values the filters can take (over the whole workspace). */
export type DashboardFilters = Wire<Schemas["DashboardFilters"]>;
/** DashboardLoop is the improvement loop at a glance (improve.Summarize): the overdue actions, the open root-cause analyses (overdue first) and the reviews due, under the dashboard's filters. */
export type DashboardLoop = Wire<Schemas["DashboardLoop"]>;
/** DashboardQuery selects the portfolio dashboard. At is the evaluation time (RFC 3339 or a date; empty: now, to the minute). Period is the reporting period the statuses judge (a key such as 2026-11; empty: each SLT's current period, or its previous one while the current has no data yet). The filters keep the services and SLTs that match every one given (case-insensitive); Type is SLA, OLA or UC. */
export type DashboardQuery = Schemas["DashboardQuery"];
/** DashboardRCA is an SLT missed rcaAfter periods in a row: a root-cause analysis is due. */
export type DashboardRCA = Wire<Schemas["DashboardRCA"]>;
/** DashboardSLT is one SLT's line: status, current period, tiers, sparkline. */
export type DashboardSLT = Wire<Schemas["DashboardSLT"]>;
/** DashboardService is one service with its SLTs; Status is the worst of them. */
export type DashboardService = Wire<Schemas["DashboardService"]>;
/** DashboardTier is one tier's row in the same period as the SLT's Current. */
export type DashboardTier = Wire<Schemas["DashboardTier"]>;
/** DataSetQuery names one feed of a supplier's review scope and the period. */
export type DataSetQuery = Schemas["DataSetQuery"];
/** Day is one day of the comparison, for the before/after chart. */
export type Day = Wire<Schemas["Day"]>;
/** Decision is something the meeting is asked to decide, with the record it is about. */
export type Decision = Wire<Schemas["Decision"]>;
/** DeliveryReport sums up one delivery pass. */
export type DeliveryReport = Wire<Schemas["DeliveryReport"]>;
/** Demand is the load a feed's stored data shows, for a capacity check. */
export type Demand = Wire<Schemas["Demand"]>;
/** Document is one definition as a manifest document: the same document `slate apply` reads (apiVersion, kind, metadata, spec). */
export type Document = Wire<Schemas["Document"]>;
/** Drift says whether the bias changes over time. */
export type Drift = Wire<Schemas["Drift"]>;
/** DrillBatch is the import a row came from. */
export type DrillBatch = Wire<Schemas["DrillBatch"]>;
/** DrillRow is one stored point (a file row) and how it counts in the period. */
export type DrillRow = Wire<Schemas["DrillRow"]>;
/** EndToEnd is one end-to-end SLT's supply chain, checked. */
export type EndToEnd = Wire<Schemas["EndToEnd"]>;
export type Error = Schemas["Error"];
/** EscalationLevel is one step of an SLT's escalation path. */
export type EscalationLevel = Wire<Schemas["EscalationLevel"]>;
/** Evidence is a file attached to an exception; its bytes are kept in the evidence bucket under their SHA-256. */
export type Evidence = Wire<Schemas["Evidence"]>;
/** Exception is one exception with its evidence and decision. */
export type Exception = Wire<Schemas["Exception"]>;
/** ExceptionDecision approves or rejects an exception; the decider is the caller, who must not be the requester. */
export type ExceptionDecision = Schemas["ExceptionDecision"];
/** ExceptionRequest asks to exclude [From, To) (RFC 3339) from an SLT. The requester is the caller: whoever the token (or the OS account) belongs to. */
export type ExceptionRequest = Schemas["ExceptionRequest"];
/** ExcludedShares are an SLT's shares of units (or clock time) taken out of its count per period, the rises flagged, and its decisive pauses. */
export type ExcludedShares = Wire<Schemas["ExcludedShares"]>;
/** FalsePositiveRequest asks for a breach (SLT@PERIOD or SLT/TIER@PERIOD, as the breach log shows it) to be called a false positive. */
export type FalsePositiveRequest = Schemas["FalsePositiveRequest"];
/** Feasibility says whether the components' targets allow the end-to-end target. */
export type Feasibility = Wire<Schemas["Feasibility"]>;
/** Feature is one input of the forecast and its pull on the current-period model's log-odds (positive: towards a miss). */
export type Feature = Wire<Schemas["Feature"]>;
/** FeedInfo describes a feed for the import wizard: its shape, the fields a mapping needs, and its saved mapping. */
export type FeedInfo = Wire<Schemas["FeedInfo"]>;
/** FileData is a file's bytes for the UI (base64 in JSON): the browser saves it as a download. */
export type FileData = Wire<Schemas["FileData"]>;
/** Finding is one problem found in a file. */
export type Finding = Wire<Schemas["Finding"]>;
/** Fix is a target change for one component. */
export type Fix = Wire<Schemas["Fix"]>;
/** Forecast is each SLT's (and tier's) probability of missing the period in progress and the next one, with both horizons' track records. */
export type Forecast = Wire<Schemas["Forecast"]>;
/** Gap is a component nobody is contracted for (at the end of its chain). */
export type Gap = Wire<Schemas["Gap"]>;
/** Ignored is a window that does not exclude anything, and why. */
export type Ignored = Wire<Schemas["Ignored"]>;
/** Impact is the window's effect on one tier's period. */
export type Impact = Wire<Schemas["Impact"]>;
/** ImportRequest says what to import and how. */
export type ImportRequest = Schemas["ImportRequest"];
/** ImportResult is the outcome of one import. */
export type ImportResult = Wire<Schemas["ImportResult"]>;
/** Improvement is a change made to improve an SLT, on a date. */
export type Improvement = Wire<Schemas["Improvement"]>;
/** ImprovementValidation compares the SLT per local day before and after the change: the test, the effect with its interval, whether there are enough days yet (and how many more are needed), and the verdict. */
export type ImprovementValidation = Wire<Schemas["ImprovementValidation"]>;
/** Job is the state of one background job as the UI sees it. */
export type Job = Wire<Schemas["Job"]>;
/** Lag is the correlation at one lag: lead on day d against lag on day d + Lag. */
export type Lag = Wire<Schemas["Lag"]>;
/** LayoutColumn is one column of a feed's files. */
export type LayoutColumn = Wire<Schemas["LayoutColumn"]>;
/** Links tie an action to what it is about: an SLT, tier, period or breach (SLT@PERIOD; it sets the SLT, tier and period); the RCA, review, meeting or improvement it came from; the service and supplier concerned (taken from the SLT when not given). */
export type Links = Wire<Schemas["Links"]>;
/** ListedCI is a stored CI with its state now and the SLTs that declare it. */
export type ListedCI = Wire<Schemas["ListedCI"]>;
/** Mapping says which columns of a file hold which fields of a feed's points. It has the fields of the definition's mapping (the conversion domain.Mapping(m) keeps them in step) in the wire's casing. */
export type Mapping = Wire<Schemas["Mapping"]>;
/** MaturityQuery selects one supplier (empty: all) and how many of each contract SLT's latest complete periods make its record (0: 12). */
export type MaturityQuery = Schemas["MaturityQuery"];
/** MaturityReport sets each supplier's assessed maturity beside its record. */
export type MaturityReport = Wire<Schemas["MaturityReport"]>;
/** Me is the signed-in caller with its rights. */
export type Me = Wire<Schemas["Me"]>;
/** Meeting is the minutes of a service review meeting. */
export type Meeting = Wire<Schemas["Meeting"]>;
/** MeetingFilter selects recorded meetings (of one service or supplier, or all). */
export type MeetingFilter = Schemas["MeetingFilter"];
/** MeetingRecord is recorded minutes and the actions they created. */
export type MeetingRecord = Wire<Schemas["MeetingRecord"]>;
/** Member is one owning service's person on a team. */
export type Member = Wire<Schemas["Member"]>;
/** Meta is a definition's metadata block. */
export type Meta = Wire<Schemas["Meta"]>;
/** Minutes are what a meeting's secretary records for one service's or one supplier's meeting: its date (on or before today), attendees, decisions, notes and the actions agreed, created with the minutes, linked to the meeting (and to its service or supplier unless they say otherwise). */
export type Minutes = Schemas["Minutes"];
/** Model is the baseline plus a logistic regression on standardised features. The baseline's probability is the share of missed periods among the training points where it made the same call (projected_miss 0 or 1), smoothed by Laplace's rule, (misses + 1)/(points + 2). Each feature is replaced by z = (x − mean)/sd over the training rows (a feature that did not vary there gets z = 0), and P(miss) = 1/(1 + exp(−(logit(baseline) + b₀ + Σ bⱼzⱼ))). The baseline enters as an offset: with every coefficient at zero the model is the baseline, and the L2 penalty shrinks it towards the baseline, not towards a coin toss. It can only move away from it as far as the features earn. */
export type Model = Wire<Schemas["Model"]>;
/** Money is an amount in one currency. */
export type Money = Wire<Schemas["Money"]>;
/** MonthBias is the mean difference of one calendar month. */
export type MonthBias = Wire<Schemas["MonthBias"]>;
/** NewAction is an action a person adds. Owner defaults to the owner of the linked RCA or SLT; Due is YYYY-MM-DD. */
export type NewAction = Schemas["NewAction"];
/** NewImprovement is an initiative to record: its SLT (and tier), the local date the change took effect and what was changed. */
export type NewImprovement = Schemas["NewImprovement"];
/** NewRCA asks for an analysis of one breach (SLT@PERIOD or SLT/TIER@PERIOD, as the breach log shows it). */
export type NewRCA = Schemas["NewRCA"];
/** NewReview is a review to record: its SLT, date (on or before today), decision and attendees. */
export type NewReview = Schemas["NewReview"];
/** NewSLT is the drafted SLT as a YAML document to review and apply. */
export type NewSLT = Wire<Schemas["NewSLT"]>;
/** NewSLTQuery drafts an SLT from a template for a service and a feed. */
export type NewSLTQuery = Schemas["NewSLTQuery"];
/** NewUser is a new user with its token, which is never shown again. */
export type NewUser = Wire<Schemas["NewUser"]>;
/** NewUserRequest names a new user, its role and, for role supplier, the Supplier definition it speaks for. */
export type NewUserRequest = Schemas["NewUserRequest"];
/** Note is a dated remark on a record. */
export type Note = Wire<Schemas["Note"]>;
/** Orphan is a contract whose SLT is not part of any end-to-end SLT. */
export type Orphan = Wire<Schemas["Orphan"]>;
/** OtherTest is the test not chosen, for reference. */
export type OtherTest = Wire<Schemas["OtherTest"]>;
/** OutboxEntry is one task on its way to one ITSM integration: pending (with its attempts and the last error) or delivered (with the receiver's reference). */
export type OutboxEntry = Wire<Schemas["OutboxEntry"]>;
/** OutboxFilter selects outbox tasks: Status pending or delivered ("" = both). */
export type OutboxFilter = Schemas["OutboxFilter"];
/** Outcome is what one attempt did. */
export type Outcome = Wire<Schemas["Outcome"]>;
/** Overlap is a component under more than one contract. */
export type Overlap = Wire<Schemas["Overlap"]>;
/** Overview is the first screen: the workspace's services and their SLTs. */
export type Overview = Wire<Schemas["Overview"]>;
/** PackDownload is a produced pack file's bytes (base64 in JSON). */
export type PackDownload = Wire<Schemas["PackDownload"]>;
/** PackFile is one file of a pack. */
export type PackFile = Wire<Schemas["PackFile"]>;
/** PackQuery selects what a pack covers. The files go to the packs folder ("packs" next to the database); the CLI writes them where its user says (Local.BuildPack). */
export type PackQuery = Schemas["PackQuery"];
/** PackResult says what Build wrote. */
export type PackResult = Wire<Schemas["PackResult"]>;
/** PackVerification is the outcome of checking a pack file against the data. */
export type PackVerification = Wire<Schemas["PackVerification"]>;
/** PartResult is one component's measured attainment in the period. */
export type PartResult = Wire<Schemas["PartResult"]>;
/** PauseClaim is an item whose pause turns it from late to on time. */
export type PauseClaim = Wire<Schemas["PauseClaim"]>;
/** PauseRequest asks a second person to confirm the pause recorded on an item of a duration SLT's feed. */
export type PauseRequest = Schemas["PauseRequest"];
/** Period is a period key with its bounds. */
export type Period = Wire<Schemas["Period"]>;
/** PeriodCheck is the chain judged on measured attainment in one period. */
export type PeriodCheck = Wire<Schemas["PeriodCheck"]>;
/** PeriodShare is how much of one period of an SLT (or tier) was taken out of the count: units in maintenance or approved exceptions; for a duration SLT, the business time its items' clocks were stopped (paused, or inside maintenance and exceptions). */
export type PeriodShare = Wire<Schemas["PeriodShare"]>;
/** PredictQuery selects the forecast: SLT keeps one SLT (empty: all); At is the forecast time (RFC 3339 or a date; empty: now). */
export type PredictQuery = Schemas["PredictQuery"];
/** PreviewResult shows how a file would be read, before importing it. */
export type PreviewResult = Wire<Schemas["PreviewResult"]>;
/** Probability is the chance of a miss for one horizon. */
export type Probability = Wire<Schemas["Probability"]>;
/** Problem is an RFC 9457 problem detail: what went wrong, in plain words. */
export type Problem = Schemas["Problem"];
/** RCA is a root-cause analysis of one run of missed periods. */
export type RCA = Wire<Schemas["RCA"]>;
/** RCAClose closes an analysis with its conclusion. */
export type RCAClose = Schemas["RCAClose"];
/** RCAFilter selects analyses (status open or closed, SLT, service, supplier). */
export type RCAFilter = Schemas["RCAFilter"];
/** RCAItem is an analysis with its linked actions and whether it is overdue. */
export type RCAItem = Wire<Schemas["RCAItem"]>;
/** RCAUpdate changes an open analysis; absent fields stay. Method is five_whys or apollo. */
export type RCAUpdate = Schemas["RCAUpdate"];
/** Reliability is a supplier's measured record on its contract SLTs. */
export type Reliability = Wire<Schemas["Reliability"]>;
/** Report is every SLT (and tier, and composite) per period, with credits and statuses. */
export type Report = Wire<Schemas["Report"]>;
/** ReportQuery selects a report. At is RFC 3339 or YYYY-MM-DD (midnight UTC); empty is now. Recent keeps each SLT's last complete period and the running one (without Period). */
export type ReportQuery = Schemas["ReportQuery"];
/** Result is the analysis of one SLT series. Values are in the series' units (fractions for ratio SLTs); slopes are per period. */
export type Result = Wire<Schemas["Result"]>;
/** ResultsRebuild is what RebuildResults did. */
export type ResultsRebuild = Wire<Schemas["ResultsRebuild"]>;
/** Review is a recorded review of an SLT: its date, what was decided and who took part. It resets the SLT's review cycle and its triggers. */
export type Review = Wire<Schemas["Review"]>;
/** ReviewFilter selects SLTs (one, a service's, a supplier's), or only those due. */
export type ReviewFilter = Schemas["ReviewFilter"];
/** ReviewStatus is where an SLT stands in its review cycle: the next review date and, when due, why. */
export type ReviewStatus = Wire<Schemas["ReviewStatus"]>;
/** RollbackQuery evaluates a rule over a feed between From and To (empty: all data). */
export type RollbackQuery = Schemas["RollbackQuery"];
/** RollbackResult lists when a rollback rule held on a feed. */
export type RollbackResult = Wire<Schemas["RollbackResult"]>;
/** RollbackRule is "METRIC OP NUMBER for DURATION [every STEP]", e.g. "error_rate > 0.02 for 15m": the feed is cut into STEP buckets (default 1m, aligned to the Unix epoch); the rule holds once the condition is true in every bucket of an unbroken run of buckets lasting at least DURATION. A bucket without data breaks the run. */
export type RollbackRule = Wire<Schemas["RollbackRule"]>;
/** RollbackSpan is one stretch during which the rule held. */
export type RollbackSpan = Wire<Schemas["RollbackSpan"]>;
/** Row is one period of one SLT, tier or composite, as reports show it. Null (nil) means not applicable or no data, as docs/metrics.md says. Unit is the unit of a statistic's attainment and target ("ms"); shares have none. */
export type Row = Wire<Schemas["Row"]>;
/** RowsPage is one page of the rows behind a figure, with the figure itself and the tally of every row of the period (not just the page), so a reader can check that the rows add up to the figure. */
export type RowsPage = Wire<Schemas["RowsPage"]>;
/** RowsQuery selects the rows behind one period's figure of an SLT (or one tier of it), a page at a time. Period is the SLT's period key (2026-10, 2026-W07, 2026-10-05 ...). At is the evaluation time (empty: now; pass the dashboard's at so the figures agree). Status keeps rows with that status (good, bad, excluded, out-of-scope, counted) or, with "findings", the rows that have findings. Sort is "" (time), "-time", "value" or "-value". Limit is at most 5000 (default 200). */
export type RowsQuery = Schemas["RowsQuery"];
/** RowsTally sums the units of every row of the period by status. For availability, slices without probes are tallied apart (Gap*), so Good + GapGood is the figure's good, and so on. */
export type RowsTally = Wire<Schemas["RowsTally"]>;
/** SLTAnalysis is the definition summary and the analysis of one SLT. */
export type SLTAnalysis = Wire<Schemas["SLTAnalysis"]>;
/** SLTList is a page of SLTs. */
export type SLTList = Wire<Schemas["SLTList"]>;
/** SLTLoop is the improvement loop around one SLT, for its page: the counter-metric beside it, the leads kept for it, what it excludes, its review, and its analyses, live actions and initiatives. */
export type SLTLoop = Wire<Schemas["SLTLoop"]>;
/** SLTRecord is one contract SLT's record. */
export type SLTRecord = Wire<Schemas["SLTRecord"]>;
/** SLTSummary is one SLT as a line of the portfolio. */
export type SLTSummary = Wire<Schemas["SLTSummary"]>;
/** Scenario is a period projected to its end. */
export type Scenario = Wire<Schemas["Scenario"]>;
/** ScopeQuery names a supplier and a review period (a period key; empty: all batches). */
export type ScopeQuery = Schemas["ScopeQuery"];
/** ScopedSLT is an SLT in a supplier's scope, and why it is there. */
export type ScopedSLT = Wire<Schemas["ScopedSLT"]>;
/** Scores are the accuracy figures of one forecast. */
export type Scores = Wire<Schemas["Scores"]>;
/** SeasonIndex is an additive seasonal index: group mean − overall mean (weighted by the samples' weights), in the series' units. */
export type SeasonIndex = Wire<Schemas["SeasonIndex"]>;
/** Seasonality holds seasonal indices from the samples. */
export type Seasonality = Wire<Schemas["Seasonality"]>;
/** Series describes one series of a correlation. */
export type Series = Wire<Schemas["Series"]>;
/** ServiceSummary is one service with its SLTs. */
export type ServiceSummary = Wire<Schemas["ServiceSummary"]>;
/** Side is one side of the change. */
export type Side = Wire<Schemas["Side"]>;
/** Sizing is the model's figures for one number of servers. */
export type Sizing = Wire<Schemas["Sizing"]>;
/** Skipped is a period left out of the analysis, with the reason. */
export type Skipped = Wire<Schemas["Skipped"]>;
/** Solution removes or controls a cause, carried out by an action. */
export type Solution = Wire<Schemas["Solution"]>;
/** SparkPoint is one period of the sparkline. */
export type SparkPoint = Wire<Schemas["SparkPoint"]>;
/** Status is an SLT's state in a reporting period and the reasons that made it so. */
export type Status = Wire<Schemas["Status"]>;
/** Suggestion is a proposed mapping for a file. */
export type Suggestion = Wire<Schemas["Suggestion"]>;
/** SupplierMaturity is one supplier's maturity, record and their agreement. */
export type SupplierMaturity = Wire<Schemas["SupplierMaturity"]>;
/** SupplierScope is what a joint review with one supplier covers. */
export type SupplierScope = Wire<Schemas["SupplierScope"]>;
/** Target is a service-level target: Share of arrivals answered within Within. */
export type Target = Wire<Schemas["Target"]>;
/** TargetForecast is one SLT (or tier). */
export type TargetForecast = Wire<Schemas["TargetForecast"]>;
/** Task is the JSON a receiver gets. */
export type Task = Wire<Schemas["Task"]>;
/** TaskLinks point back into Slate. */
export type TaskLinks = Wire<Schemas["TaskLinks"]>;
/** Team is a proposed cross-functional improvement team. */
export type Team = Wire<Schemas["Team"]>;
/** TemplateLayout is the file a feed's mapping reads (sheet, columns in order, time zone), with the template's instructions line by line. */
export type TemplateLayout = Wire<Schemas["TemplateLayout"]>;
/** Thresholds are the bands the report judges with (documented in definitions.md). */
export type Thresholds = Wire<Schemas["Thresholds"]>;
/** Tier is one (calendar, objective) pair of a tiered SLT. */
export type Tier = Wire<Schemas["Tier"]>;
/** TrackRecord is the walk-forward backtest of one horizon. */
export type TrackRecord = Wire<Schemas["TrackRecord"]>;
/** Trend is the linear trend of the values against the period number 1..n. */
export type Trend = Wire<Schemas["Trend"]>;
/** TrendWarning projects the current burn to the end of the period. */
export type TrendWarning = Wire<Schemas["TrendWarning"]>;
/** Trigger is one reason a review is due. */
export type Trigger = Wire<Schemas["Trigger"]>;
/** UploadChunk is one piece of a file sent by the browser. */
export type UploadChunk = Schemas["UploadChunk"];
/** UploadedFile is the state of an upload; its ID is what Preview, Start and Packs.Verify take. */
export type UploadedFile = Wire<Schemas["UploadedFile"]>;
/** UserInfo is a user as lists show it (never the token or its hash). */
export type UserInfo = Wire<Schemas["UserInfo"]>;
/** Verdict is the plain-language conclusion: short sentences a manager can act on (Text), with the rule jargon one level below (Details). */
export type Verdict = Wire<Schemas["Verdict"]>;
/** Violation is one run-rule signal: the rule (nelson-1..8, we-1..4, or mr-1 for a moving range above its limit on an XmR chart), the 1-based point completing the pattern and the span of the pattern, with their period labels. */
export type Violation = Wire<Schemas["Violation"]>;
/** VolumeRange is the volume an SLT's target was negotiated on, as numbers: units of its feed (items, rows, events; the total of a counts feed) per day, week or month. A complete period whose average lies outside it makes a review due. */
export type VolumeRange = Wire<Schemas["VolumeRange"]>;
/** Warning is something a reader of the numbers must know. */
export type Warning = Wire<Schemas["Warning"]>;
/** WhatIf judges an SLT's past periods at another target. */
export type WhatIf = Wire<Schemas["WhatIf"]>;
/** WhatIfPeriod is one past period judged at the proposed target. */
export type WhatIfPeriod = Wire<Schemas["WhatIfPeriod"]>;
/** WhatIfQuery proposes a target for an SLT. */
export type WhatIfQuery = Schemas["WhatIfQuery"];
/** Why is one step of a Five Whys chain: the question and its answer. The chain ends in root causes (RCA.RootCauses). */
export type Why = Wire<Schemas["Why"]>;
/** WindowBurn is the burn rate of one window. */
export type WindowBurn = Wire<Schemas["WindowBurn"]>;

/** The UI transport's methods ("Compliance.Report"). */
export type Method = keyof operations & `${string}.${string}`;
/** A method's arguments, in order. */
export type MethodArgs<M extends Method> = operations[M] extends { requestBody: { content: { "application/json": infer A } } }
  ? (A extends unknown[] ? A : [])
  : [];
/** A method's result, lists never null. */
export type MethodResult<M extends Method> = Wire<operations[M]["responses"][200]["content"]["application/json"]>;

/** Where null may stand for an empty list or map (see fixOf in the generator). */
export type NullFix = string | 0 | { l: NullFix } | { m: NullFix } | { o: Record<string, NullFix> };

/** Where each schema may hold null for a list or map. */
export const fixes: Record<string, NullFix> = {
  "Action": {"o":{"history":{"l":0},"notes":{"l":0}}},
  "ActionItem": {"o":{"history":{"l":0},"notes":{"l":0}}},
  "ActionList": {"o":{"items":{"l":"ActionItem"}}},
  "Adjustment": {"o":{"days":{"l":0},"index":{"l":0},"labels":{"l":0}}},
  "Agenda": {"o":{"actions":{"l":"ActionItem"},"approvals":{"l":0},"breaches":{"l":0},"decisions":{"l":0},"exceptions":{"l":"Exception"},"improvements":{"l":"ImprovementValidation"},"items":{"l":0},"last_meeting":"Meeting","rcas":{"l":"RCAItem"},"reviews_due":{"l":"ReviewStatus"},"slts":{"l":"AgendaSLT"}}},
  "AgendaSLT": {"o":{"periods":{"l":0},"status":"Status"}},
  "Alert": {"o":{"windows":{"l":0}}},
  "AlertList": {"o":{"alerts":{"l":"Alert"},"trends":{"l":0}}},
  "AnalysisDefinition": {"o":{"assumptions":"Assumptions","escalation":{"l":0},"tiers":{"l":0}}},
  "Apollo": {"o":{"causes":{"l":0},"solutions":{"l":0}}},
  "ApplyResult": {"o":{"created":{"l":0},"unchanged":{"l":0},"updated":{"l":0}}},
  "Assessment": {"o":{"impacts":{"l":0}}},
  "AssessmentScore": {"o":{"areas":{"l":0}}},
  "Assumptions": {"o":{"dependencies":{"l":0},"notes":{"l":0}}},
  "Backtests": {"o":{"current":"TrackRecord","next":"TrackRecord"}},
  "Band": {"o":{"outside":{"l":0},"points":{"l":0}}},
  "Batch": {"o":{"finding_counts":{"m":0},"header":{"l":0}}},
  "BatchDetail": {"o":{"finding_counts":{"m":0},"findings":{"l":0},"header":{"l":0}}},
  "BreachList": {"o":{"items":{"l":0}}},
  "BreachLog": {"o":{"breaches":{"l":0}}},
  "CIReport": {"o":{"cis":{"l":0},"declared":{"l":0}}},
  "CMDBList": {"o":{"cis":{"l":"ListedCI"}}},
  "CalibrateResult": {"o":{"bias_ci":{"l":0},"classification":{"l":0},"drift":"Drift","limits_of_agreement":{"l":0},"lower_limit_ci":{"l":0},"upper_limit_ci":{"l":0}}},
  "CalibratedFeed": {"o":{"slts":{"l":0}}},
  "Calibration": {"o":{"attainment":{"l":0},"result":"CalibrateResult"}},
  "Capability": {"o":{"missed_labels":{"l":0}}},
  "CapacityAnswer": {"o":{"result":"CapacityResult"}},
  "CapacityResult": {"o":{"table":{"l":0}}},
  "ChainReport": {"o":{"end_to_end":{"l":"EndToEnd"},"orphans":{"l":0}}},
  "ChangeImpact": {"o":{"assessments":{"l":"Assessment"}}},
  "Chart": {"o":{"points":{"l":"ChartPoint"},"violations":{"l":"Violation"}}},
  "ChartPoint": {"o":{"rules":{"l":0}}},
  "Component": {"o":{"contracts":{"l":0},"suppliers":{"l":0}}},
  "Contingency": {"o":{"contacts":{"l":0}}},
  "Correlation": {"o":{"lags":{"l":0}}},
  "Dashboard": {"o":{"alerts":{"l":"Alert"},"filters":"DashboardFilters","loop":"DashboardLoop","problems":{"l":0},"rca_due":{"l":0},"services":{"l":"DashboardService"},"trends":{"l":0}}},
  "DashboardFilters": {"o":{"business_units":{"l":0},"product_lines":{"l":0},"suppliers":{"l":0},"types":{"l":0}}},
  "DashboardLoop": {"o":{"open_rcas":{"l":"RCAItem"},"overdue_actions":{"l":"ActionItem"},"reviews_due":{"l":"ReviewStatus"}}},
  "DashboardSLT": {"o":{"components":{"l":0},"reasons":{"l":0},"spark":{"l":0},"tiers":{"l":0}}},
  "DashboardService": {"o":{"slts":{"l":"DashboardSLT"}}},
  "DeliveryReport": {"o":{"outcomes":{"l":0}}},
  "Drift": {"o":{"monthly":{"l":"MonthBias"},"slope_ci":{"l":0}}},
  "DrillRow": {"o":{"findings":{"l":0}}},
  "EndToEnd": {"o":{"components":{"l":"Component"},"feasibility":"Feasibility","gaps":{"l":"Gap"},"overlaps":{"l":"Overlap"},"periods":{"l":"PeriodCheck"}}},
  "Exception": {"o":{"evidence":{"l":0}}},
  "ExcludedShares": {"o":{"decisive_pauses":{"l":0},"periods":{"l":0},"rising":{"l":0}}},
  "Feasibility": {"o":{"balanced":{"l":0},"options":{"l":0}}},
  "FeedInfo": {"o":{"optional":{"l":0},"required":{"l":0}}},
  "Forecast": {"o":{"model_current":"Model","model_next":"Model","skipped":{"l":0},"targets":{"l":"TargetForecast"},"track_record_current":"TrackRecord","track_record_next":"TrackRecord"}},
  "Gap": {"o":{"chain":{"l":0}}},
  "ImportResult": {"o":{"finding_counts":{"m":0},"findings":{"l":0},"header":{"l":0},"severities":{"m":0}}},
  "ImprovementValidation": {"o":{"caveats":{"l":0},"days":{"l":0},"effect_ci":{"l":0},"other_test":"OtherTest"}},
  "ListedCI": {"o":{"slts":{"l":0}}},
  "MaturityReport": {"o":{"suppliers":{"l":"SupplierMaturity"}}},
  "Me": {"o":{"methods":{"l":0},"rights":{"l":0}}},
  "Meeting": {"o":{"actions":{"l":0},"attendees":{"l":0},"decisions":{"l":0}}},
  "MeetingRecord": {"o":{"actions":{"l":"Action"},"meeting":"Meeting"}},
  "Member": {"o":{"slts":{"l":0}}},
  "Minutes": {"o":{"actions":{"l":0},"attendees":{"l":0},"decisions":{"l":0}}},
  "Model": {"o":{"baseline_rate":{"l":0},"coefficients":{"l":0},"features":{"l":0},"mean":{"l":0},"sd":{"l":0}}},
  "MonthBias": {"o":{"ci":{"l":0}}},
  "NewReview": {"o":{"attendees":{"l":0}}},
  "OtherTest": {"o":{"effect_ci":{"l":0}}},
  "OutboxEntry": {"o":{"history":{"l":0},"task":"Task"}},
  "Overlap": {"o":{"chain":{"l":0},"contracts":{"l":0},"suppliers":{"l":0}}},
  "Overview": {"o":{"services":{"l":"ServiceSummary"}}},
  "PackQuery": {"o":{"formats":{"l":0},"services":{"l":0}}},
  "PackResult": {"o":{"files":{"l":0}}},
  "PackVerification": {"o":{"components":{"l":0},"services":{"l":0}}},
  "PeriodCheck": {"o":{"parts":{"l":0}}},
  "PreviewResult": {"o":{"header":{"l":0},"samples":{"l":{"l":0}},"sheets":{"l":0},"suggestion":"Suggestion"}},
  "Problem": {"o":{"result":"ImportResult"}},
  "RCA": {"o":{"apollo":"Apollo","breaches":{"l":0},"five_whys":{"l":0},"history":{"l":0},"notes":{"l":0},"periods":{"l":0},"root_causes":{"l":0},"team":"Team"}},
  "RCAItem": {"o":{"actions":{"l":0},"apollo":"Apollo","breaches":{"l":0},"five_whys":{"l":0},"history":{"l":0},"notes":{"l":0},"periods":{"l":0},"root_causes":{"l":0},"team":"Team"}},
  "RCAUpdate": {"o":{"apollo":"Apollo","five_whys":{"l":0},"root_causes":{"l":0},"team":"Team"}},
  "Reliability": {"o":{"credits":{"l":0},"slts":{"l":0}}},
  "Report": {"o":{"cmdb":{"l":0},"credits":{"l":0},"ignored_windows":{"l":0},"rows":{"l":0},"statuses":{"l":"Status"},"warnings":{"l":0}}},
  "Result": {"o":{"adjustment":"Adjustment","baseline_band":"Band","capability":"Capability","chart":"Chart","seasonality":"Seasonality","skipped":{"l":0},"trend":"Trend","verdict":"Verdict"}},
  "ResultsRebuild": {"o":{"problems":{"l":0}}},
  "Review": {"o":{"attendees":{"l":0}}},
  "ReviewStatus": {"o":{"last_review":"Review","reasons":{"l":0},"triggers":{"l":0}}},
  "RollbackResult": {"o":{"spans":{"l":0}}},
  "RowsPage": {"o":{"batches":{"l":0},"cmdb":"CIReport","components":{"l":0},"periods":{"l":0},"rows":{"l":"DrillRow"}}},
  "SLTAnalysis": {"o":{"analysis":"Result","definition":"AnalysisDefinition"}},
  "SLTList": {"o":{"items":{"l":"SLTSummary"}}},
  "SLTLoop": {"o":{"actions":{"l":"ActionItem"},"approvals":{"l":0},"excluded":"ExcludedShares","improvements":{"l":0},"leads":{"l":"Correlation"},"problems":{"l":0},"rcas":{"l":"RCAItem"},"review":"ReviewStatus"}},
  "SLTSummary": {"o":{"tiers":{"l":0}}},
  "ScopedSLT": {"o":{"contracts":{"l":0}}},
  "Scores": {"o":{"reliability":{"l":0}}},
  "SeasonIndex": {"o":{"index":{"l":0},"labels":{"l":0},"weight":{"l":0}}},
  "Seasonality": {"o":{"day_of_week":"SeasonIndex","hour_of_day":"SeasonIndex"}},
  "ServiceSummary": {"o":{"slts":{"l":"SLTSummary"}}},
  "Status": {"o":{"reasons":{"l":0}}},
  "Suggestion": {"o":{"missing":{"l":0},"notes":{"l":0}}},
  "SupplierMaturity": {"o":{"earlier":{"l":"AssessmentScore"},"latest":"AssessmentScore","reliability":"Reliability"}},
  "SupplierScope": {"o":{"actions":{"l":"ActionItem"},"assessments":{"l":0},"batches":{"l":0},"contingency":"Contingency","contracts":{"l":0},"feeds":{"l":0},"services":{"l":0},"slts":{"l":"ScopedSLT"}}},
  "TargetForecast": {"o":{"features":{"l":0}}},
  "Task": {"o":{"periods":{"l":0}}},
  "Team": {"o":{"members":{"l":"Member"}}},
  "TemplateLayout": {"o":{"columns":{"l":0},"instructions":{"l":{"l":0}}}},
  "TrackRecord": {"o":{"baseline":"Scores","model":"Scores"}},
  "Trend": {"o":{"slope_ci":{"l":0}}},
  "Verdict": {"o":{"details":{"l":0}}},
  "Violation": {"o":{"span":{"l":0},"span_labels":{"l":0}}},
  "WhatIf": {"o":{"periods":{"l":0},"warnings":{"l":0}}},
};

/** Where each method's result may hold null for a list or map. */
export const results: Record<string, NullFix> = {
  "Actions.Add": "Action",
  "Actions.Close": "Action",
  "Actions.Get": "ActionItem",
  "Actions.List": {"l":"ActionItem"},
  "Actions.Update": "Action",
  "Analysis.Correlate": "Correlation",
  "Analysis.Excluded": {"l":"ExcludedShares"},
  "Analysis.Loop": "SLTLoop",
  "Analysis.SLT": "SLTAnalysis",
  "Approvals.List": {"l":0},
  "Audit.Log": {"l":0},
  "CMDB.Check": "CIReport",
  "CMDB.List": "CMDBList",
  "Compliance.Alerts": "AlertList",
  "Compliance.Breaches": "BreachLog",
  "Compliance.Dashboard": "Dashboard",
  "Compliance.RebuildResults": "ResultsRebuild",
  "Compliance.Report": "Report",
  "Compliance.Rollback": "RollbackResult",
  "Compliance.Rows": "RowsPage",
  "Compliance.WhatIf": "WhatIf",
  "Design.Capacity": "CapacityAnswer",
  "Design.Change": "ChangeImpact",
  "Exceptions.Approve": "Exception",
  "Exceptions.List": {"l":"Exception"},
  "Exceptions.Reject": "Exception",
  "Exceptions.Request": "Exception",
  "Foresight.Backtest": "Backtests",
  "Foresight.Calibrate": "Calibration",
  "Foresight.CalibratedFeeds": {"l":"CalibratedFeed"},
  "Foresight.Predict": "Forecast",
  "Imports.Batch": "BatchDetail",
  "Imports.Batches": {"l":"Batch"},
  "Imports.Feeds": {"l":"FeedInfo"},
  "Imports.Import": "ImportResult",
  "Imports.Layout": "TemplateLayout",
  "Imports.Preview": "PreviewResult",
  "Imports.Revert": "Batch",
  "Imports.Suggest": "Suggestion",
  "Improvements.List": {"l":0},
  "Improvements.Validate": "ImprovementValidation",
  "Integrations.Deliver": "DeliveryReport",
  "Integrations.Outbox": {"l":"OutboxEntry"},
  "Integrations.Retry": {"l":0},
  "Jobs.List": {"l":0},
  "Meetings.Agenda": "Agenda",
  "Meetings.List": {"l":"Meeting"},
  "Meetings.Record": "MeetingRecord",
  "Packs.Build": "PackResult",
  "Packs.List": {"l":0},
  "Packs.Verify": "PackVerification",
  "Packs.VerifyStored": "PackVerification",
  "RCAs.Close": "RCA",
  "RCAs.Get": "RCAItem",
  "RCAs.List": {"l":"RCAItem"},
  "RCAs.Open": "RCA",
  "RCAs.Update": "RCA",
  "Reviews.History": {"l":"Review"},
  "Reviews.List": {"l":"ReviewStatus"},
  "Reviews.Record": "Review",
  "Session.Me": "Me",
  "Suppliers.Check": "ChainReport",
  "Suppliers.Maturity": "MaturityReport",
  "Suppliers.Scope": "SupplierScope",
  "Users.List": {"l":0},
  "Workspace.Apply": "ApplyResult",
  "Workspace.Definitions": {"l":0},
  "Workspace.LoadDemo": "ApplyResult",
  "Workspace.Overview": "Overview",
};
