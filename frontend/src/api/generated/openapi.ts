// Generated from docs/openapi.json by frontend/scripts/gen-api.mjs (npm run gen:api): the types of every schema and operation.
// Do not edit: change the Go DTOs, run `go generate ./app/serve` and `npm run gen:api`.
/* eslint-disable */
export interface paths {
    "/api/Actions/Add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add records an action as the caller.
         * @description Add records an action as the caller. Integrations that take action.created get it as a task.
         */
        post: operations["Actions.Add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Actions/Close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close sets an action done or dropped as the caller.
         * @description Close sets an action done or dropped as the caller.
         */
        post: operations["Actions.Close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Actions/Get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get reads one action with its notes and history.
         * @description Get reads one action with its notes and history.
         */
        post: operations["Actions.Get"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Actions/List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List lists actions: overdue first (the longest overdue first), then live ones by due date, then closed ones, the latest closed first.
         * @description List lists actions: overdue first (the longest overdue first), then live ones by due date, then closed ones, the latest closed first.
         */
        post: operations["Actions.List"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Actions/Update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Update changes an action as the caller; each changed field goes into its history.
         * @description Update changes an action as the caller; each changed field goes into its history.
         */
        post: operations["Actions.Update"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Analysis/Correlate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Correlate cross-correlates two daily series on the stored data.
         * @description Correlate cross-correlates two daily series on the stored data.
         */
        post: operations["Analysis.Correlate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Analysis/Excluded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Excluded reports, per SLT (one, or all; composites have no units of their own), the share of units or clock time taken out of its count per period, with the rises flagged and the decisive pauses waiting for a second person.
         * @description Excluded reports, per SLT (one, or all; composites have no units of their own), the share of units or clock time taken out of its count per period, with the rises flagged and the decisive pauses waiting for a second person.
         */
        post: operations["Analysis.Excluded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Analysis/Loop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Loop reads the improvement loop around one SLT now.
         * @description Loop reads the improvement loop around one SLT now. A part that cannot be computed is named in Problems; the rest still shows.
         */
        post: operations["Analysis.Loop"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Analysis/SLT": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * SLT analyses one SLT from the compliance engine's per-period rows, with hourly samples of its feed for seasonality.
         * @description SLT analyses one SLT from the compliance engine's per-period rows, with hourly samples of its feed for seasonality.
         */
        post: operations["Analysis.SLT"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Approvals/Approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve approves a request as the caller (not its requester); an approved false positive marks the breach.
         * @description Approve approves a request as the caller (not its requester); an approved false positive marks the breach.
         */
        post: operations["Approvals.Approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Approvals/List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List lists requests: waiting ones first, the oldest first.
         * @description List lists requests: waiting ones first, the oldest first.
         */
        post: operations["Approvals.List"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Approvals/Reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject rejects a request as the caller (not its requester).
         * @description Reject rejects a request as the caller (not its requester).
         */
        post: operations["Approvals.Reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Approvals/RequestFalsePositive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * RequestFalsePositive asks, as the caller, for a breach to be called a false positive; nothing leaves the breach ranking until another person approves.
         * @description RequestFalsePositive asks, as the caller, for a breach to be called a false positive; nothing leaves the breach ranking until another person approves.
         */
        post: operations["Approvals.RequestFalsePositive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Approvals/RequestPause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * RequestPause asks, as the caller, for a decisive pause to be confirmed.
         * @description RequestPause asks, as the caller, for a decisive pause to be confirmed.
         */
        post: operations["Approvals.RequestPause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Audit/Anchor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Anchor returns the chain head to keep outside the database, signed with the anchor key when one exists (`slate audit keygen` makes it).
         * @description Anchor returns the chain head to keep outside the database, signed with the anchor key when one exists (`slate audit keygen` makes it).
         */
        post: operations["Audit.Anchor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Audit/Check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check is Verify with options: skip the data pass, or check an anchor.
         * @description Check is Verify with options: skip the data pass, or check an anchor.
         */
        post: operations["Audit.Check"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Audit/Log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log lists events, oldest first, from sequence number from (0 = all).
         * @description Log lists events, oldest first, from sequence number from (0 = all).
         */
        post: operations["Audit.Log"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Audit/Verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify checks the whole chain and the data of every published batch, and names the first bad event or batch.
         * @description Verify checks the whole chain and the data of every published batch, and names the first bad event or batch.
         */
        post: operations["Audit.Verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/CMDB/Check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check counts an SLT's rows in a period by the state of their CI: unknown to the CMDB, not verified in the last 90 days, verified, or naming none.
         * @description Check counts an SLT's rows in a period by the state of their CI: unknown to the CMDB, not verified in the last 90 days, verified, or naming none.
         */
        post: operations["CMDB.Check"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/CMDB/Import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import makes an uploaded CMDB export (CSV: CI id, name, class, owner, status, verified-at) the stored CI set, in one audited transaction (cmdb.import).
         * @description Import makes an uploaded CMDB export (CSV: CI id, name, class, owner, status, verified-at) the stored CI set, in one audited transaction (cmdb.import). A refused file changes nothing and lists every problem.
         */
        post: operations["CMDB.Import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/CMDB/List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List gives the stored CIs, each verified or not as of now and with the SLTs that declare it; CIs an SLT declares that the CMDB lacks are listed as unknown.
         * @description List gives the stored CIs, each verified or not as of now and with the SLTs that declare it; CIs an SLT declares that the CMDB lacks are listed as unknown.
         */
        post: operations["CMDB.List"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Compliance/Alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Alerts evaluates burn-rate alerts and trend warnings.
         * @description Alerts evaluates burn-rate alerts and trend warnings.
         */
        post: operations["Compliance.Alerts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Compliance/Breaches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Breaches lists missed periods with impact, priority and Pareto rank.
         * @description Breaches lists missed periods with impact, priority and Pareto rank.
         */
        post: operations["Compliance.Breaches"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Compliance/Dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dashboard computes the portfolio dashboard.
         * @description Dashboard computes the portfolio dashboard. The whole portfolio is evaluated once per data version and minute, shared by every caller who asks meanwhile and kept; filters apply to the shared result.
         */
        post: operations["Compliance.Dashboard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Compliance/RebuildResults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * RebuildResults drops every stored result (derived data) and evaluates every SLT's whole history again, storing the figures of complete periods.
         * @description RebuildResults drops every stored result (derived data) and evaluates every SLT's whole history again, storing the figures of complete periods. Nothing it does changes a figure: it repairs or warms the store.
         */
        post: operations["Compliance.RebuildResults"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Compliance/Report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report computes the compliance report.
         * @description Report computes the compliance report. Callers asking the same question of the same data version share one computation.
         */
        post: operations["Compliance.Report"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Compliance/Rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rollback evaluates a rollback rule ("error_rate > 0.02 for 15m") over a feed.
         * @description Rollback evaluates a rollback rule ("error_rate > 0.02 for 15m") over a feed.
         */
        post: operations["Compliance.Rollback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Compliance/Rows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rows lists the rows behind one period's figure of an SLT, a page at a time.
         * @description Rows lists the rows behind one period's figure of an SLT, a page at a time.
         */
        post: operations["Compliance.Rows"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Compliance/WhatIf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * WhatIf judges every complete past period of an SLT at a proposed target.
         * @description WhatIf judges every complete past period of an SLT at a proposed target.
         */
        post: operations["Compliance.WhatIf"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Design/Capacity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Capacity checks whether Servers meet the target for the arrivals and handle time (given, or read from a feed), and the smallest team that does.
         * @description Capacity checks whether Servers meet the target for the arrivals and handle time (given, or read from a feed), and the smallest team that does. An overloaded team (more work than servers) is an error that says how many keep up and how many meet the target.
         */
        post: operations["Design.Capacity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Design/Change": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change prices a change window in error budget, for the change advisory board: the budget the window consumes in its period (counted, or excluded as registered maintenance), the budget left after it, and whether the SLT still meets its target at its current burn.
         * @description Change prices a change window in error budget, for the change advisory board: the budget the window consumes in its period (counted, or excluded as registered maintenance), the budget left after it, and whether the SLT still meets its target at its current burn.
         */
        post: operations["Design.Change"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Design/NewSLT": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * NewSLT drafts an SLT from a template (indicator, period, objective, calendar, escalation defaults) for a service and a feed.
         * @description NewSLT drafts an SLT from a template (indicator, period, objective, calendar, escalation defaults) for a service and a feed. Nothing is stored: review the YAML, then apply it. A name the naming conventions refuse, a feed of the wrong shape or a name in use is an error.
         */
        post: operations["Design.NewSLT"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Exceptions/Approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve approves a requested exception as the caller, who must not be the requester (four eyes: by identity, not by a name anyone can type).
         * @description Approve approves a requested exception as the caller, who must not be the requester (four eyes: by identity, not by a name anyone can type).
         */
        post: operations["Exceptions.Approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Exceptions/Evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Evidence returns the bytes of an evidence file by SHA-256.
         * @description Evidence returns the bytes of an evidence file by SHA-256.
         */
        post: operations["Exceptions.Evidence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Exceptions/List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List lists every exception, oldest first.
         * @description List lists every exception, oldest first.
         */
        post: operations["Exceptions.List"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Exceptions/Reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject rejects a requested exception as the caller, who must not be the requester.
         * @description Reject rejects a requested exception as the caller, who must not be the requester.
         */
        post: operations["Exceptions.Reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Exceptions/Request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Request records a new exception (status requested) and returns it with its id.
         * @description Request records a new exception (status requested) and returns it with its id.
         */
        post: operations["Exceptions.Request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Foresight/Backtest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Backtest is the walk-forward track record of both horizons: at each past decision point from From on, the model is fitted on what was known then, and its forecast and the baseline's are scored against what happened.
         * @description Backtest is the walk-forward track record of both horizons: at each past decision point from From on, the model is fitted on what was known then, and its forecast and the baseline's are scored against what happened.
         */
        post: operations["Foresight.Backtest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Foresight/Calibrate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Calibrate compares a feed with its reference feed over [From, To): bias with its interval, MAE, Bland–Altman limits, Lin's concordance, agreement on good/bad at each SLT's threshold, the SLTs' attainment from both feeds, and the bias per month with drift flagged.
         * @description Calibrate compares a feed with its reference feed over [From, To): bias with its interval, MAE, Bland–Altman limits, Lin's concordance, agreement on good/bad at each SLT's threshold, the SLTs' attainment from both feeds, and the bias per month with drift flagged.
         */
        post: operations["Foresight.Calibrate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Foresight/CalibratedFeeds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * CalibratedFeeds lists the feeds paired with a reference feed.
         * @description CalibratedFeeds lists the feeds paired with a reference feed.
         */
        post: operations["Foresight.CalibratedFeeds"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Foresight/Predict": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Predict gives the probability that each SLT (and tier) misses its current and next period, with the backtest of both horizons beside it.
         * @description Predict gives the probability that each SLT (and tier) misses its current and next period, with the backtest of both horizons beside it. The source of each probability is the model when its track record beats the baseline, else the baseline; with too little history the forecast says "not enough data: N decision points, need M" (status insufficient) and gives no probability. Callers asking at the same time (now: the same minute) of the same data share one computation.
         */
        post: operations["Foresight.Predict"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Imports/Batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Batch shows one batch: counts, findings summary and the first findings.
         * @description Batch shows one batch: counts, findings summary and the first findings.
         */
        post: operations["Imports.Batch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Imports/Batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Batches lists the import batches of a feed ("" = all feeds the caller may see), oldest first.
         * @description Batches lists the import batches of a feed ("" = all feeds the caller may see), oldest first.
         */
        post: operations["Imports.Batches"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Imports/DiscardUpload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * DiscardUpload removes an upload that will not be used.
         * @description DiscardUpload removes an upload that will not be used.
         */
        post: operations["Imports.DiscardUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Imports/Feeds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Feeds lists the feeds the caller can import into, by name (a supplier: its own).
         * @description Feeds lists the feeds the caller can import into, by name (a supplier: its own).
         */
        post: operations["Imports.Feeds"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Imports/Import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import reads a CSV or XLSX file into a feed as one batch: every row is validated, problems become findings, and the batch is published atomically with an audit event (or nothing changes: dry run, refusal, error).
         * @description Import reads a CSV or XLSX file into a feed as one batch: every row is validated, problems become findings, and the batch is published atomically with an audit event (or nothing changes: dry run, refusal, error). The upload is removed once its batch is published (the batch keeps the original file).
         */
        post: operations["Imports.Import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Imports/Layout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Layout is the layout of a feed's files and the instructions its template carries (for a CSV template, which has no second sheet, to send along).
         * @description Layout is the layout of a feed's files and the instructions its template carries (for a CSV template, which has no second sheet, to send along).
         */
        post: operations["Imports.Layout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Imports/Preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview reads the start of an uploaded file for the import wizard: header, first rows, and a suggested mapping for the feed.
         * @description Preview reads the start of an uploaded file for the import wizard: header, first rows, and a suggested mapping for the feed.
         */
        post: operations["Imports.Preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Imports/RejectsFile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * RejectsFile is the rejects report of a batch as a download: format "xlsx" (default) or "csv".
         * @description RejectsFile is the rejects report of a batch as a download: format "xlsx" (default) or "csv".
         */
        post: operations["Imports.RejectsFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Imports/Revert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revert withdraws a batch: its points leave the data (audited).
         * @description Revert withdraws a batch: its points leave the data (audited).
         */
        post: operations["Imports.Revert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Imports/Start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start runs an import (or, with DryRun, the validation of one) as a background job and returns its id at once; Jobs.Get reports progress (bytes of a CSV, rows of an XLSX) and, when done, the ImportResult.
         * @description Start runs an import (or, with DryRun, the validation of one) as a background job and returns its id at once; Jobs.Get reports progress (bytes of a CSV, rows of an XLSX) and, when done, the ImportResult. Jobs.Cancel stops it: the staging batch is discarded and nothing changes — no points, no batch, no saved mapping, no audit event.
         */
        post: operations["Imports.Start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Imports/Suggest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suggest proposes a mapping for a file's header and sample rows (the import wizard; the CLI and an import without a mapping use the same function, ingest.Suggest).
         * @description Suggest proposes a mapping for a file's header and sample rows (the import wizard; the CLI and an import without a mapping use the same function, ingest.Suggest).
         */
        post: operations["Imports.Suggest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Imports/TemplateCSV": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * TemplateCSV is the CSV template of a feed as a download: the header line its mapping reads, with the delimiter of its decimal convention.
         * @description TemplateCSV is the CSV template of a feed as a download: the header line its mapping reads, with the delimiter of its decimal convention. Layout gives the instructions to send along.
         */
        post: operations["Imports.TemplateCSV"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Imports/TemplateFile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * TemplateFile is the supplier data template (XLSX) of a feed as a download: the columns the feed's mapping reads, with an example row.
         * @description TemplateFile is the supplier data template (XLSX) of a feed as a download: the columns the feed's mapping reads, with an example row.
         */
        post: operations["Imports.TemplateFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Imports/Upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload receives a file from the browser, chunk by chunk, into Slate's upload folder.
         * @description Upload receives a file from the browser, chunk by chunk, into Slate's upload folder. Files above MaxUploadSize are refused before any byte is stored; an upload is removed once imported, when discarded, or after a day.
         */
        post: operations["Imports.Upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Improvements/Add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add records an initiative as the caller.
         * @description Add records an initiative as the caller.
         */
        post: operations["Improvements.Add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Improvements/List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List lists initiatives (of one SLT, or all), oldest first.
         * @description List lists initiatives (of one SLT, or all), oldest first.
         */
        post: operations["Improvements.List"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Improvements/Validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Validate validates an initiative on its SLT's data as of now, with the days for the before/after chart.
         * @description Validate validates an initiative on its SLT's data as of now, with the days for the before/after chart.
         */
        post: operations["Improvements.Validate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Integrations/Deliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deliver runs one delivery pass now: every pending task that is due is sent, one at a time, and each outcome recorded (audited).
         * @description Deliver runs one delivery pass now: every pending task that is due is sent, one at a time, and each outcome recorded (audited).
         */
        post: operations["Integrations.Deliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Integrations/Outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Outbox lists the tasks: pending first (the oldest first), then delivered ones, the newest first.
         * @description Outbox lists the tasks: pending first (the oldest first), then delivered ones, the newest first.
         */
        post: operations["Integrations.Outbox"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Integrations/Retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry makes a pending task (id "" = every pending task) due now, as the caller; the next delivery pass sends it.
         * @description Retry makes a pending task (id "" = every pending task) due now, as the caller; the next delivery pass sends it. It returns the ids made due.
         */
        post: operations["Integrations.Retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Jobs/Cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel asks a running job to stop; the work decides where it can stop safely (an import rolls back its staging batch, so nothing half-done stays).
         * @description Cancel asks a running job to stop; the work decides where it can stop safely (an import rolls back its staging batch, so nothing half-done stays).
         */
        post: operations["Jobs.Cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Jobs/Get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get returns the job's current state.
         * @description Get returns the job's current state.
         */
        post: operations["Jobs.Get"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Jobs/List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List returns the caller's jobs still remembered, newest first.
         * @description List returns the caller's jobs still remembered, newest first.
         */
        post: operations["Jobs.List"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Meetings/Agenda": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Agenda generates the agenda of a service's or a supplier's review meeting, each SLT with its status (the one status rule).
         * @description Agenda generates the agenda of a service's or a supplier's review meeting, each SLT with its status (the one status rule).
         */
        post: operations["Meetings.Agenda"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Meetings/AgendaFile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * AgendaFile renders the agenda as a PDF or a workbook through the pack's writers, fingerprinted like a pack (its SLTs' definitions and data, and the audit head, which every loop record's change moves).
         * @description AgendaFile renders the agenda as a PDF or a workbook through the pack's writers, fingerprinted like a pack (its SLTs' definitions and data, and the audit head, which every loop record's change moves). Audited as export.agenda.
         */
        post: operations["Meetings.AgendaFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Meetings/List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List lists recorded meetings, the latest first.
         * @description List lists recorded meetings, the latest first.
         */
        post: operations["Meetings.List"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Meetings/Record": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record records a meeting's minutes as the caller and creates the actions agreed, all in one transaction (nothing when anything is wrong).
         * @description Record records a meeting's minutes as the caller and creates the actions agreed, all in one transaction (nothing when anything is wrong).
         */
        post: operations["Meetings.Record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Packs/Build": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Build writes the pack's files into the packs folder and audits the export.
         * @description Build writes the pack's files into the packs folder and audits the export.
         */
        post: operations["Packs.Build"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Packs/Download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Download returns a pack file from the packs folder by name.
         * @description Download returns a pack file from the packs folder by name.
         */
        post: operations["Packs.Download"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Packs/List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List lists the pack files in the packs folder, by name.
         * @description List lists the pack files in the packs folder, by name.
         */
        post: operations["Packs.List"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Packs/Start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start builds the pack as a background job (Jobs.Get shows progress per section and SLT; the result is a PackResult).
         * @description Start builds the pack as a background job (Jobs.Get shows progress per section and SLT; the result is a PackResult).
         */
        post: operations["Packs.Start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Packs/Verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify checks an uploaded pack file (Imports.Upload, or a file picked in the window) against the data: it reads the fingerprint and scope back from the file (PDF keywords, or the XLSX document properties and cover sheet), recomputes the fingerprint from the database and says whether the pack still matches.
         * @description Verify checks an uploaded pack file (Imports.Upload, or a file picked in the window) against the data: it reads the fingerprint and scope back from the file (PDF keywords, or the XLSX document properties and cover sheet), recomputes the fingerprint from the database and says whether the pack still matches.
         */
        post: operations["Packs.Verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Packs/VerifyStored": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * VerifyStored checks a pack file of the packs folder (List), by name.
         * @description VerifyStored checks a pack file of the packs folder (List), by name.
         */
        post: operations["Packs.VerifyStored"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/RCAs/Close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close closes an analysis as the caller: it needs a root cause, a linked action that is not dropped and its method complete; otherwise nothing changes and the error lists what is missing.
         * @description Close closes an analysis as the caller: it needs a root cause, a linked action that is not dropped and its method complete; otherwise nothing changes and the error lists what is missing.
         */
        post: operations["RCAs.Close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/RCAs/Get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get reads one analysis with its linked actions.
         * @description Get reads one analysis with its linked actions.
         */
        post: operations["RCAs.Get"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/RCAs/List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List applies the root-cause rule (so a run of misses that reached its SLT's rcaAfter since the last change has its analysis), then lists analyses: open ones first, the highest priority first.
         * @description List applies the root-cause rule (so a run of misses that reached its SLT's rcaAfter since the last change has its analysis), then lists analyses: open ones first, the highest priority first.
         */
        post: operations["RCAs.List"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/RCAs/Open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open opens an analysis of one breach as the caller (the rule opens those of runs of misses on its own); when one already holds the breach, the error names it.
         * @description Open opens an analysis of one breach as the caller (the rule opens those of runs of misses on its own); when one already holds the breach, the error names it.
         */
        post: operations["RCAs.Open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/RCAs/Update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Update changes an open analysis as the caller.
         * @description Update changes an open analysis as the caller.
         */
        post: operations["RCAs.Update"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Reviews/History": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * History lists recorded reviews (of one SLT, or all), the latest first.
         * @description History lists recorded reviews (of one SLT, or all), the latest first.
         */
        post: operations["Reviews.History"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Reviews/List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List evaluates each selected SLT's review cycle and triggers now.
         * @description List evaluates each selected SLT's review cycle and triggers now.
         */
        post: operations["Reviews.List"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Reviews/Record": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record records a review as the caller; it resets the SLT's cycle and triggers.
         * @description Record records a review as the caller; it resets the SLT's cycle and triggers.
         */
        post: operations["Reviews.Record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Session/Me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Me returns the caller: the token's user in the browser, the OS user in the window.
         * @description Me returns the caller: the token's user in the browser, the OS user in the window.
         */
        post: operations["Session.Me"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Suppliers/Check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check reports every end-to-end SLT's components: gaps (no contract), overlaps (two contracts), orphan contracts, whether the components' targets allow the end-to-end target (and which part must improve, by how much), and per period whether the parts met theirs while the whole missed.
         * @description Check reports every end-to-end SLT's components: gaps (no contract), overlaps (two contracts), orphan contracts, whether the components' targets allow the end-to-end target (and which part must improve, by how much), and per period whether the parts met theirs while the whole missed.
         */
        post: operations["Suppliers.Check"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Suppliers/DataSet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * DataSet is one feed of a supplier's shared data set as a download: the feed's published rows of the period in the feed's own layout (an XLSX the supplier can check and import as it is).
         * @description DataSet is one feed of a supplier's shared data set as a download: the feed's published rows of the period in the feed's own layout (an XLSX the supplier can check and import as it is). A supplier user gets the feeds it delivers only. Every download is audited (export.dataset).
         */
        post: operations["Suppliers.DataSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Suppliers/Maturity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Maturity scores each supplier's latest maturity assessment by area beside its record on its contract SLTs (periods met, credits, trend) and flags where they disagree.
         * @description Maturity scores each supplier's latest maturity assessment by area beside its record on its contract SLTs (periods met, credits, trend) and flags where they disagree.
         */
        post: operations["Suppliers.Maturity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Suppliers/Scope": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Scope is what a joint review with a supplier covers: its contracts, the SLTs it is bound to or delivers the data of, their feeds and the batches of the period, its contingency plan and assessments.
         * @description Scope is what a joint review with a supplier covers: its contracts, the SLTs it is bound to or delivers the data of, their feeds and the batches of the period, its contingency plan and assessments.
         */
        post: operations["Suppliers.Scope"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Users/Add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add makes a user and its token.
         * @description Add makes a user and its token. A revoked user's name may be given again; an active one's may not.
         */
        post: operations["Users.Add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Users/List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List lists every user, revoked ones included, by name.
         * @description List lists every user, revoked ones included, by name.
         */
        post: operations["Users.List"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Users/Revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke withdraws a user's token at once; the record stays for the audit trail.
         * @description Revoke withdraws a user's token at once; the record stays for the audit trail.
         */
        post: operations["Users.Revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List improvement actions
         * @description The improvement actions (docs/improvement.md), ordered by id, each with whether it is overdue today in the workspace's time zone.
         */
        get: operations["listActions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One import batch
         * @description A batch's file, mapping, counts, status and its first findings. A supplier sees the batches of its own feeds only.
         */
        get: operations["getBatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/breaches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List missed periods
         * @description Every missed period of every SLT with its impact, priority and Pareto rank, ordered by id (SLT[/TIER]@PERIOD); false positives stay in the list, out of the ranking.
         */
        get: operations["listBreaches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feeds/{name}/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a file into a feed
         * @description Sends a CSV or XLSX file (the request body, up to 512 MiB; `Content-Length` required) into the feed and imports it as one batch: every row is validated and the answer lists the findings. A published batch answers 201 with its `Location`; a dry run 200; an import that publishes nothing (conflicting rows, no importable row) answers 422 with the findings in `result`. A supplier may send into its own feeds only.
         */
        post: operations["importBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feeds/{name}/calibration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A feed against its reference feed
         * @description The feed compared with the reference its definition names (`spec.calibrateAgainst`), bucket by bucket: bias (feed − reference) with its interval, MAE, Bland–Altman limits of agreement, Lin's concordance, good/bad agreement at each SLT's threshold (confusion matrix, Cohen's kappa), the SLTs' attainment from both feeds, and the bias per month with drift flagged. The same figures as `slate calibrate FEED --json`; too few paired buckets answer 422 with "not enough data".
         */
        get: operations["getFeedCalibration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/predictions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The chance that each SLT misses its period
         * @description For each SLT (and tier), the probability that the period in progress and the next one miss their target, always with the walk-forward track record of both horizons (`track_record_current`, `track_record_next`: Brier score, skill against the baseline, AUC, reliability, decision points). Each probability's `source` is the model when its track record beats the baseline, else the baseline; without a track record the status is `insufficient`, the message says "not enough data: N decision points, need M" and no probability is given. The same figures as `slate predict --json`.
         */
        get: operations["listPredictions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/slts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the SLTs
         * @description Every SLT of the workspace, by name, with its service, objective and feed.
         */
        get: operations["listSLTs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/slts/{name}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An SLT's compliance report
         * @description The SLT's rows (overall and per tier) for a period, its credits and its status: the same figures as `slate report --slt NAME --period P --json`. Without `period`, the last complete and the running period.
         */
        get: operations["getSLTReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Workspace/Apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply validates every document of a YAML text (file names where it came from) and stores them all, or none when any is wrong.
         * @description Apply validates every document of a YAML text (file names where it came from) and stores them all, or none when any is wrong. Unchanged documents are not rewritten, so applying the same text twice changes nothing.
         */
        post: operations["Workspace.Apply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Workspace/Definitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Definitions lists definitions of one kind ("" = all kinds), optionally one name.
         * @description Definitions lists definitions of one kind ("" = all kinds), optionally one name.
         */
        post: operations["Workspace.Definitions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Workspace/DefinitionsYAML": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * DefinitionsYAML is Definitions as multi-document YAML (what `apply` reads back).
         * @description DefinitionsYAML is Definitions as multi-document YAML (what `apply` reads back).
         */
        post: operations["Workspace.DefinitionsYAML"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Workspace/Delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delete removes a definition, refusing while others refer to it.
         * @description Delete removes a definition, refusing while others refer to it.
         */
        post: operations["Workspace.Delete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Workspace/LoadDemo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * LoadDemo fills the workspace with the demo definitions.
         * @description LoadDemo fills the workspace with the demo definitions. Applying it again changes nothing.
         */
        post: operations["Workspace.LoadDemo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/Workspace/Overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Overview lists services with their SLTs, sorted by business unit and name.
         * @description Overview lists services with their SLTs, sorted by business unit and name.
         */
        post: operations["Workspace.Overview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Action is one improvement action. */
        Action: {
            /** Format: date-time */
            closed_at?: string | null;
            /** Format: date-time */
            created_at: string;
            created_by: string;
            /** @description Due is a local date (YYYY-MM-DD) in the workspace's zone; "" = none. */
            due?: string;
            history: components["schemas"]["Change"][] | null;
            id: string;
            links: components["schemas"]["Links"];
            notes: components["schemas"]["Note"][] | null;
            /** @description Origin says who made it: a person, a meeting's minutes, or a rule. */
            origin: string;
            owner: string;
            status: string;
            title: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description ActionClose closes an action as done or dropped (dropped needs a note). */
        ActionClose: {
            id: string;
            note?: string;
            status: string;
        };
        /** @description ActionItem is an action as lists show it: with whether it is overdue. */
        ActionItem: {
            /** Format: date-time */
            closed_at?: string | null;
            /** Format: date-time */
            created_at: string;
            created_by: string;
            /** Format: int64 */
            days_overdue?: number;
            /** @description Due is a local date (YYYY-MM-DD) in the workspace's zone; "" = none. */
            due?: string;
            history: components["schemas"]["Change"][] | null;
            id: string;
            links: components["schemas"]["Links"];
            notes: components["schemas"]["Note"][] | null;
            /** @description Origin says who made it: a person, a meeting's minutes, or a rule. */
            origin: string;
            overdue: boolean;
            owner: string;
            status: string;
            title: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description ActionList is a page of improvement actions. */
        ActionList: {
            items: components["schemas"]["ActionItem"][] | null;
            next_cursor?: string;
        };
        /** @description ActionQuery selects actions; empty fields select everything. Status is open, in_progress, done, dropped or live (open and in progress). */
        ActionQuery: {
            meeting?: string;
            overdue?: boolean;
            owner?: string;
            rca?: string;
            service?: string;
            slt?: string;
            /** @description Status: open, in_progress, done, dropped, or "live" (open and in progress). */
            status?: string;
            supplier?: string;
        };
        /** @description ActionUpdate changes an action's fields; absent fields stay. A status of done or dropped closes it (dropped needs a note), open or in_progress reopens it. */
        ActionUpdate: {
            due?: string | null;
            id: string;
            links?: components["schemas"]["Links"] | null;
            note?: string;
            owner?: string | null;
            status?: string | null;
            title?: string | null;
        };
        /** @description Adjustment is the seasonal adjustment of a daily series: when the day-of-week pattern is significant, each day's index (its weekday's mean − the overall mean) is subtracted before charting and trend fitting, so a quiet weekend is not a special cause. Met and capability still read the raw values. */
        Adjustment: {
            /** @description Applied is true when P < AdjustAlpha: the chart and trend use value − index. */
            applied: boolean;
            /** @description periods per weekday */
            days: number[] | null;
            /** Format: double */
            f: number;
            index: number[] | null;
            /** @description "day-of-week" */
            kind: string;
            labels: string[] | null;
            /** Format: double */
            p: number;
            why: string;
        };
        /** @description Agenda is a service review meeting's agenda (improve.BuildAgenda): what happened since the last meeting of its scope and what the meeting must decide. Dates are local dates of the workspace's zone (Zone); At is when the figures were evaluated. */
        Agenda: {
            actions: components["schemas"]["ActionItem"][] | null;
            approvals: components["schemas"]["Approval"][] | null;
            /**
             * Format: date-time
             * @description At is when the figures were evaluated: now, or the end of the meeting date when that is earlier. Zone is the workspace's zone, which the dates are read in.
             */
            at: string;
            breaches: components["schemas"]["AgendaBreach"][] | null;
            date: string;
            decisions: components["schemas"]["Decision"][] | null;
            display_name: string;
            /** @description Exceptions are the exceptions of the scope's SLTs decided since, and Approvals the four-eyes requests (false positives, clock pauses) decided since. */
            exceptions: components["schemas"]["Exception"][] | null;
            improvements: components["schemas"]["ImprovementValidation"][] | null;
            items: components["schemas"]["AgendaItem"][] | null;
            last_meeting?: components["schemas"]["Meeting"] | null;
            name: string;
            owner?: string;
            rcas: components["schemas"]["RCAItem"][] | null;
            reviews_due: components["schemas"]["ReviewStatus"][] | null;
            /** @description service or supplier */
            scope: string;
            /** @description Since is the date the agenda looks back to: the last meeting of the scope (LastMeeting), else DefaultLookback months before the date. */
            since: string;
            slts: components["schemas"]["AgendaSLT"][] | null;
            zone: string;
        };
        /** @description AgendaBreach is a breach since the last meeting with its priority. */
        AgendaBreach: {
            /** Format: double */
            allowance: number;
            /** Format: double */
            attainment: number | null;
            /** Format: double */
            bad_items: number | null;
            /**
             * Format: double
             * @description BadMinutes (availability) or BadItems (other shares) say how bad it was.
             */
            bad_minutes: number | null;
            /**
             * Format: double
             * @description BudgetsOverspent is the shortfall in error budgets: shortfall ÷ the shortfall the objective allows (Allowance), see docs/metrics.md.
             */
            budgets_overspent: number;
            /**
             * Format: double
             * @description Cost is cost per bad minute × bad minutes where the SLT prices bad time (money, for information: it is not part of the priority).
             */
            cost?: number | null;
            /**
             * Format: double
             * @description Duration is the bad minutes, or bad items, or 1 (for information: the shortfall already holds them, so they are not counted again).
             */
            duration: number;
            end: string;
            false_positive: boolean;
            false_positive_by?: string;
            false_positive_reason?: string;
            /**
             * Format: int64
             * @description Frequency is the number of genuine breaches of the same SLT and tier in the log.
             */
            frequency: number;
            id: string;
            /**
             * Format: double
             * @description Impact = Weight × BudgetsOverspent: weighted error budgets lost, one unit for every kind of SLT; ImpactRule says so in words.
             */
            impact: number;
            impact_rule: string;
            objective: string;
            op: string;
            /** Format: double */
            pareto_cumulative_share: number;
            /** Format: int64 */
            pareto_rank: number;
            period: string;
            /**
             * Format: double
             * @description Priority is the breach's impact; a group's priority is the sum over its breaches, so frequency counts through the sum.
             */
            priority: number;
            /** @description RCA is the analysis of the run the breach belongs to, if any. */
            rca?: string;
            /** Format: double */
            shortfall: number;
            slt: string;
            start: string;
            /** Format: double */
            target: number | null;
            tier: string;
            unit?: string;
            /** @description Value and Objective are the attainment and objective in words. */
            value: string;
            vital_few: boolean;
            /**
             * Format: double
             * @description Weight is the SLT's impact weight (default 1).
             */
            weight: number;
        };
        /** @description AgendaFileQuery asks for the agenda as a file: Format is pdf or xlsx. */
        AgendaFileQuery: {
            date?: string;
            format: string;
            service?: string;
            supplier?: string;
        };
        /** @description AgendaItem is one line of the standard agenda. */
        AgendaItem: {
            /** Format: int64 */
            number: number;
            /** @description Summary says in a few words what is under it. */
            summary: string;
            title: string;
        };
        /** @description AgendaPeriod is one period of an SLT. */
        AgendaPeriod: {
            /** Format: double */
            attainment: number | null;
            complete: boolean;
            met: boolean | null;
            period: string;
            value: string;
        };
        /** @description AgendaQuery asks for the agenda of one service's or one supplier's meeting on a date (YYYY-MM-DD; "" = today). */
        AgendaQuery: {
            /** @description Date is the meeting's local date (YYYY-MM-DD; "" = today). */
            date?: string;
            service?: string;
            supplier?: string;
        };
        /** @description AgendaSLT is one SLT's trend and verdict since the last meeting. */
        AgendaSLT: {
            /** @description Counter is the counter-metric the SLT names, read beside it. */
            counter_metric?: components["schemas"]["CounterMetric"] | null;
            display_name: string;
            objective: string;
            owner: string;
            /** @description Periods are the SLT's periods since the last meeting. */
            periods: components["schemas"]["AgendaPeriod"][] | null;
            service: string;
            slt: string;
            /** @description Status is the one status rule's judgement; the caller that has the burn-rate alerts fills it (as compliance.Report.Statuses). */
            status?: components["schemas"]["Status"] | null;
            /** @description Trend is improving, worsening or none; Verdict the analysis' verdict in words (docs/statistics.md), over every complete period to date. */
            trend: string;
            type: string;
            verdict: string;
        };
        /** @description Alert is a burn-rate rule that fired, with the numbers that fired it. */
        Alert: {
            message: string;
            rule: string;
            severity: string;
            slt: string;
            /** Format: double */
            target: number;
            /** Format: double */
            threshold: number;
            tier: string;
            windows: components["schemas"]["WindowBurn"][] | null;
        };
        /** @description AlertList is the alerts screen: burn-rate alerts and trend warnings. */
        AlertList: {
            alerts: components["schemas"]["Alert"][] | null;
            /** Format: date-time */
            at: string;
            trends: components["schemas"]["TrendWarning"][] | null;
        };
        /** @description AlertQuery selects alerts at a time, optionally for one SLT. */
        AlertQuery: {
            at: string;
            slt: string;
        };
        /** @description Alignment is the outcome of pairing two series. */
        Alignment: {
            /**
             * Format: int64
             * @description FeedBuckets and RefBuckets count the buckets with data in each feed; Unpaired* those left without a partner.
             */
            feed_buckets: number;
            /**
             * Format: int64
             * @description Neighbours counts pairs made across buckets (within the tolerance).
             */
            neighbour_pairs: number;
            /** Format: int64 */
            reference_buckets: number;
            /** Format: int64 */
            unpaired_feed_buckets: number;
            /** Format: int64 */
            unpaired_reference_buckets: number;
        };
        /** @description Breach is when the fitted trend reaches the target. */
        AnalysisBreach: {
            /** Format: int64 */
            horizon: number;
            message: string;
            /** @description Period is the first future period whose fitted value fails the target, and PeriodStart its start (within_horizon and beyond_horizon only). */
            period?: string;
            /** Format: date-time */
            period_start?: string | null;
            /**
             * Format: double
             * @description PeriodsAhead is where the fitted line equals the target, in periods after the last analysed one (may be fractional or negative).
             */
            periods_ahead: number | null;
            /** @description one of the Breach* constants */
            status: string;
        };
        /** @description AnalysisDefinition is what a reader needs to know about an SLT beside its numbers. */
        AnalysisDefinition: {
            assumptions: components["schemas"]["Assumptions"] | null;
            display_name: string;
            escalation: components["schemas"]["EscalationLevel"][] | null;
            feed?: string;
            indicator: string;
            name: string;
            /** @description Objective is the analysed objective as people read it (">= 95%"). */
            objective: string;
            op: string;
            owner: string;
            period: string;
            service: string;
            statistic?: string;
            supplier?: string;
            /** Format: double */
            target: number | null;
            tier?: string;
            tiers: components["schemas"]["Tier"][] | null;
            time_zone: string;
            type: string;
        };
        /** @description AnalyzeQuery selects an SLT and the periods to analyse. From and To are period keys (2026-01, 2026-Q1, a date ...); a period is analysed when it starts inside [From, To]. Baseline is "P..P" (period labels of the SLT); Tier picks one tier of a tiered SLT (default: its overall rows). At is the evaluation time (empty: now). Chart is "", "xmr", "p" or "laney-p"; Rules "nelson" (default) or "we". */
        AnalyzeQuery: {
            at: string;
            baseline: string;
            chart: string;
            from: string;
            rules: string;
            slt: string;
            tier: string;
            to: string;
        };
        /** @description AnchorResult says whether the stored chain still extends an anchored head. */
        AnchorResult: {
            hash: string;
            ok: boolean;
            problem?: string;
            seq: number;
        };
        /** @description Apollo is an Apollo root-cause analysis: the primary effect, the causes behind each effect (an action and a condition, each with evidence), and solutions that control causes. */
        Apollo: {
            causes: components["schemas"]["Cause"][] | null;
            primary_effect: string;
            solutions: components["schemas"]["Solution"][] | null;
        };
        /** @description ApplyResult says what an apply changed. */
        ApplyResult: {
            created: string[] | null;
            unchanged: string[] | null;
            updated: string[] | null;
        };
        /** @description Approval is a request that needs a second person's decision: a breach called a false positive, or a pause that alone makes an item on time. */
        Approval: {
            /** Format: date-time */
            decided_at?: string;
            decided_by?: string;
            id: string;
            item?: string;
            kind: string;
            note?: string;
            /**
             * Format: double
             * @description PausedSeconds is the pause a clock-pause request confirms.
             */
            paused_seconds?: number;
            reason: string;
            /** Format: date-time */
            requested_at: string;
            requested_by: string;
            slt: string;
            /** @description Status is requested, approved or rejected. */
            status: string;
            /** @description Subject is the breach id (false positive) or SLT:item (clock pause). */
            subject: string;
        };
        /** @description ApprovalDecision approves or rejects a request; the decider is the caller, who must not be the requester. */
        ApprovalDecision: {
            id: string;
            note: string;
        };
        /** @description ApprovalFilter selects requests: Status requested, approved or rejected; Kind false_positive or clock_pause. */
        ApprovalFilter: {
            kind?: string;
            slt?: string;
            status?: string;
        };
        /** @description AreaScore is Σ(question weight × score) / Σ question weight over the answered questions of one area. */
        AreaScore: {
            /** Format: int64 */
            answered: number;
            id: string;
            name: string;
            /** Format: int64 */
            questions: number;
            /** Format: double */
            score: number | null;
            /** Format: double */
            weight: number;
        };
        /** @description Assessment is the window's cost for one SLT. */
        Assessment: {
            /**
             * Format: double
             * @description ErrorRate is the share of the window's units assumed bad.
             */
            error_rate: number;
            /** Format: date-time */
            from: string;
            /** @description Impacts has one entry per tier and period the window falls in. */
            impacts: components["schemas"]["Impact"][] | null;
            kind: string;
            meets_planned: boolean;
            /** @description Meets: the SLT would still meet its target (every tier, every period) with the window counted as unplanned, and as planned maintenance. */
            meets_unplanned: boolean;
            owner: string;
            service: string;
            /** @description Skipped says why an SLT of a service has no budget to assess (statistics, composites). */
            skipped?: string;
            slt: string;
            /** Format: date-time */
            to: string;
            verdict: string;
        };
        /** @description AssessmentScore is an assessment scored against its model. */
        AssessmentScore: {
            /** Format: int64 */
            answered: number;
            areas: components["schemas"]["AreaScore"][] | null;
            assessment: string;
            assessor: string;
            band: string;
            complete: boolean;
            date: string;
            model: string;
            /** Format: int64 */
            questions: number;
            /**
             * Format: double
             * @description Score is Σ(area weight × area score) / Σ area weight over the areas with answers; nil without any.
             */
            score: number | null;
        };
        /** @description Assumptions are what an SLT's target assumes (the definition's assumptions, converted with (*Assumptions)(a)). */
        Assumptions: {
            dependencies?: string[] | null;
            expected_volume?: string;
            notes?: string[] | null;
            /** @description Volume is the expected volume as numbers: outside it, a review is due. */
            volume?: components["schemas"]["VolumeRange"] | null;
        };
        /** @description Attained is one period of one SLT (or tier) on the feed, computed once from the feed and once from the reference with the same definition. */
        Attained: {
            complete: boolean;
            /** @description feed − reference */
            difference: number;
            /** Format: date-time */
            end: string;
            from_feed: number;
            from_reference: number;
            /** @description Kind is the indicator kind and Unit the statistic's unit (empty for a share); Op and Target the period's objective. */
            kind: string;
            met_feed: boolean | null;
            met_reference: boolean | null;
            op: string;
            period: string;
            slt: string;
            /** Format: date-time */
            start: string;
            target: number;
            tier?: string;
            unit?: string;
            /** @description Verdicts differ: one source says met, the other missed. */
            verdicts_differ: boolean;
        };
        /** @description Attempt is one delivery attempt. */
        Attempt: {
            /** Format: date-time */
            at: string;
            error?: string;
            ok: boolean;
        };
        /** @description AuditAnchor is the chain head to keep outside the database. */
        AuditAnchor: {
            format: string;
            hash: string;
            /** @description Key is "ed25519:" and the base64 public key that signed it; Sig the base64 signature of Message. */
            key?: string;
            seq: number;
            sig?: string;
            /** Format: date-time */
            time?: string;
        };
        /** @description AuditCheck chooses what Check verifies. */
        AuditCheck: {
            /** @description Anchor is an anchor record (the JSON line `slate audit anchor` wrote), "SEQ:HASH" or a bare head hash: the chain must still extend it. */
            anchor?: string;
            /** @description Quick skips re-hashing the stored points of every batch. */
            quick?: boolean;
        };
        /** @description AuditEvent is one audit entry. */
        AuditEvent: {
            action: string;
            actor: string;
            details?: unknown;
            hash: string;
            object: string;
            prev: string;
            seq: number;
            /** Format: date-time */
            time: string;
        };
        /** @description AuditVerification is the outcome of checking the chain, the data and an anchor: storage's verification, and what the anchor's signature says. */
        AuditVerification: {
            /** @description Anchor is the outcome of checking a head recorded outside the file. */
            anchor?: components["schemas"]["AnchorResult"] | null;
            /** @description AnchorSignature describes the anchor's signature when one was given: "unsigned", or "valid, key sha256:…" (with "trusted" when compared with the local anchor key). */
            anchor_signature?: string;
            bad_batch?: number;
            /** Format: int64 */
            batches: number;
            /** @description DataChecked says the stored points of every published batch were re-hashed (Batches of them, Points points); BadBatch names the first (lowest id) whose data no longer matches the trail. */
            data_checked: boolean;
            events: number;
            first_bad?: number;
            head: string;
            ok: boolean;
            /** Format: int64 */
            points: number;
            problem?: string;
        };
        /** @description BacktestQuery: From is the first decision point scored (a date or time; empty: as soon as a model can be fitted); At the end (empty: now). */
        BacktestQuery: {
            at: string;
            from: string;
        };
        /** @description Backtests are the track records of both horizons. */
        Backtests: {
            /** Format: date-time */
            at: string;
            current: components["schemas"]["TrackRecord"];
            next: components["schemas"]["TrackRecord"];
        };
        /** @description Band is the dynamic baseline: each period judged against the rolling median and percentile band of the periods before it. */
        Band: {
            /** Format: double */
            lower_percentile: number;
            /** @description "rolling-median" */
            method: string;
            /** @description Next is the band for the next period (from the last Window periods). */
            next: components["schemas"]["BandPoint"];
            /** @description Outside lists the labels of periods outside their band. */
            outside: string[] | null;
            points: components["schemas"]["BandPoint"][] | null;
            /** Format: double */
            upper_percentile: number;
            /** Format: int64 */
            window: number;
        };
        /** @description BandPoint is the band for one period (nil values: no earlier periods). */
        BandPoint: {
            /** Format: double */
            center: number | null;
            label: string;
            /** Format: double */
            lower: number | null;
            outside: boolean;
            /** Format: double */
            upper: number | null;
            /** Format: double */
            value?: number | null;
        };
        /** @description BaselineUse is the phase I range actually used (1-based analysed periods). */
        BaselineUse: {
            /** @description All is true when every period set the limits. */
            all: boolean;
            /** @description Auto is true when Slate chose the range (no --baseline); Why says how. Periods after the range are judged against its limits (phase II), periods before it are drawn but not judged. */
            auto: boolean;
            /** Format: int64 */
            from: number;
            from_label: string;
            /** Format: int64 */
            to: number;
            to_label: string;
            why: string;
        };
        /** @description Batch is one import: what was read, how it was mapped, what it counted, and its status (staging, published, reverted, discarded). */
        Batch: {
            counts: components["schemas"]["BatchCounts"];
            /** Format: date-time */
            created: string;
            delimiter?: string;
            encoding?: string;
            feed: string;
            file?: string;
            /** @description FindingCounts counts the import's findings by kind. */
            finding_counts?: {
                [key: string]: number;
            } | null;
            format?: string;
            /**
             * Format: date-time
             * @description From and To bound the times of the batch's points.
             */
            from?: string;
            header?: string[] | null;
            /** Format: int64 */
            header_row?: number;
            id: number;
            mapping?: components["schemas"]["Mapping"] | null;
            /** @description OnConflict is how rows already stored for the same time or item were treated: reject, replace or keep. */
            on_conflict?: string;
            /** Format: date-time */
            published?: string;
            /** @description Purged: the batch's points were removed after a revert. */
            purged?: boolean;
            /** Format: date-time */
            reverted?: string;
            sha256?: string;
            shape?: string;
            sheet?: string;
            /** Format: int64 */
            size?: number;
            /**
             * Format: int64
             * @description SourceBytes is the size of the original file kept with the batch (0: not kept).
             */
            source_bytes?: number;
            /** @description SourceLines: the original file is rebuilt from the batch's points and the lines kept as read. */
            source_lines?: boolean;
            status: string;
            /** Format: date-time */
            to?: string;
        };
        /** @description BatchCounts are the row counts of an import: Read = Imported + Rejected + Empty. */
        BatchCounts: {
            /** Format: int64 */
            empty: number;
            /** Format: int64 */
            imported: number;
            /** Format: int64 */
            read: number;
            /** Format: int64 */
            rejected: number;
            /**
             * Format: int64
             * @description Replaced is the number of stored points this batch replaced (--on-conflict replace).
             */
            replaced?: number;
            /**
             * Format: int64
             * @description Warnings is the number of imported rows that carry a warning.
             */
            warnings: number;
        };
        /** @description BatchDetail is one batch with its findings. */
        BatchDetail: {
            counts: components["schemas"]["BatchCounts"];
            /** Format: date-time */
            created: string;
            delimiter?: string;
            encoding?: string;
            feed: string;
            file?: string;
            /** @description FindingCounts counts the import's findings by kind. */
            finding_counts?: {
                [key: string]: number;
            } | null;
            /** @description Findings lists the first FindingsLimit findings; FindingCounts counts them all by kind. */
            findings: components["schemas"]["Finding"][] | null;
            findings_truncated?: boolean;
            format?: string;
            /**
             * Format: date-time
             * @description From and To bound the times of the batch's points.
             */
            from?: string;
            header?: string[] | null;
            /** Format: int64 */
            header_row?: number;
            id: number;
            mapping?: components["schemas"]["Mapping"] | null;
            /** @description OnConflict is how rows already stored for the same time or item were treated: reject, replace or keep. */
            on_conflict?: string;
            /**
             * Format: int64
             * @description Points is how many of the batch's points are in the data now.
             */
            points: number;
            /** Format: date-time */
            published?: string;
            /** @description Purged: the batch's points were removed after a revert. */
            purged?: boolean;
            /** Format: date-time */
            reverted?: string;
            sha256?: string;
            shape?: string;
            sheet?: string;
            /** Format: int64 */
            size?: number;
            /**
             * Format: int64
             * @description SourceBytes is the size of the original file kept with the batch (0: not kept).
             */
            source_bytes?: number;
            /** @description SourceLines: the original file is rebuilt from the batch's points and the lines kept as read. */
            source_lines?: boolean;
            status: string;
            /** Format: date-time */
            to?: string;
        };
        /** @description BatchRef names one import batch of a scoped feed. */
        BatchRef: {
            feed: string;
            file: string;
            /** Format: date-time */
            from?: string;
            id: number;
            /** Format: date-time */
            imported?: string;
            sha256: string;
            status: string;
            /** Format: date-time */
            to?: string;
        };
        /** @description Bin is one row of a reliability table. */
        Bin: {
            /** Format: int64 */
            events: number;
            /** Format: double */
            from: number;
            /** Format: int64 */
            n: number;
            observed: number;
            predicted: number;
            /** Format: double */
            to: number;
        };
        /** @description Breach is one missed period with its impact, priority and Pareto rank. */
        Breach: {
            /** Format: double */
            allowance: number;
            /** Format: double */
            attainment: number | null;
            /** Format: double */
            bad_items: number | null;
            /**
             * Format: double
             * @description BadMinutes (availability) or BadItems (other shares) say how bad it was.
             */
            bad_minutes: number | null;
            /**
             * Format: double
             * @description BudgetsOverspent is the shortfall in error budgets: shortfall ÷ the shortfall the objective allows (Allowance), see docs/metrics.md.
             */
            budgets_overspent: number;
            /**
             * Format: double
             * @description Cost is cost per bad minute × bad minutes where the SLT prices bad time (money, for information: it is not part of the priority).
             */
            cost?: number | null;
            /**
             * Format: double
             * @description Duration is the bad minutes, or bad items, or 1 (for information: the shortfall already holds them, so they are not counted again).
             */
            duration: number;
            end: string;
            false_positive: boolean;
            false_positive_by?: string;
            false_positive_reason?: string;
            /**
             * Format: int64
             * @description Frequency is the number of genuine breaches of the same SLT and tier in the log.
             */
            frequency: number;
            id: string;
            /**
             * Format: double
             * @description Impact = Weight × BudgetsOverspent: weighted error budgets lost, one unit for every kind of SLT; ImpactRule says so in words.
             */
            impact: number;
            impact_rule: string;
            op: string;
            /** Format: double */
            pareto_cumulative_share: number;
            /** Format: int64 */
            pareto_rank: number;
            period: string;
            /**
             * Format: double
             * @description Priority is the breach's impact; a group's priority is the sum over its breaches, so frequency counts through the sum.
             */
            priority: number;
            /** Format: double */
            shortfall: number;
            slt: string;
            start: string;
            /** Format: double */
            target: number | null;
            tier: string;
            unit?: string;
            vital_few: boolean;
            /**
             * Format: double
             * @description Weight is the SLT's impact weight (default 1).
             */
            weight: number;
        };
        /** @description BreachList is a page of the breach log. */
        BreachList: {
            /**
             * Format: date-time
             * @description At is the evaluation time.
             */
            at: string;
            items: components["schemas"]["Breach"][] | null;
            next_cursor?: string;
            since?: string;
        };
        /** @description BreachLog is the breach screen. */
        BreachLog: {
            /** Format: date-time */
            at: string;
            breaches: components["schemas"]["Breach"][] | null;
            since?: string;
        };
        /** @description BreachQuery selects breaches whose period starts at or after Since (a period key or date). */
        BreachQuery: {
            at: string;
            since: string;
        };
        /** @description Change is where the drift starts and how it goes. */
        CalibrateChange: {
            bias_before: number;
            /** @description ramp (a steady drift) or step (a jump) */
            kind: string;
            /** @description step */
            shift: number;
            /** @description ramp */
            slope_per_day: number;
            /** @description the first day of the change, YYYY-MM-DD */
            start: string;
            /** @description Total is how far the bias has moved by the last day: the fitted bias at the end is Before + Total. */
            total_change: number;
        };
        /** @description CalibratedFeed is a feed paired with a reference (spec.calibrateAgainst); its SLTs' thresholds classify its buckets. */
        CalibratedFeed: {
            feed: string;
            reference: string;
            /** @description SLTs read the feed: their thresholds classify its buckets. */
            slts: string[] | null;
            unit: string;
        };
        /** @description CalibrateQuery names a feed and the span compared, [From, To) (RFC 3339 or dates; empty: all data up to now). */
        CalibrateQuery: {
            feed: string;
            from: string;
            to: string;
        };
        /** @description Result is the agreement between a feed and its reference over paired buckets. Differences are feed − reference, in the feeds' unit (a share for counts and event feeds): a positive bias means the feed reads higher. */
        CalibrateResult: {
            bias: number;
            bias_ci: number[];
            bias_correction: number;
            ccc: number;
            classification: components["schemas"]["ClassAgreement"][] | null;
            /** Format: double */
            confidence: number;
            drift: components["schemas"]["Drift"];
            feed_mean: number;
            limits_of_agreement: number[];
            lower_limit_ci: number[];
            mae: number;
            /** Format: int64 */
            n: number;
            pearson_r: number;
            reference_mean: number;
            rmse: number;
            sd_difference: number;
            upper_limit_ci: number[];
        };
        /** @description Calibration is a feed compared with its reference feed. */
        Calibration: {
            alignment: components["schemas"]["Alignment"];
            attainment: components["schemas"]["Attained"][] | null;
            /** Format: int64 */
            bucket_seconds: number;
            feed: string;
            /** Format: date-time */
            from: string;
            reference: string;
            result: components["schemas"]["CalibrateResult"];
            shape: string;
            /** Format: date-time */
            to: string;
            /** Format: int64 */
            tolerance_seconds: number;
            unit: string;
        };
        /** @description Capability says whether the process, as it is, meets its target: how many analysed periods missed (all of them, and since the reference started: the current process), and the share of periods a stable process with the reference's centre and spread would miss. */
        Capability: {
            /** @description Capable: nothing missed and the control limits stay clear of the target (ExpectedMiss below 0.135%, the 3-sigma tail). */
            capable: boolean;
            /**
             * Format: double
             * @description ExpectedMiss is Φ((target − centre)/σ) (for <=, the upper tail) with the chart's centre and σ: nil without a target or a chart.
             */
            expected_miss_share: number | null;
            /** @description Incapable: the current process missed, and not by a special cause: it is stable, or at its usual level misses often (ExpectedMiss of 5% or more). Watching it will not help; it must change. */
            incapable: boolean;
            /** Format: int64 */
            missed: number;
            missed_labels: string[] | null;
            /** Format: int64 */
            missed_since: number;
            /** Format: int64 */
            periods: number;
            /** Format: int64 */
            periods_since: number;
            /** @description Since is the first period of the current process (the reference's start); PeriodsSince and MissedSince count from it. */
            since: string;
            text: string;
        };
        /** @description CapacityAnswer is the Erlang C answer, with the demand read from the feed when one was named and where each input came from ("given" or "feed"). */
        CapacityAnswer: {
            arrivals_source: string;
            demand: components["schemas"]["Demand"] | null;
            handle_time_source: string;
            result: components["schemas"]["CapacityResult"];
        };
        /** @description CapacityQuery is one capacity question. Arrivals ("100/h", "2/min") and HandleTime ("3m", "180s") may be left empty with FromFeed: the feed's busiest hour of the week and its mean handle time (From and To bound the data read; empty: all of it). Servers 0 asks for the smallest team only. */
        CapacityQuery: {
            arrivals: string;
            from: string;
            from_feed: string;
            handle_time: string;
            /** Format: int64 */
            servers: number;
            /** @description Target is the share answered within a wait: "80% in 20s". */
            target: string;
            to: string;
        };
        /** @description Result answers it with the Erlang C model: Poisson arrivals, exponential handle times, K identical servers, one queue, nobody gives up waiting. */
        CapacityResult: {
            /** Format: double */
            arrivals_per_hour: number;
            /** Format: double */
            asa_seconds: number;
            /** Format: double */
            handle_time_seconds: number;
            /** @description Meets says whether Servers meets the target. */
            meets: boolean;
            /**
             * Format: double
             * @description The figures for Servers (see Sizing).
             */
            occupancy: number;
            /**
             * Format: int64
             * @description Required is the smallest number of servers that meets the target.
             */
            required_servers: number;
            /** Format: double */
            required_service_level: number;
            /** Format: int64 */
            servers: number;
            /** Format: double */
            service_level: number;
            /** @description Table shows the sizes around the answer, from the smallest stable one. */
            table: components["schemas"]["Sizing"][] | null;
            target: components["schemas"]["Target"];
            /**
             * Format: double
             * @description Traffic A = arrivals per hour × handle time in hours (erlangs: servers' worth of work).
             */
            traffic_erlangs: number;
            verdict: string;
            /** Format: double */
            wait_probability: number;
        };
        /** @description Cause is one cause of an effect (the primary effect or another cause). */
        Cause: {
            cause: string;
            effect: string;
            evidence: string;
            /** @description Kind is action or condition. */
            kind?: string;
        };
        /** @description ChainQuery selects the measured periods of the chain check: Period keeps one period key (or the periods starting inside it); At is the evaluation time (RFC 3339 or a date; empty: now). */
        ChainQuery: {
            at: string;
            period: string;
        };
        /** @description ChainReport is the end-to-end coverage of the workspace (supply.Check). */
        ChainReport: {
            /** @description EndToEnd has one entry per SLT that declares components. */
            end_to_end: components["schemas"]["EndToEnd"][] | null;
            /** @description Orphans are contracts whose SLT belongs to no end-to-end SLT. */
            orphans: components["schemas"]["Orphan"][] | null;
        };
        /** @description Change is one entry of a record's history. */
        Change: {
            actor: string;
            /** Format: date-time */
            at: string;
            /** @description Field is what changed ("status", "due" …), or "created", "note". */
            field: string;
            from?: string;
            to?: string;
        };
        /** @description ChangeImpact is what the window costs each SLT it touches. */
        ChangeImpact: {
            assessments: components["schemas"]["Assessment"][] | null;
        };
        /** @description ChangeQuery is a change window [From, To) for one SLT or for every SLT of a service. ExpectedErrorRate is the share of units expected to fail during the window (nil: all of them, the service is down). */
        ChangeQuery: {
            at: string;
            /** Format: double */
            expected_error_rate: number | null;
            from: string;
            service: string;
            slt: string;
            to: string;
        };
        /** @description Chart is the control chart of the per-period values. */
        Chart: {
            /**
             * Format: double
             * @description Center is the centre line (the same for every point).
             */
            center: number;
            /** @description Kind is xmr, p or laney-p; Why says why this chart was chosen. */
            kind: string;
            /**
             * Format: double
             * @description MRBar and MRUCL are the moving-range centre and upper limit (XmR only).
             */
            mr_bar?: number;
            /** Format: double */
            mr_ucl?: number;
            points: components["schemas"]["ChartPoint"][] | null;
            rules: string;
            /**
             * Format: double
             * @description Sigma is the estimated standard deviation of one period's value (for the p charts, at the average baseline size).
             */
            sigma: number;
            /**
             * Format: double
             * @description SigmaZ is Laney's σz = MR̄(z)/1.128: the between-period variation in units of the binomial σ (1 = pure binomial noise; laney-p only).
             */
            sigma_z?: number;
            /** @description VaryingLimits is true when limits differ between points (p charts). */
            varying_limits: boolean;
            violations: components["schemas"]["Violation"][] | null;
            why: string;
        };
        /** @description ChartPoint is one period on the chart. */
        ChartPoint: {
            /** Format: double */
            center: number;
            /** Format: double */
            eligible?: number;
            /** Format: date-time */
            end: string;
            in_baseline: boolean;
            /**
             * Format: int64
             * @description 1-based
             */
            index: number;
            /** @description Judged: the run rules are read on this point (phase II, or every point when every period is the baseline or one was given). */
            judged: boolean;
            label: string;
            /** Format: double */
            lcl: number;
            /** @description Met is whether the value meets the target (nil without a target). */
            met: boolean | null;
            /**
             * Format: double
             * @description MR is the moving range |xᵢ − xᵢ₋₁| (XmR only; nil for the first point).
             */
            mr?: number | null;
            /**
             * Format: double
             * @description Raw is the value before the seasonal adjustment (nil when not adjusted).
             */
            raw?: number | null;
            /** @description Rules lists the rules this point completes (nelson-2, we-1 ...). */
            rules: string[] | null;
            /** Format: date-time */
            start: string;
            /** Format: double */
            ucl: number;
            /** Format: double */
            value: number;
        };
        /** @description CIReport counts an SLT's rows in a period by the state of their CI. */
        CIReport: {
            /** @description CIs are the CIs the rows came from, most rows first. */
            cis: components["schemas"]["CIRows"][] | null;
            /** @description Declared are the SLT's spec.cis, each with its state. */
            declared: components["schemas"]["CIState"][] | null;
            /** Format: date-time */
            end: string;
            feed: string;
            /**
             * Format: int64
             * @description Flagged = Unknown + Unverified; Share = Flagged / Rows (nil without rows).
             */
            flagged: number;
            /** Format: int64 */
            max_age_days: number;
            message: string;
            period: string;
            /**
             * Format: date-time
             * @description Reference is when verification is judged: the period's end, or the evaluation time for the running period. A CI is verified when its last verification is at most MaxAge before it (or after it).
             */
            reference: string;
            /**
             * Format: int64
             * @description Rows are the feed's rows in the period (items by the time they count: resolved, or opened while open); WithoutCI those with no CI.
             */
            rows: number;
            /** Format: double */
            share: number | null;
            slt: string;
            /** Format: date-time */
            start: string;
            /** Format: int64 */
            unknown: number;
            /** Format: int64 */
            unverified: number;
            /** Format: int64 */
            without_ci: number;
        };
        /** @description CIRows is one CI's rows in the period. */
        CIRows: {
            id: string;
            name?: string;
            owner?: string;
            /** Format: int64 */
            rows: number;
            state: string;
            status?: string;
            /** Format: date-time */
            verified_at?: string;
        };
        /** @description CIState is a CI as the CMDB knows it. */
        CIState: {
            id: string;
            name?: string;
            owner?: string;
            state: string;
            status?: string;
            /** Format: date-time */
            verified_at?: string;
        };
        /** @description ClassAgreement compares the good/bad calls of the feed and the reference on each bucket at one threshold. */
        ClassAgreement: {
            /** @description share of buckets both call alike */
            agreement: number;
            /** Format: int64 */
            both_bad: number;
            /** Format: int64 */
            both_good: number;
            /** @description expected from the margins */
            chance_agreement: number;
            /** Format: int64 */
            feed_bad_reference_good: number;
            /** Format: int64 */
            feed_good_reference_bad: number;
            /** @description Cohen's κ; null when both call every bucket alike and constant */
            kappa: number;
            /** @description Name is the SLT (or SLT/tier) whose rule this is; Rule says which part of it. */
            name: string;
            op: string;
            rule: string;
            /** Format: double */
            threshold: number;
        };
        /** @description CMDBFinding is one SLT period's rows from unknown or unverified CIs. */
        CMDBFinding: {
            /** Format: int64 */
            flagged: number;
            message: string;
            period: string;
            /** Format: int64 */
            rows: number;
            /**
             * Format: double
             * @description Share = Flagged / Rows.
             */
            share: number;
            slt: string;
            /** Format: int64 */
            unknown: number;
            /** Format: int64 */
            unverified: number;
        };
        /** @description CMDBImport records a CMDB import: file, SHA-256, CIs added, changed, removed. */
        CMDBImport: {
            /** Format: int64 */
            added: number;
            /** Format: date-time */
            at: string;
            /** Format: int64 */
            changed: number;
            /** Format: int64 */
            cis: number;
            file: string;
            /** Format: int64 */
            removed: number;
            sha256: string;
            /** Format: int64 */
            size: number;
        };
        /** @description CMDBList is the stored CI set, each CI with its state now. */
        CMDBList: {
            /** Format: date-time */
            at: string;
            cis: components["schemas"]["ListedCI"][] | null;
            /** @description Import is the last CMDB import; nil before the first. */
            import: components["schemas"]["CMDBImport"] | null;
            /** Format: int64 */
            max_age_days: number;
        };
        /** @description CMDBQuery selects an SLT's period (its period key; empty: the running one). */
        CMDBQuery: {
            at: string;
            period: string;
            slt: string;
        };
        /** @description Component is one direct part of an end-to-end SLT. */
        Component: {
            contracts: string[] | null;
            /** @description Nested: the component declares components of its own. */
            nested: boolean;
            op: string;
            relation: string;
            slt: string;
            suppliers: string[] | null;
            /** Format: double */
            target: number;
        };
        /** @description Contact is someone to call when the plan runs. */
        Contact: {
            email: string;
            name: string;
            phone: string;
            role: string;
        };
        /** @description Contingency is a supplier's contingency plan as a review shows it (the definition's spec.contingency). */
        Contingency: {
            contacts: components["schemas"]["Contact"][] | null;
            failover: string;
            /** @description LastTested is when the plan was last exercised (YYYY-MM-DD). */
            last_tested: string;
            trigger: string;
            workaround: string;
        };
        /** @description CorrelateQuery asks whether one daily series leads another: Lead and Lag name a feed or an SLT ("feed:NAME", "slt:NAME", "slt:NAME/TIER", or a bare name); MaxLag is in days (0: 14; at most 90). */
        CorrelateQuery: {
            lag: string;
            lead: string;
            /** Format: int64 */
            max_lag?: number;
        };
        /** @description Correlation is one cross-correlation of two daily series: every lag, the best one with its coefficient and p-value, and a sentence. */
        Correlation: {
            /** Format: int64 */
            best_lag: number | null;
            /** Format: int64 */
            days: number;
            /** @description Detrended: a straight line was taken out of each series first. */
            detrended: boolean;
            /** @description From and To bound the days both series have. */
            from?: string;
            lag: components["schemas"]["Series"];
            lags: components["schemas"]["Lag"][] | null;
            /**
             * Format: int64
             * @description Tested is how many lags had enough pairs; PAdjusted is the best lag's p-value times Tested (Bonferroni, at most 1): the chance that the strongest of that many lags looks this strong by chance alone.
             */
            lags_tested: number;
            lead: components["schemas"]["Series"];
            /** @description Leads is true when the lead series leads: significant at a lag > 0. */
            leads: boolean;
            /** Format: int64 */
            max_lag: number;
            /** Format: double */
            p_adjusted: number | null;
            /** Format: double */
            p_value: number | null;
            /** Format: double */
            r: number | null;
            sentence: string;
            significant: boolean;
            to?: string;
            zone: string;
        };
        /** @description CounterMetric is the counter-metric an SLT names, read beside it: its latest complete period. */
        CounterMetric: {
            /** Format: double */
            attainment: number | null;
            display_name: string;
            met: boolean | null;
            period?: string;
            slt: string;
            value: string;
        };
        /** @description Credit is what one contract owes (or earns) for one period. */
        Credit: {
            /** Format: double */
            attainment: number | null;
            complete: boolean;
            contract: string;
            /** Format: double */
            credit_amount: number | null;
            /**
             * Format: double
             * @description CreditPercent is of the period charge, after the cap; null without data.
             */
            credit_percent: number | null;
            currency?: string;
            /** Format: double */
            incentive_amount: number | null;
            /** Format: double */
            incentive_percent: number | null;
            met: boolean | null;
            period: string;
            slt: string;
            supplier: string;
        };
        /** @description Dashboard is everything the portfolio dashboard shows, in one call: a RAG status per SLT and service for the current period, budgets, the last 13 periods, firing alerts and root-cause analyses due. */
        Dashboard: {
            alerts: components["schemas"]["Alert"][] | null;
            /** Format: date-time */
            at: string;
            counts: components["schemas"]["DashboardCounts"];
            filters: components["schemas"]["DashboardFilters"];
            /** @description Loop is the improvement loop at a glance: overdue actions, open root-cause analyses (overdue first), reviews due. */
            loop: components["schemas"]["DashboardLoop"];
            /** @description Problems are SLTs that could not be evaluated, in plain words; the rest still shows. */
            problems: string[] | null;
            rca_due: components["schemas"]["DashboardRCA"][] | null;
            services: components["schemas"]["DashboardService"][] | null;
            trends: components["schemas"]["TrendWarning"][] | null;
            /** @description Version changes whenever the database does (the last committed transaction). */
            version: number;
        };
        /** @description DashboardCounts counts SLTs by RAG status. */
        DashboardCounts: {
            /** Format: int64 */
            amber: number;
            /** Format: int64 */
            green: number;
            /** Format: int64 */
            no_data: number;
            /** Format: int64 */
            red: number;
        };
        /** @description DashboardFilters are the values the filters can take (over the whole workspace). */
        DashboardFilters: {
            business_units: string[] | null;
            product_lines: string[] | null;
            suppliers: string[] | null;
            types: string[] | null;
        };
        /** @description DashboardLoop is the improvement loop at a glance (improve.Summarize): the overdue actions, the open root-cause analyses (overdue first) and the reviews due, under the dashboard's filters. */
        DashboardLoop: {
            /**
             * Format: int64
             * @description LiveActions counts open and in-progress actions (overdue ones included).
             */
            live_actions: number;
            /** @description OpenRCAs are the open analyses: overdue ones first, then by priority. */
            open_rcas: components["schemas"]["RCAItem"][] | null;
            /** @description OverdueActions are live actions past their due date, the longest overdue first. */
            overdue_actions: components["schemas"]["ActionItem"][] | null;
            /** @description ReviewsDue are the SLTs whose review is due, with why. */
            reviews_due: components["schemas"]["ReviewStatus"][] | null;
            /** @description Today is the workspace's local date the summary was read on. */
            today: string;
        };
        /** @description DashboardQuery selects the portfolio dashboard. At is the evaluation time (RFC 3339 or a date; empty: now, to the minute). Period is the reporting period the statuses judge (a key such as 2026-11; empty: each SLT's current period, or its previous one while the current has no data yet). The filters keep the services and SLTs that match every one given (case-insensitive); Type is SLA, OLA or UC. */
        DashboardQuery: {
            at: string;
            business_unit: string;
            period: string;
            product_line: string;
            supplier: string;
            type: string;
        };
        /** @description DashboardRCA is an SLT missed rcaAfter periods in a row: a root-cause analysis is due. */
        DashboardRCA: {
            /** Format: int64 */
            consecutive_misses: number;
            display_name: string;
            period: string;
            service: string;
            slt: string;
        };
        /** @description DashboardService is one service with its SLTs; Status is the worst of them. */
        DashboardService: {
            business_unit: string;
            criticality: string;
            display_name: string;
            name: string;
            owner: string;
            product_line: string;
            slts: components["schemas"]["DashboardSLT"][] | null;
            status: string;
        };
        /** @description DashboardSLT is one SLT's line: status, current period, tiers, sparkline. */
        DashboardSLT: {
            /** Format: int64 */
            alerts: number;
            /**
             * Format: double
             * @description Budget is the error budget left in Current (the tightest tier of a tiered SLT).
             */
            budget: number | null;
            components: string[] | null;
            /** Format: int64 */
            consecutive_misses: number;
            /** @description Current is the overall row of the judged period (the last one with data when the period holds several, e.g. days of a month); IsCurrent says whether that is the period running now. */
            current: components["schemas"]["Row"] | null;
            display_name: string;
            feed: string;
            indicator: string;
            is_current: boolean;
            name: string;
            objective: string;
            owner: string;
            period: string;
            /** @description Ratio: attainments are shares (0..1); otherwise values in Unit. */
            ratio: boolean;
            rca_due: boolean;
            reason: string;
            reasons: string[] | null;
            service: string;
            /** @description Spark is the last 13 periods, oldest first. */
            spark: components["schemas"]["SparkPoint"][] | null;
            state: string;
            /** @description Status is the RAG colour of State (missed, at_risk, on_target, no_data) in StatusPeriod; Reasons say why, Reason is them in one line. */
            status: string;
            status_period: string;
            /** @description Supplier is the feed's supplier (its name); SupplierName its display name. */
            supplier: string;
            supplier_name: string;
            tiers: components["schemas"]["DashboardTier"][] | null;
            /** @description Trend is the projected miss of the running period, if any. */
            trend: components["schemas"]["TrendWarning"] | null;
            type: string;
            unit: string;
        };
        /** @description DashboardTier is one tier's row in the same period as the SLT's Current. */
        DashboardTier: {
            name: string;
            objective: string;
            row: components["schemas"]["Row"] | null;
            status: string;
        };
        /** @description DataSetQuery names one feed of a supplier's review scope and the period. */
        DataSetQuery: {
            feed: string;
            period: string;
            supplier: string;
        };
        /** @description Day is one day of the comparison, for the before/after chart. */
        Day: {
            date: string;
            /** @description before, after */
            phase: string;
            /** Format: double */
            value: number;
        };
        /** @description Decision is something the meeting is asked to decide, with the record it is about. */
        Decision: {
            ref: string;
            text: string;
        };
        /** @description DeliveryReport sums up one delivery pass. */
        DeliveryReport: {
            /** Format: int64 */
            attempted: number;
            /** Format: int64 */
            delivered: number;
            /** Format: int64 */
            failed: number;
            outcomes: components["schemas"]["Outcome"][] | null;
            /**
             * Format: int64
             * @description pending, not due yet
             */
            waiting: number;
        };
        /** @description Demand is the load a feed's stored data shows, for a capacity check. */
        Demand: {
            /**
             * Format: int64
             * @description Arrivals counts the items opened (item feeds) or events (event feeds) in [From, To).
             */
            arrivals: number;
            /**
             * Format: date-time
             * @description BusiestHour is the single clock hour with the most arrivals.
             */
            busiest_hour: string;
            /** Format: int64 */
            busiest_hour_arrivals: number;
            feed: string;
            /** Format: date-time */
            from: string;
            /**
             * Format: double
             * @description HandleTimeSeconds is the mean of resolved − opened − paused over the items opened and resolved in [From, To) (item feeds only; nil for events, which carry no durations). It includes any time an item waited, so it is an upper bound of the work per item.
             */
            handle_time_seconds: number | null;
            note: string;
            /**
             * Format: double
             * @description PeakPerHour is the busiest hour of the week on average: for each of the 168 hours of a week (in the feed's zone), the arrivals in it divided by how often that hour occurs in [From, To); the largest of these.
             */
            peak_arrivals_per_hour: number;
            peak_slot: string;
            /** Format: int64 */
            resolved: number;
            shape: string;
            time_zone: string;
            /** Format: date-time */
            to: string;
        };
        /** @description Document is one definition as a manifest document: the same document `slate apply` reads (apiVersion, kind, metadata, spec). */
        Document: {
            apiVersion: string;
            kind: string;
            metadata: components["schemas"]["Meta"] | null;
            spec: unknown;
        };
        /** @description Drift says whether the bias changes over time. */
        Drift: {
            /** @description Change is the best single change of the daily bias (when drift is found). */
            change?: components["schemas"]["CalibrateChange"] | null;
            /** Format: int64 */
            days: number;
            mann_kendall_p: number;
            message: string;
            monthly: components["schemas"]["MonthBias"][] | null;
            slope_ci: number[];
            /** @description The OLS slope of the daily mean difference against the day number, per day, with its interval, and the Mann–Kendall p-value of the same series. */
            slope_per_day: number;
            status: string;
        };
        /** @description DrillBatch is the import a row came from. */
        DrillBatch: {
            file: string;
            id: number;
            /** Format: date-time */
            published: string;
            sha256: string;
            status: string;
        };
        /** @description DrillRow is one stored point (a file row) and how it counts in the period. */
        DrillRow: {
            /** Format: date-time */
            at: string;
            /** Format: double */
            bad_units: number;
            batch: number;
            ci?: string;
            /**
             * Format: double
             * @description Elapsed is a duration item's counted business time, in seconds.
             */
            elapsed?: number | null;
            /** Format: double */
            excluded_units: number;
            file: string;
            findings: components["schemas"]["Finding"][] | null;
            /** Format: double */
            good?: number | null;
            /**
             * Format: double
             * @description Units this row adds to the figure (availability: a slice counts once, on its first probe).
             */
            good_units: number;
            item?: string;
            /**
             * Format: int64
             * @description N is the row's position in the period, in time order, from 1.
             */
            n: number;
            /** Format: date-time */
            opened?: string | null;
            priority?: string;
            /** Format: date-time */
            resolved?: string | null;
            /** @description Row is the row number in the batch's file (as findings name it). */
            row: number;
            /**
             * Format: date-time
             * @description Slice is the availability slice the probe falls in.
             */
            slice?: string | null;
            /** @description Status: good, bad, excluded, out-of-scope (outside the calendar) or counted (statistics). */
            status: string;
            tier?: string;
            /** Format: double */
            total?: number | null;
            /** Format: double */
            value?: number | null;
            why?: string;
        };
        /** @description EndToEnd is one end-to-end SLT's supply chain, checked. */
        EndToEnd: {
            components: components["schemas"]["Component"][] | null;
            feasibility: components["schemas"]["Feasibility"];
            gaps: components["schemas"]["Gap"][] | null;
            op: string;
            overlaps: components["schemas"]["Overlap"][] | null;
            owner: string;
            periods: components["schemas"]["PeriodCheck"][] | null;
            service: string;
            slt: string;
            /**
             * Format: double
             * @description Target is the objective (the strictest tier's, for a tiered SLT).
             */
            target: number;
        };
        Error: {
            /** @description What went wrong, in plain words. */
            error: string;
        };
        /** @description EscalationLevel is one step of an SLT's escalation path. */
        EscalationLevel: {
            after?: string;
            authority: string;
            communication?: string;
            contact?: string;
            /** Format: int64 */
            level: number;
            remediation?: string;
        };
        /** @description Evidence is a file attached to an exception; its bytes are kept in the evidence bucket under their SHA-256. */
        Evidence: {
            name: string;
            sha256: string;
            /** Format: int64 */
            size: number;
        };
        /** @description Exception is one exception with its evidence and decision. */
        Exception: {
            /** Format: date-time */
            decided_at?: string;
            decided_by?: string;
            evidence: components["schemas"]["Evidence"][] | null;
            /** Format: date-time */
            from: string;
            id: string;
            note?: string;
            reason: string;
            /** Format: date-time */
            requested_at: string;
            requested_by: string;
            slt: string;
            /** @description Status is requested, approved or rejected. */
            status: string;
            /** Format: date-time */
            to: string;
        };
        /** @description ExceptionDecision approves or rejects an exception; the decider is the caller, who must not be the requester. */
        ExceptionDecision: {
            id: string;
            note: string;
        };
        /** @description ExceptionRequest asks to exclude [From, To) (RFC 3339) from an SLT. The requester is the caller: whoever the token (or the OS account) belongs to. */
        ExceptionRequest: {
            /** @description Evidence is the upload id of an optional file (an incident report, a supplier's letter), up to MaxEvidence; the upload is used up. */
            evidence?: string;
            from: string;
            reason: string;
            slt: string;
            to: string;
        };
        /** @description ExcludedShares are an SLT's shares of units (or clock time) taken out of its count per period, the rises flagged, and its decisive pauses. */
        ExcludedShares: {
            /** @description CounterMetric is the SLT named to be read beside this one. */
            counter_metric?: string;
            /** @description Pauses are the items whose pause decides their verdict: each needs a second person's confirmation (RequestPauseConfirmation). */
            decisive_pauses: components["schemas"]["PauseClaim"][] | null;
            display_name: string;
            /** @description Measure is "units excluded" or "clock stopped" (duration SLTs). */
            measure: string;
            periods: components["schemas"]["PeriodShare"][] | null;
            /** @description Rising are the reasons of the periods flagged. */
            rising: string[] | null;
            slt: string;
            /** Format: int64 */
            unconfirmed_pauses: number;
        };
        /** @description FalsePositiveRequest asks for a breach (SLT@PERIOD or SLT/TIER@PERIOD, as the breach log shows it) to be called a false positive. */
        FalsePositiveRequest: {
            breach: string;
            reason: string;
        };
        /** @description Feasibility says whether the components' targets allow the end-to-end target. */
        Feasibility: {
            /** @description Balanced, when no single component can close the gap, is one way with every part raised: each serial part and the parallel group to the n-th root of the target (n parts), parts already above it unchanged. */
            balanced: components["schemas"]["Fix"][] | null;
            /**
             * Format: double
             * @description Best is the end-to-end attainment the components' targets allow: serial parts multiply, a parallel group gives 1 − Π(1 − a).
             */
            best: number;
            feasible: boolean;
            /** @description Fix is the smallest single-component change that makes the chain feasible; nil when it is feasible, or when no single component can. */
            fix: components["schemas"]["Fix"] | null;
            /** @description Options say what each component alone would need (To > 1: impossible). */
            options: components["schemas"]["Fix"][] | null;
            /** Format: double */
            shortfall: number;
            verdict: string;
        };
        /** @description Feature is one input of the forecast and its pull on the current-period model's log-odds (positive: towards a miss). */
        Feature: {
            contribution: number;
            name: string;
            /** Format: double */
            value: number;
        };
        /** @description FeedInfo describes a feed for the import wizard: its shape, the fields a mapping needs, and its saved mapping. */
        FeedInfo: {
            /**
             * Format: int64
             * @description Batches counts published batches; LastImport is when the newest was published.
             */
            batches: number;
            /**
             * Format: date-time
             * @description DataTo is the end of the newest published batch's time range.
             */
            data_to?: string;
            display_name: string;
            interval?: string;
            /** Format: date-time */
            last_import?: string;
            mapping?: components["schemas"]["Mapping"] | null;
            name: string;
            optional: string[] | null;
            owner?: string;
            /** @description Required and Optional are mapping fields (time, value, good, total, item, opened...). */
            required: string[] | null;
            shape: string;
            supplier?: string;
            time_zone: string;
            unit?: string;
        };
        /** @description FileData is a file's bytes for the UI (base64 in JSON): the browser saves it as a download. */
        FileData: {
            data: string | null;
            name: string;
            /**
             * Format: int64
             * @description Rows is the number of data rows, where that means something (rejects).
             */
            rows?: number;
            /** Format: int64 */
            size: number;
            /** @description Type is the MIME type. */
            type: string;
        };
        /** @description Finding is one problem found in a file. */
        Finding: {
            column?: string;
            /** Format: date-time */
            end?: string;
            kind: string;
            message: string;
            /** Format: int64 */
            missing?: number;
            offset?: string;
            raw?: string;
            /**
             * Format: int64
             * @description Row is the row number as the user sees it in the file (0 = the file as a whole).
             */
            row?: number;
            /**
             * Format: int64
             * @description Rows and Offset describe a clock_skew run.
             */
            rows?: number;
            severity: string;
            /**
             * Format: date-time
             * @description Start, End and Missing describe a missing_interval gap.
             */
            start?: string;
        };
        /** @description Fix is a target change for one component. */
        Fix: {
            /** Format: double */
            change: number;
            /** Format: double */
            from: number;
            possible: boolean;
            slt: string;
            /**
             * Format: double
             * @description To is the target the component would need; above 1 it cannot be reached.
             */
            to: number;
        };
        /** @description Forecast is each SLT's (and tier's) probability of missing the period in progress and the next one, with both horizons' track records. */
        Forecast: {
            /** Format: date-time */
            at: string;
            message?: string;
            /** @description The models behind the forecasts, fitted on every outcome known at At (null while there are too few), so that an auditor can recompute each probability from the features. */
            model_current: components["schemas"]["Model"] | null;
            model_next: components["schemas"]["Model"] | null;
            skipped: string[] | null;
            /** @description ok or insufficient (no horizon has a track record) */
            status: string;
            targets: components["schemas"]["TargetForecast"][] | null;
            track_record_current: components["schemas"]["TrackRecord"];
            track_record_next: components["schemas"]["TrackRecord"];
        };
        /** @description Gap is a component nobody is contracted for (at the end of its chain). */
        Gap: {
            /** @description Chain runs from the end-to-end SLT down to the component. */
            chain: string[] | null;
            message: string;
            slt: string;
        };
        /** @description Ignored is a window that does not exclude anything, and why. */
        Ignored: {
            /** Format: date-time */
            end: string;
            reason: string;
            ref: string;
            slt: string;
            source: string;
            /** Format: date-time */
            start: string;
        };
        /** @description Impact is the window's effect on one tier's period. */
        Impact: {
            /** Format: double */
            bad_ratio: number;
            /** Format: double */
            bad_so_far: number;
            /** @description Basis names the data the rates come from: this period so far, or the last complete period when this one has no data yet. */
            basis: string;
            /**
             * Format: double
             * @description EligibleSoFar and BadSoFar are this period's counts at the evaluation time.
             */
            eligible_so_far: number;
            /** Format: date-time */
            end: string;
            op: string;
            /** Format: double */
            past_hours: number;
            period: string;
            planned: components["schemas"]["Scenario"];
            /** Format: double */
            rest_hours: number;
            /** Format: date-time */
            start: string;
            /** Format: double */
            target: number;
            tier: string;
            /**
             * Format: double
             * @description UnitsPerHour is eligible units per hour in scope; BadRatio the current burn, bad / eligible.
             */
            units_per_hour: number;
            unplanned: components["schemas"]["Scenario"];
            /**
             * Format: double
             * @description WindowHours is the window's time in the SLT's scope (calendar, not already excluded) in this period; RestHours the rest of the period still to come; PastHours the part already measured.
             */
            window_hours: number;
            /** @description The period projected to its end without the change, with the window counted (unplanned), and with it excluded (planned maintenance). */
            without_change: components["schemas"]["Scenario"];
        };
        /** @description ImportRequest says what to import and how. */
        ImportRequest: {
            dry_run?: boolean;
            feed: string;
            /** @description Mapping overrides the feed's saved mapping; when the import succeeds it is saved with the feed. */
            mapping?: components["schemas"]["Mapping"] | null;
            /** @description OnConflict: reject (default), replace or keep. */
            on_conflict?: string;
            /** @description Sheet of an XLSX ("" = the mapping's sheet, else the first). */
            sheet?: string;
            /** @description Upload is the id of the file to import (Imports.Upload, Dialogs.OpenFile, Local.Upload). */
            upload: string;
        };
        /** @description ImportResult is the outcome of one import. */
        ImportResult: {
            batch?: number;
            counts: components["schemas"]["BatchCounts"];
            delimiter?: string;
            dry_run?: boolean;
            encoding?: string;
            feed: string;
            file: string;
            /** @description FindingCounts counts findings by kind; Severities by severity. */
            finding_counts: {
                [key: string]: number;
            } | null;
            findings: components["schemas"]["Finding"][] | null;
            findings_truncated?: boolean;
            format: string;
            /** Format: date-time */
            from?: string;
            header: string[] | null;
            /** Format: int64 */
            header_row: number;
            /** @description Mapping is the mapping used; MappingFrom says where it came from (request, feed, suggested); MappingSaved that it was saved with the feed. */
            mapping: components["schemas"]["Mapping"];
            mapping_from: string;
            mapping_saved?: boolean;
            /** @description Refused: nothing was imported (conflicts under --on-conflict reject). */
            refused?: boolean;
            refused_reason?: string;
            /** Format: double */
            seconds: number;
            severities: {
                [key: string]: number;
            } | null;
            sha256: string;
            sheet?: string;
            /** Format: int64 */
            size: number;
            /** Format: date-time */
            to?: string;
        };
        /** @description Improvement is a change made to improve an SLT, on a date. */
        Improvement: {
            /** @description Change is the local date (in the SLT's zone) the change took effect. */
            change: string;
            /** Format: date-time */
            created_at: string;
            created_by: string;
            description: string;
            id: string;
            service: string;
            slt: string;
            tier?: string;
        };
        /** @description ImprovementValidation compares the SLT per local day before and after the change: the test, the effect with its interval, whether there are enough days yet (and how many more are needed), and the verdict. */
        ImprovementValidation: {
            after: components["schemas"]["Side"];
            /** Format: double */
            alpha: number;
            before: components["schemas"]["Side"];
            caveats: string[] | null;
            change: string;
            days: components["schemas"]["Day"][] | null;
            /** Format: int64 */
            days_needed: number | null;
            description: string;
            /** @description Direction is better, worse (significant either way) or none. */
            direction: string;
            /** Format: double */
            effect: number | null;
            effect_ci: number[] | null;
            /** Format: double */
            effect_size: number | null;
            effect_size_name?: string;
            enough_data: boolean;
            higher_is_better: boolean;
            improvement: string;
            measure: string;
            /** Format: int64 */
            n_after: number;
            /** Format: int64 */
            n_before: number;
            /**
             * Format: int64
             * @description NeededPerGroup is the days per side a test at this effect needs for the power asked; DaysNeeded how many more days after the change that makes, given the days before it (null: the effect is zero, or no number of later days suffices with this baseline).
             */
            needed_per_group: number | null;
            other_test?: components["schemas"]["OtherTest"] | null;
            /** Format: double */
            p_value: number | null;
            /** Format: double */
            power: number;
            significant: boolean;
            slt: string;
            /** @description Test is welch, mann-whitney, or none (too few days); TestWhy says why. */
            test: string;
            test_why: string;
            tier?: string;
            unit: string;
            verdict: string;
        };
        /** @description Job is the state of one background job as the UI sees it. */
        Job: {
            /**
             * Format: int64
             * @description Done and Total measure progress in the job's own unit (bytes, rows, sections); Total 0 means unknown.
             */
            done: number;
            /** Format: date-time */
            ended?: string;
            error?: string;
            id: number;
            kind: string;
            /** @description Owner is who started the job. */
            owner: string;
            result?: unknown;
            /** Format: date-time */
            started: string;
            /** @description State: running, done, failed or cancelled. */
            state: string;
            step?: string;
            title: string;
            /** Format: int64 */
            total: number;
        };
        /** @description Lag is the correlation at one lag: lead on day d against lag on day d + Lag. */
        Lag: {
            /** Format: int64 */
            lag: number;
            /** Format: int64 */
            n: number;
            /** Format: double */
            p_value: number | null;
            /** Format: double */
            r: number | null;
        };
        /** @description LayoutColumn is one column of a feed's files. */
        LayoutColumn: {
            example: string;
            /** @description Field is the mapping field the column holds; "" for a column no field reads (a gap before a positional "#n" column). */
            field?: string;
            format: string;
            header: string;
            meaning: string;
            /** @description Required columns must be filled on every row; unused ones are named by the mapping but not read for the feed's shape (leave them blank). */
            required: boolean;
            unit?: string;
            used: boolean;
        };
        /** @description Links tie an action to what it is about: an SLT, tier, period or breach (SLT@PERIOD; it sets the SLT, tier and period); the RCA, review, meeting or improvement it came from; the service and supplier concerned (taken from the SLT when not given). */
        Links: {
            breach?: string;
            improvement?: string;
            meeting?: string;
            period?: string;
            rca?: string;
            review?: string;
            service?: string;
            slt?: string;
            supplier?: string;
            tier?: string;
        };
        /** @description ListedCI is a stored CI with its state now and the SLTs that declare it. */
        ListedCI: {
            class?: string;
            id: string;
            name?: string;
            owner?: string;
            slts: string[] | null;
            state: string;
            status?: string;
            /**
             * Format: date-time
             * @description VerifiedAt is when the CI's record was last checked against reality.
             */
            verified_at?: string;
        };
        /** @description Mapping says which columns of a file hold which fields of a feed's points. It has the fields of the definition's mapping (the conversion domain.Mapping(m) keeps them in step) in the wire's casing. */
        Mapping: {
            /** @description Bad, with Total, gives good = total − bad. */
            bad?: string;
            ci?: string;
            decimal_comma?: boolean;
            good?: string;
            item?: string;
            ok?: string;
            opened?: string;
            paused?: string;
            priority?: string;
            resolved?: string;
            sheet?: string;
            time?: string;
            /** @description TimeLayout: rfc3339, iso-local, excel, unix, unix-ms, or a Go layout such as 02/01/2006 15:04. */
            time_layout?: string;
            total?: string;
            value?: string;
        };
        /** @description MaturityQuery selects one supplier (empty: all) and how many of each contract SLT's latest complete periods make its record (0: 12). */
        MaturityQuery: {
            at: string;
            /** Format: int64 */
            periods: number;
            supplier: string;
        };
        /** @description MaturityReport sets each supplier's assessed maturity beside its record. */
        MaturityReport: {
            suppliers: components["schemas"]["SupplierMaturity"][] | null;
            thresholds: components["schemas"]["Thresholds"];
        };
        /** @description Me is the signed-in caller with its rights. */
        Me: {
            /** @description Methods lists the API methods ("Imports/Start") the caller may call. */
            methods: string[] | null;
            name: string;
            rights: string[] | null;
            role: string;
            supplier?: string;
        };
        /** @description Meeting is the minutes of a service review meeting. */
        Meeting: {
            /** @description Actions are the actions agreed in the meeting (created with it). */
            actions: string[] | null;
            attendees: string[] | null;
            date: string;
            decisions: string[] | null;
            id: string;
            name: string;
            notes?: string;
            /** Format: date-time */
            recorded_at: string;
            recorded_by: string;
            /** @description Scope is service or supplier; Name the service's or supplier's name. */
            scope: string;
        };
        /** @description MeetingFilter selects recorded meetings (of one service or supplier, or all). */
        MeetingFilter: {
            service?: string;
            supplier?: string;
        };
        /** @description MeetingRecord is recorded minutes and the actions they created. */
        MeetingRecord: {
            actions: components["schemas"]["Action"][] | null;
            meeting: components["schemas"]["Meeting"];
        };
        /** @description Member is one owning service's person on a team. */
        Member: {
            name: string;
            /** @description Role is lead (the RCA's own service) or member. */
            role: string;
            service: string;
            slts: string[] | null;
        };
        /** @description Meta is a definition's metadata block. */
        Meta: {
            description?: string;
            displayName?: string;
            name: string;
        };
        /** @description Minutes are what a meeting's secretary records for one service's or one supplier's meeting: its date (on or before today), attendees, decisions, notes and the actions agreed, created with the minutes, linked to the meeting (and to its service or supplier unless they say otherwise). */
        Minutes: {
            actions: components["schemas"]["NewAction"][] | null;
            attendees: string[] | null;
            date: string;
            decisions: string[] | null;
            notes?: string;
            service?: string;
            supplier?: string;
        };
        /** @description Model is the baseline plus a logistic regression on standardised features. The baseline's probability is the share of missed periods among the training points where it made the same call (projected_miss 0 or 1), smoothed by Laplace's rule, (misses + 1)/(points + 2). Each feature is replaced by z = (x − mean)/sd over the training rows (a feature that did not vary there gets z = 0), and P(miss) = 1/(1 + exp(−(logit(baseline) + b₀ + Σ bⱼzⱼ))). The baseline enters as an offset: with every coefficient at zero the model is the baseline, and the L2 penalty shrinks it towards the baseline, not towards a coin toss. It can only move away from it as far as the features earn. */
        Model: {
            /** @description P(miss) when the baseline says met, missed */
            baseline_rate: number[];
            coefficients: number[] | null;
            converged: boolean;
            /** Format: int64 */
            events: number;
            features: string[] | null;
            /** Format: double */
            intercept: number;
            /** Format: double */
            lambda: number;
            mean: number[] | null;
            /** Format: int64 */
            rows: number;
            sd: number[] | null;
        };
        /** @description Money is an amount in one currency. */
        Money: {
            /** Format: double */
            amount: number;
            currency: string;
        };
        /** @description MonthBias is the mean difference of one calendar month. */
        MonthBias: {
            bias: number;
            /** @description t interval; null with one pair */
            ci: number[];
            /** @description Drifted: the drift's change has moved this month's bias — the month of the change's start (or the next one when it starts in the second half of its month) and every month after. */
            drifted: boolean;
            /** @description 2026-03 */
            month: string;
            /** Format: int64 */
            n: number;
        };
        /** @description NewAction is an action a person adds. Owner defaults to the owner of the linked RCA or SLT; Due is YYYY-MM-DD. */
        NewAction: {
            due?: string;
            links: components["schemas"]["Links"];
            note?: string;
            owner?: string;
            title: string;
        };
        /** @description NewImprovement is an initiative to record: its SLT (and tier), the local date the change took effect and what was changed. */
        NewImprovement: {
            change: string;
            description: string;
            slt: string;
            tier?: string;
        };
        /** @description NewRCA asks for an analysis of one breach (SLT@PERIOD or SLT/TIER@PERIOD, as the breach log shows it). */
        NewRCA: {
            breach: string;
        };
        /** @description NewReview is a review to record: its SLT, date (on or before today), decision and attendees. */
        NewReview: {
            attendees: string[] | null;
            date: string;
            decision: string;
            meeting?: string;
            notes?: string;
            slt: string;
        };
        /** @description NewSLT is the drafted SLT as a YAML document to review and apply. */
        NewSLT: {
            name: string;
            yaml: string;
        };
        /** @description NewSLTQuery drafts an SLT from a template for a service and a feed. */
        NewSLTQuery: {
            feed: string;
            name: string;
            service: string;
            template: string;
        };
        /** @description NewUser is a new user with its token, which is never shown again. */
        NewUser: {
            token: string;
            user: components["schemas"]["UserInfo"];
        };
        /** @description NewUserRequest names a new user, its role and, for role supplier, the Supplier definition it speaks for. */
        NewUserRequest: {
            name: string;
            role: string;
            supplier?: string;
        };
        /** @description Note is a dated remark on a record. */
        Note: {
            /** Format: date-time */
            at: string;
            by: string;
            text: string;
        };
        /** @description Orphan is a contract whose SLT is not part of any end-to-end SLT. */
        Orphan: {
            contract: string;
            message: string;
            slt: string;
            supplier: string;
        };
        /** @description OtherTest is the test not chosen, for reference. */
        OtherTest: {
            /** Format: double */
            effect: number;
            effect_ci: number[] | null;
            /** Format: double */
            p_value: number;
            test: string;
        };
        /** @description OutboxEntry is one task on its way to one ITSM integration: pending (with its attempts and the last error) or delivered (with the receiver's reference). */
        OutboxEntry: {
            /** Format: int64 */
            attempts: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            delivered_at?: string;
            event: string;
            /** @description History keeps the last attempts, newest last. */
            history: components["schemas"]["Attempt"][] | null;
            id: string;
            integration: string;
            /** Format: date-time */
            last_attempt?: string;
            /** @description LastError is why the last attempt failed (empty after a success). */
            last_error?: string;
            /** Format: date-time */
            next_attempt?: string;
            /** @description RemoteRef is the receiver's reference for the task (its ticket number, from the webhook's answer), or the file a drop folder got. */
            remote_ref?: string;
            status: string;
            task: components["schemas"]["Task"];
        };
        /** @description OutboxFilter selects outbox tasks: Status pending or delivered ("" = both). */
        OutboxFilter: {
            integration?: string;
            status?: string;
        };
        /** @description Outcome is what one attempt did. */
        Outcome: {
            delivered: boolean;
            error?: string;
            id: string;
            integration: string;
            /** Format: date-time */
            next_attempt?: string;
            remote_ref?: string;
        };
        /** @description Overlap is a component under more than one contract. */
        Overlap: {
            chain: string[] | null;
            contracts: string[] | null;
            message: string;
            slt: string;
            suppliers: string[] | null;
        };
        /** @description Overview is the first screen: the workspace's services and their SLTs. */
        Overview: {
            app: string;
            database: string;
            services: components["schemas"]["ServiceSummary"][] | null;
            version: string;
        };
        /** @description PackDownload is a produced pack file's bytes (base64 in JSON). */
        PackDownload: {
            content_type: string;
            data: string | null;
            name: string;
        };
        /** @description PackFile is one file of a pack. */
        PackFile: {
            format: string;
            name: string;
            path: string;
            sha256: string;
            /** Format: int64 */
            size: number;
        };
        /** @description PackQuery selects what a pack covers. The files go to the packs folder ("packs" next to the database); the CLI writes them where its user says (Local.BuildPack). */
        PackQuery: {
            /** @description Anonymize replaces people, supplier and service names with stable pseudonyms. */
            anonymize?: boolean;
            /** @description Date fixes the generation time (RFC 3339 or a date); empty: the SOURCE_DATE_EPOCH environment variable (Unix seconds) or now. The pack is evaluated as of this time. */
            date?: string;
            /** @description Formats: "xlsx", "pdf" (empty: both). */
            formats?: string[] | null;
            /** @description Period is a period key: 2026-10, 2026-Q3, 2026-W07, 2026 or 2026-10-05. */
            period: string;
            /** @description Services limits the pack to these services' SLTs (empty: every service). */
            services?: string[] | null;
            /** @description Supplier scopes the pack to a joint review with one supplier: its contracts and SLTs, its maturity, improvement actions and contingency plan, with the data set (each feed's rows of the period, in the feed's own layout) written beside the pack files. */
            supplier?: string;
        };
        /** @description PackResult says what Build wrote. */
        PackResult: {
            anonymized: boolean;
            files: components["schemas"]["PackFile"][] | null;
            fingerprint: string;
            /** Format: date-time */
            generated_at: string;
            period: string;
            scope: string;
            /** Format: int64 */
            sections: number;
            /** Format: int64 */
            slts: number;
            supplier?: string;
        };
        /** @description PackVerification is the outcome of checking a pack file against the data. */
        PackVerification: {
            /** @description Components are the lines the current fingerprint was computed from (docs/pack.md). */
            components: string[] | null;
            current: string;
            file: string;
            format: string;
            /** @description Head is the audit chain head the pack recorded (SEQ:HASH; empty for packs made before Slate wrote it); HeadOK says the stored chain still extends it. */
            head?: string;
            head_ok?: boolean;
            match: boolean;
            message: string;
            period?: string;
            /** @description Recipe is the fingerprint recipe the pack was made with. */
            recipe?: string;
            scope: string;
            services: string[] | null;
            /** @description Stored is the fingerprint read from the file; Current is recomputed from the database. */
            stored: string;
        };
        /** @description PartResult is one component's measured attainment in the period. */
        PartResult: {
            /** Format: double */
            attainment: number | null;
            met: boolean | null;
            slt: string;
            /** Format: double */
            target: number | null;
        };
        /** @description PauseClaim is an item whose pause turns it from late to on time. */
        PauseClaim: {
            approval?: string;
            /** @description Confirmed by a second person (Approval names the request). */
            confirmed: boolean;
            /** Format: double */
            goal_hours: number;
            item: string;
            /**
             * Format: double
             * @description Hours: the pause, the business time without and with it, and the goal.
             */
            paused_hours: number;
            period: string;
            /** Format: double */
            with_pause_hours: number;
            /** Format: double */
            without_pause_hours: number;
        };
        /** @description PauseRequest asks a second person to confirm the pause recorded on an item of a duration SLT's feed. */
        PauseRequest: {
            item: string;
            reason: string;
            slt: string;
        };
        /** @description Period is a period key with its bounds. */
        Period: {
            /** Format: date-time */
            end: string;
            key: string;
            /** Format: date-time */
            start: string;
        };
        /** @description PeriodCheck is the chain judged on measured attainment in one period. */
        PeriodCheck: {
            /** Format: double */
            attainment: number | null;
            complete: boolean;
            /**
             * Format: double
             * @description Expected is the chain formula over the parts' measured attainments.
             */
            expected: number | null;
            message: string;
            met: boolean | null;
            parts: components["schemas"]["PartResult"][] | null;
            period: string;
            /** @description Status: met, part_missed (a part missed its own target), mapping_problem (every part met its target, yet the whole missed), incomplete (the whole missed, some parts have no data) or no_data. */
            status: string;
        };
        /** @description PeriodShare is how much of one period of an SLT (or tier) was taken out of the count: units in maintenance or approved exceptions; for a duration SLT, the business time its items' clocks were stopped (paused, or inside maintenance and exceptions). */
        PeriodShare: {
            complete: boolean;
            /** Format: double */
            excluded: number;
            /** Format: double */
            mad: number | null;
            period: string;
            reason?: string;
            rising: boolean;
            /** Format: double */
            share: number | null;
            tier?: string;
            /**
             * Format: double
             * @description Units are the units in scope (eligible, unknown and excluded), or the business hours of the items resolved in the period; Excluded what was taken out of them.
             */
            units: number;
            /**
             * Format: double
             * @description Usual and MAD are the median share of the periods before it and their median absolute deviation (null with fewer than RiseMinPeriods).
             */
            usual_share: number | null;
        };
        /** @description PredictQuery selects the forecast: SLT keeps one SLT (empty: all); At is the forecast time (RFC 3339 or a date; empty: now). */
        PredictQuery: {
            at: string;
            slt: string;
        };
        /** @description PreviewResult shows how a file would be read, before importing it. */
        PreviewResult: {
            delimiter?: string;
            encoding?: string;
            file: string;
            format: string;
            header: string[] | null;
            /** Format: int64 */
            header_row: number;
            /** @description Samples are the first data rows as read. */
            samples: (string[] | null)[] | null;
            /** @description Saved is the feed's saved mapping, if any. */
            saved?: components["schemas"]["Mapping"] | null;
            sheet?: string;
            sheets?: string[] | null;
            /** Format: int64 */
            size: number;
            suggestion: components["schemas"]["Suggestion"];
        };
        /** @description Probability is the chance of a miss for one horizon. */
        Probability: {
            baseline: number;
            model: number;
            /** @description Probability is the forecast in use (Source): the model's when its track record beats the baseline, else the baseline's; null without a track record. */
            probability: number;
            /** @description model, baseline or none */
            source: string;
        };
        /** @description Problem is an RFC 9457 problem detail: what went wrong, in plain words. */
        Problem: {
            detail?: string;
            /** @description Instance is the path of the request. */
            instance?: string;
            /** @description Result is the import's answer when an import published nothing: its findings say why. */
            result?: components["schemas"]["ImportResult"] | null;
            /** Format: int64 */
            status: number;
            title: string;
            /** @description Type is about:blank: the status says what kind of problem it is. */
            type: string;
        };
        /** @description RCA is a root-cause analysis of one run of missed periods. */
        RCA: {
            apollo?: components["schemas"]["Apollo"] | null;
            breaches: string[] | null;
            /** Format: date-time */
            closed_at?: string | null;
            closed_by?: string;
            conclusion?: string;
            due: string;
            five_whys: components["schemas"]["Why"][] | null;
            history: components["schemas"]["Change"][] | null;
            id: string;
            method: string;
            notes: components["schemas"]["Note"][] | null;
            /** Format: date-time */
            opened_at: string;
            opened_by: string;
            owner: string;
            /** @description Periods are the run's missed periods known so far, oldest first, and Breaches their breach ids. */
            periods: string[] | null;
            /**
             * Format: double
             * @description Priority is the run's breaches' summed priority, in weighted error budgets overspent (docs/metrics.md, "Breaches").
             */
            priority: number;
            /** @description Problem is the problem statement the analysis starts from. */
            problem: string;
            root_causes: string[] | null;
            /** @description RunKey identifies the run of misses: slt[/tier]@its first missed period. */
            run_key: string;
            service: string;
            slt: string;
            status: string;
            supplier?: string;
            /** @description Team is a proposed cross-functional team, when the breaches are shared with SLTs of services that other people own. */
            team?: components["schemas"]["Team"] | null;
            tier?: string;
        };
        /** @description RCAClose closes an analysis with its conclusion. */
        RCAClose: {
            conclusion?: string;
            id: string;
        };
        /** @description RCAFilter selects analyses (status open or closed, SLT, service, supplier). */
        RCAFilter: {
            service?: string;
            slt?: string;
            status?: string;
            supplier?: string;
        };
        /** @description RCAItem is an analysis with its linked actions and whether it is overdue. */
        RCAItem: {
            /** @description Actions are the ids of the actions linked to it. */
            actions: string[] | null;
            apollo?: components["schemas"]["Apollo"] | null;
            breaches: string[] | null;
            /** Format: date-time */
            closed_at?: string | null;
            closed_by?: string;
            conclusion?: string;
            due: string;
            five_whys: components["schemas"]["Why"][] | null;
            history: components["schemas"]["Change"][] | null;
            id: string;
            method: string;
            notes: components["schemas"]["Note"][] | null;
            /** Format: date-time */
            opened_at: string;
            opened_by: string;
            overdue: boolean;
            owner: string;
            /** @description Periods are the run's missed periods known so far, oldest first, and Breaches their breach ids. */
            periods: string[] | null;
            /**
             * Format: double
             * @description Priority is the run's breaches' summed priority, in weighted error budgets overspent (docs/metrics.md, "Breaches").
             */
            priority: number;
            /** @description Problem is the problem statement the analysis starts from. */
            problem: string;
            root_causes: string[] | null;
            /** @description RunKey identifies the run of misses: slt[/tier]@its first missed period. */
            run_key: string;
            service: string;
            slt: string;
            status: string;
            supplier?: string;
            /** @description Team is a proposed cross-functional team, when the breaches are shared with SLTs of services that other people own. */
            team?: components["schemas"]["Team"] | null;
            tier?: string;
        };
        /** @description RCAUpdate changes an open analysis; absent fields stay. Method is five_whys or apollo. */
        RCAUpdate: {
            apollo?: components["schemas"]["Apollo"] | null;
            due?: string | null;
            five_whys?: components["schemas"]["Why"][] | null;
            id: string;
            method?: string | null;
            note?: string;
            owner?: string | null;
            problem?: string | null;
            root_causes?: string[] | null;
            team?: components["schemas"]["Team"] | null;
        };
        /** @description Reliability is a supplier's measured record on its contract SLTs. */
        Reliability: {
            band: string;
            /** Format: int64 */
            credit_periods: number;
            /** @description Credits are the service credits the contracts gave in those periods. */
            credits: components["schemas"]["Money"][] | null;
            /** Format: int64 */
            met: number;
            /** Format: double */
            met_share: number | null;
            /**
             * Format: int64
             * @description Periods counts complete periods with data over all contract SLTs; Met those met; MetShare = Met / Periods (nil without periods).
             */
            periods: number;
            slts: components["schemas"]["SLTRecord"][] | null;
            /** @description Trend: worsening when any contract SLT's margins fall significantly, improving when some rise and none fall, else stable. */
            trend: string;
        };
        /** @description Report is every SLT (and tier, and composite) per period, with credits and statuses. */
        Report: {
            /** Format: date-time */
            at: string;
            /** @description CMDB lists the reported periods whose rows come partly from CIs the CMDB does not know or has not verified recently (internal/cmdb), filled by the caller that has the CMDB; empty without a CMDB import. */
            cmdb: components["schemas"]["CMDBFinding"][] | null;
            credits: components["schemas"]["Credit"][] | null;
            ignored_windows: components["schemas"]["Ignored"][] | null;
            rows: components["schemas"]["Row"][] | null;
            /** @description Statuses is each SLT's status in the reported period (JudgeStatus), filled by the caller that has the analysis (app.Compliance.Report). */
            statuses: components["schemas"]["Status"][] | null;
            warnings: components["schemas"]["Warning"][] | null;
        };
        /** @description ReportQuery selects a report. At is RFC 3339 or YYYY-MM-DD (midnight UTC); empty is now. Recent keeps each SLT's last complete period and the running one (without Period). */
        ReportQuery: {
            at: string;
            period: string;
            recent: boolean;
            slt: string;
        };
        /** @description Result is the analysis of one SLT series. Values are in the series' units (fractions for ratio SLTs); slopes are per period. */
        Result: {
            /** @description Adjustment is the day-of-week adjustment of a daily series (nil for other periods); when applied, chart and trend read adjusted values. */
            adjustment: components["schemas"]["Adjustment"] | null;
            baseline: components["schemas"]["BaselineUse"];
            baseline_band: components["schemas"]["Band"] | null;
            capability: components["schemas"]["Capability"] | null;
            /** @description Chart, Trend and Band are nil when there are fewer than MinPeriods periods or the values are constant (Verdict.Status says which); Seasonality is nil without samples. */
            chart: components["schemas"]["Chart"] | null;
            op: string;
            period_kind: string;
            /**
             * Format: int64
             * @description Periods is the number of periods analysed; Skipped lists the others.
             */
            periods: number;
            ratio: boolean;
            seasonality: components["schemas"]["Seasonality"] | null;
            skipped: components["schemas"]["Skipped"][] | null;
            slt: string;
            /** Format: double */
            target: number | null;
            tier?: string;
            time_to_breach: components["schemas"]["AnalysisBreach"];
            trend: components["schemas"]["Trend"] | null;
            unit?: string;
            verdict: components["schemas"]["Verdict"];
        };
        /** @description ResultsRebuild is what RebuildResults did. */
        ResultsRebuild: {
            /** Format: date-time */
            at: string;
            /** Format: int64 */
            periods: number;
            /** @description Problems are SLTs that could not be evaluated (the others are stored). */
            problems: string[] | null;
            /** Format: double */
            seconds: number;
            /**
             * Format: int64
             * @description SLTs evaluated, periods stored, and how long it took.
             */
            slts: number;
        };
        /** @description Review is a recorded review of an SLT: its date, what was decided and who took part. It resets the SLT's review cycle and its triggers. */
        Review: {
            attendees: string[] | null;
            date: string;
            decision: string;
            id: string;
            /** @description Meeting is the meeting the review took place in, when there was one. */
            meeting?: string;
            notes?: string;
            /** Format: date-time */
            recorded_at: string;
            recorded_by: string;
            slt: string;
        };
        /** @description ReviewFilter selects SLTs (one, a service's, a supplier's), or only those due. */
        ReviewFilter: {
            due_only?: boolean;
            service?: string;
            slt?: string;
            supplier?: string;
        };
        /** @description ReviewStatus is where an SLT stands in its review cycle: the next review date and, when due, why. */
        ReviewStatus: {
            cycle?: string;
            display_name: string;
            /** @description Due is true when any trigger applies; Reasons say why ("review due because …"), one per trigger. */
            due: boolean;
            /** @description LastReview is the latest recorded review, if any. */
            last_review?: components["schemas"]["Review"] | null;
            /** @description NextReview is the date the cycle asks for the next review, and NextReviewBasis how it was found. */
            next_review?: string;
            next_review_basis?: string;
            owner: string;
            reasons: string[] | null;
            service: string;
            slt: string;
            supplier?: string;
            triggers: components["schemas"]["Trigger"][] | null;
        };
        /** @description RollbackQuery evaluates a rule over a feed between From and To (empty: all data). */
        RollbackQuery: {
            feed: string;
            from: string;
            rule: string;
            to: string;
        };
        /** @description RollbackResult lists when a rollback rule held on a feed. */
        RollbackResult: {
            /** Format: int64 */
            buckets: number;
            feed: string;
            for: string;
            held: boolean;
            rule: components["schemas"]["RollbackRule"];
            spans: components["schemas"]["RollbackSpan"][] | null;
            step: string;
        };
        /** @description RollbackRule is "METRIC OP NUMBER for DURATION [every STEP]", e.g. "error_rate > 0.02 for 15m": the feed is cut into STEP buckets (default 1m, aligned to the Unix epoch); the rule holds once the condition is true in every bucket of an unbroken run of buckets lasting at least DURATION. A bucket without data breaks the run. */
        RollbackRule: {
            metric: string;
            op: string;
            rule: string;
            /** Format: double */
            threshold: number;
        };
        /** @description RollbackSpan is one stretch during which the rule held. */
        RollbackSpan: {
            /** Format: int64 */
            buckets: number;
            /** Format: date-time */
            end: string;
            /** Format: date-time */
            fired_at: string;
            /** Format: double */
            peak: number;
            /** Format: date-time */
            start: string;
        };
        /** @description Row is one period of one SLT, tier or composite, as reports show it. Null (nil) means not applicable or no data, as docs/metrics.md says. Unit is the unit of a statistic's attainment and target ("ms"); shares have none. */
        Row: {
            /** Format: double */
            attainment: number | null;
            /** Format: double */
            attainment_raw: number | null;
            /** Format: double */
            bad: number | null;
            /**
             * Format: double
             * @description BadMinutes is the bad time of an availability SLT.
             */
            bad_minutes?: number | null;
            /** Format: double */
            budget_remaining: number | null;
            complete: boolean;
            /**
             * Format: int64
             * @description ConsecutiveMisses counts this and the directly preceding complete missed periods (a period with no data, or no row, ends the run).
             */
            consecutive_misses: number;
            data_owner: string;
            /** Format: double */
            eligible: number;
            /** Format: date-time */
            end: string;
            /** Format: double */
            excluded: number;
            /** Format: double */
            good: number | null;
            /** @description indicator kind, composite, or tiered (a tiered SLT's overall row) */
            kind: string;
            met: boolean | null;
            /** @description Missing is how slices without data count (availability only). */
            missing?: string;
            op: string;
            period: string;
            /** Format: int64 */
            points: number;
            rca_due: boolean;
            /** Format: double */
            shortfall: number | null;
            slt: string;
            /** @description SLTOwner answers for the target; DataOwner for the feed's data (empty for composites, which have no feed of their own). */
            slt_owner: string;
            /** Format: date-time */
            start: string;
            /** Format: double */
            target: number | null;
            tier: string;
            unit?: string;
            /** Format: double */
            unknown: number;
        };
        /** @description RowsPage is one page of the rows behind a figure, with the figure itself and the tally of every row of the period (not just the page), so a reader can check that the rows add up to the figure. */
        RowsPage: {
            /**
             * Format: int64
             * @description All is the number of rows of the period; Total those matching Status.
             */
            all: number;
            /** Format: date-time */
            at: string;
            /** @description Batches are the import batches of the rows on this page. */
            batches: components["schemas"]["DrillBatch"][] | null;
            /** @description CMDB counts the period's rows by the state of their CI (unknown to the CMDB, not verified in the last 90 days); nil without a CMDB import. */
            cmdb: components["schemas"]["CIReport"] | null;
            /** @description Components of a composite SLT, which has no rows of its own. */
            components: string[] | null;
            display_name: string;
            /** Format: date-time */
            end: string;
            feed: string;
            /** @description Figure is the report's row for this period (the tier's, or the SLT's overall row). */
            figure: components["schemas"]["Row"];
            indicator: string;
            /** @description Note explains how rows become units for this indicator, in plain words. */
            note: string;
            /** Format: int64 */
            offset: number;
            period: string;
            /** @description Periods lists the SLT's periods with data, for moving to another one. */
            periods: string[] | null;
            rows: components["schemas"]["DrillRow"][] | null;
            service: string;
            shape: string;
            slt: string;
            /** Format: date-time */
            start: string;
            tally: components["schemas"]["RowsTally"];
            tier: string;
            /** @description TimeZone is the SLT's zone: its period boundaries are local midnights there. */
            time_zone: string;
            /** Format: int64 */
            total: number;
            unit: string;
        };
        /** @description RowsQuery selects the rows behind one period's figure of an SLT (or one tier of it), a page at a time. Period is the SLT's period key (2026-10, 2026-W07, 2026-10-05 ...). At is the evaluation time (empty: now; pass the dashboard's at so the figures agree). Status keeps rows with that status (good, bad, excluded, out-of-scope, counted) or, with "findings", the rows that have findings. Sort is "" (time), "-time", "value" or "-value". Limit is at most 5000 (default 200). */
        RowsQuery: {
            at: string;
            /** Format: int64 */
            limit: number;
            /** Format: int64 */
            offset: number;
            period: string;
            slt: string;
            sort: string;
            status: string;
            tier: string;
        };
        /** @description RowsTally sums the units of every row of the period by status. For availability, slices without probes are tallied apart (Gap*), so Good + GapGood is the figure's good, and so on. */
        RowsTally: {
            /** Format: double */
            bad: number;
            /** Format: double */
            counted: number;
            /** Format: double */
            excluded: number;
            /** Format: double */
            gap_bad: number;
            /** Format: double */
            gap_excluded: number;
            /** Format: double */
            gap_good: number;
            /** Format: double */
            gap_unknown: number;
            /** Format: double */
            good: number;
            /** Format: int64 */
            out_of_scope: number;
            /** Format: int64 */
            with_findings: number;
        };
        /** @description Scenario is a period projected to its end. */
        Scenario: {
            /** Format: double */
            allowed_bad: number;
            /** Format: double */
            attainment: number;
            /** Format: double */
            bad: number;
            /**
             * Format: double
             * @description BudgetLeft = 1 − bad / allowed at the period's end (negative: overspent).
             */
            budget_left: number;
            /** Format: double */
            consumes: number;
            /** Format: double */
            eligible: number;
            meets: boolean;
            /**
             * Format: double
             * @description WindowBad are the bad units the window adds; Consumes their share of the period's budget (allowed bad).
             */
            window_bad: number;
        };
        /** @description ScopedSLT is an SLT in a supplier's scope, and why it is there. */
        ScopedSLT: {
            /** @description Contracts bind the supplier to the SLT (empty when it only delivers the data). */
            contracts: string[] | null;
            feed: string;
            slt: string;
            why: string;
        };
        /** @description ScopeQuery names a supplier and a review period (a period key; empty: all batches). */
        ScopeQuery: {
            period: string;
            supplier: string;
        };
        /** @description Scores are the accuracy figures of one forecast. */
        Scores: {
            auc: number;
            brier: number;
            reliability: components["schemas"]["Bin"][] | null;
        };
        /** @description Seasonality holds seasonal indices from the samples. */
        Seasonality: {
            day_of_week: components["schemas"]["SeasonIndex"] | null;
            hour_of_day: components["schemas"]["SeasonIndex"] | null;
            /** Format: int64 */
            samples: number;
        };
        /** @description SeasonIndex is an additive seasonal index: group mean − overall mean (weighted by the samples' weights), in the series' units. */
        SeasonIndex: {
            /**
             * Format: double
             * @description Amplitude is the highest minus the lowest index; Best and Worst name the groups with the best and worst index (judged by Op).
             */
            amplitude: number;
            best: string;
            /**
             * Format: double
             * @description F and P are a one-way analysis of variance across the groups (weighted); nil when there are too few samples. Samples close in time are correlated, so read P as indicative.
             */
            f: number | null;
            index: number[] | null;
            /** @description "00".."23", or "Mon".."Sun" */
            labels: string[] | null;
            /** Format: double */
            mean: number;
            /** Format: double */
            p: number | null;
            /** @description total weight per group (0: no data, index 0) */
            weight: number[] | null;
            worst: string;
        };
        /** @description Series describes one series of a correlation. */
        Series: {
            /** Format: int64 */
            days: number;
            higher_is_better: boolean;
            measure: string;
            name: string;
            ref: string;
            unit: string;
        };
        /** @description ServiceSummary is one service with its SLTs. */
        ServiceSummary: {
            business_unit: string;
            criticality: string;
            display_name: string;
            name: string;
            owner: string;
            product_line: string;
            slts: components["schemas"]["SLTSummary"][] | null;
        };
        /** @description Side is one side of the change. */
        Side: {
            from?: string;
            /** Format: double */
            mean: number | null;
            /** Format: double */
            median: number | null;
            /** Format: int64 */
            n: number;
            to?: string;
        };
        /** @description Sizing is the model's figures for one number of servers. */
        Sizing: {
            /**
             * Format: double
             * @description ASASeconds, the average speed of answer = C · handle time / (K − A).
             */
            asa_seconds: number;
            /**
             * Format: double
             * @description Occupancy = A / K: the share of time a server is busy.
             */
            occupancy: number;
            /** Format: int64 */
            servers: number;
            /**
             * Format: double
             * @description ServiceLevel = 1 − C · e^(−(K − A) · T / handle time): answered within T.
             */
            service_level: number;
            /**
             * Format: double
             * @description WaitProbability is Erlang C: the chance an arrival waits at all.
             */
            wait_probability: number;
        };
        /** @description Skipped is a period left out of the analysis, with the reason. */
        Skipped: {
            label: string;
            reason: string;
        };
        /** @description SLTAnalysis is the definition summary and the analysis of one SLT. */
        SLTAnalysis: {
            analysis: components["schemas"]["Result"];
            /** Format: date-time */
            at: string;
            definition: components["schemas"]["AnalysisDefinition"];
        };
        /** @description SLTList is a page of SLTs. */
        SLTList: {
            items: components["schemas"]["SLTSummary"][] | null;
            /** @description NextCursor, when set, fetches the next page (`cursor`); the last page has none. */
            next_cursor?: string;
        };
        /** @description SLTLoop is the improvement loop around one SLT, for its page: the counter-metric beside it, the leads kept for it, what it excludes, its review, and its analyses, live actions and initiatives. */
        SLTLoop: {
            actions: components["schemas"]["ActionItem"][] | null;
            approvals: components["schemas"]["Approval"][] | null;
            /** Format: date-time */
            at: string;
            counter_metric: components["schemas"]["CounterMetric"] | null;
            excluded: components["schemas"]["ExcludedShares"] | null;
            improvements: components["schemas"]["Improvement"][] | null;
            /** @description Leads are the kept pairs (spec.leads), each correlated on the data. */
            leads: components["schemas"]["Correlation"][] | null;
            problems: string[] | null;
            rcas: components["schemas"]["RCAItem"][] | null;
            review: components["schemas"]["ReviewStatus"];
            slt: string;
        };
        /** @description SLTRecord is one contract SLT's record. */
        SLTRecord: {
            contract: string;
            from: string;
            /** Format: int64 */
            met: number;
            /** Format: int64 */
            periods: number;
            slt: string;
            to: string;
            trend: string;
            /** Format: double */
            trend_p: number | null;
        };
        /** @description SLTSummary is one SLT as a line of the portfolio. */
        SLTSummary: {
            display_name: string;
            feed: string;
            indicator: string;
            name: string;
            objective: string;
            owner: string;
            period: string;
            service: string;
            supplier: string;
            tiers: string[] | null;
            type: string;
        };
        /** @description Solution removes or controls a cause, carried out by an action. */
        Solution: {
            action?: string;
            controls: string;
            solution: string;
        };
        /** @description SparkPoint is one period of the sparkline. */
        SparkPoint: {
            /** Format: double */
            attainment: number | null;
            complete: boolean;
            met: boolean | null;
            period: string;
            /** Format: double */
            target: number | null;
        };
        /** @description Status is an SLT's state in a reporting period and the reasons that made it so. */
        Status: {
            label: string;
            period: string;
            rag: string;
            reasons: string[] | null;
            slt: string;
            /** @description State is missed, at_risk, on_target or no_data; Label the same in words; RAG its colour (red, amber, green, none). */
            state: string;
        };
        /** @description Suggestion is a proposed mapping for a file. */
        Suggestion: {
            mapping: components["schemas"]["Mapping"];
            /** @description Missing lists required fields no column was found for. */
            missing?: string[] | null;
            /** @description Notes explain guesses the person should check (ambiguous dates...). */
            notes?: string[] | null;
        };
        /** @description SupplierMaturity is one supplier's maturity, record and their agreement. */
        SupplierMaturity: {
            agreement: string;
            /**
             * Format: double
             * @description Declared is the supplier's spec.maturity, shown for comparison.
             */
            declared_maturity: number | null;
            disagrees: boolean;
            display_name: string;
            earlier: components["schemas"]["AssessmentScore"][] | null;
            /** @description Latest is the most recent assessment; Earlier the ones before it, newest first. */
            latest: components["schemas"]["AssessmentScore"] | null;
            reliability: components["schemas"]["Reliability"];
            supplier: string;
            verdict: string;
        };
        /** @description SupplierScope is what a joint review with one supplier covers. */
        SupplierScope: {
            /** @description Actions are the improvement actions linked to the supplier, live ones first: the agreed backlog a joint review goes through (ScopeStore fills them from the stored actions; Scope, which sees no store, leaves them empty). */
            actions: components["schemas"]["ActionItem"][] | null;
            assessments: string[] | null;
            /** @description Batches are the published and reverted imports of the scoped feeds (overlapping the review window, when one is given): the shared data set. */
            batches: components["schemas"]["BatchRef"][] | null;
            contact: string;
            /** @description Contingency is the supplier's plan (failover, workaround, contacts); nil without one. */
            contingency: components["schemas"]["Contingency"] | null;
            contingency_plan: string;
            contracts: string[] | null;
            display_name: string;
            email: string;
            feeds: string[] | null;
            services: string[] | null;
            slts: components["schemas"]["ScopedSLT"][] | null;
            supplier: string;
        };
        /** @description Target is a service-level target: Share of arrivals answered within Within. */
        Target: {
            /** Format: double */
            share: number;
            text: string;
            /**
             * Format: double
             * @description WithinSeconds is Within for JSON.
             */
            within_seconds: number;
        };
        /** @description TargetForecast is one SLT (or tier). */
        TargetForecast: {
            /**
             * Format: date-time
             * @description AsOf is the decision time: the last local midnight at or before At (forecasts use complete days, as in the backtest).
             */
            as_of: string;
            current: components["schemas"]["Probability"];
            features: components["schemas"]["Feature"][] | null;
            next: components["schemas"]["Probability"];
            next_period: components["schemas"]["Period"];
            period: components["schemas"]["Period"];
            slt: string;
            tier?: string;
        };
        /** @description Task is the JSON a receiver gets. */
        Task: {
            /** @description Breach is the breach that made the task (slt[/tier]@period), Period its period, Periods every period of a run of misses. */
            breach?: string;
            /** Format: date-time */
            created_at: string;
            /** @description Description says in words what happened and what is asked. */
            description: string;
            due?: string;
            event: string;
            /** @description ID is the outbox entry's id: the same on every retry, so a receiver can recognise a task it already has. */
            id: string;
            links: components["schemas"]["TaskLinks"];
            owner?: string;
            period?: string;
            periods?: string[] | null;
            /**
             * Format: double
             * @description Priority is in weighted error budgets overspent (docs/metrics.md, "Breaches"), summed over the breaches behind the task.
             */
            priority: number;
            schema: string;
            service?: string;
            slt?: string;
            supplier?: string;
            tier?: string;
            title: string;
        };
        /** @description TaskLinks point back into Slate. */
        TaskLinks: {
            action?: string;
            meeting?: string;
            rca?: string;
            review?: string;
        };
        /** @description Team is a proposed cross-functional improvement team. */
        Team: {
            members: components["schemas"]["Member"][] | null;
            /** @description Reason says which breaches are shared and how. */
            reason: string;
        };
        /** @description TemplateLayout is the file a feed's mapping reads (sheet, columns in order, time zone), with the template's instructions line by line. */
        TemplateLayout: {
            columns: components["schemas"]["LayoutColumn"][] | null;
            feed: string;
            instructions: (string[] | null)[] | null;
            saved: boolean;
            /** @description Sheet is the XLSX sheet holding the rows; Saved says the layout follows the feed's saved mapping (else the template's own names). */
            sheet: string;
            time_zone: string;
        };
        /** @description Thresholds are the bands the report judges with (documented in definitions.md). */
        Thresholds: {
            /** Format: double */
            good_record: number;
            /** Format: double */
            high_maturity: number;
            /** Format: double */
            low_maturity: number;
            /** Format: int64 */
            min_periods: number;
            /** Format: int64 */
            periods: number;
            /** Format: double */
            poor_record: number;
            /** Format: double */
            trend_p: number;
        };
        /** @description Tier is one (calendar, objective) pair of a tiered SLT. */
        Tier: {
            calendar?: string;
            name: string;
            op?: string;
            /** Format: double */
            target: number;
        };
        /** @description TrackRecord is the walk-forward backtest of one horizon. */
        TrackRecord: {
            baseline: components["schemas"]["Scores"];
            brier_climatology: number;
            /** Format: int64 */
            decision_points: number;
            /** Format: int64 */
            events: number;
            /**
             * Format: date-time
             * @description The first and last decision points scored.
             */
            from: string;
            horizon: string;
            message?: string;
            /** Format: int64 */
            missed_periods: number;
            /** @description Model and Baseline are scored on the same points. Climatology is the Brier score of always forecasting the training miss rate. */
            model: components["schemas"]["Scores"];
            /**
             * Format: int64
             * @description Periods are the labelled (SLT, tier, period) outcomes the scored points forecast; Missed of them were missed; Events counts the decision points whose period was missed.
             */
            periods: number;
            /** Format: int64 */
            refits: number;
            /** @description Skill = 1 − Brier(model)/Brier(baseline); SkillP is the one-sided p-value that the model is no better (a z-test on the per-point Brier differences with variance clustered by period). */
            skill: number;
            skill_p: number;
            /** @description ok or insufficient */
            status: string;
            /** Format: int64 */
            targets: number;
            /** Format: date-time */
            to: string;
            /** @description Use is the forecast Slate shows: "model" when it is significantly better than the baseline, else "baseline". */
            use: string;
            verdict: string;
        };
        /** @description Trend is the linear trend of the values against the period number 1..n. */
        Trend: {
            /** @description Direction is improving, worsening or none (not significant), judged by Op. */
            direction: string;
            /**
             * Format: double
             * @description FittedLast is the fitted value at the last analysed period.
             */
            fitted_last: number;
            /**
             * Format: double
             * @description fitted value at period 0
             */
            intercept: number;
            /** Format: double */
            mann_kendall_p: number;
            /**
             * Format: double
             * @description MannKendallS and MannKendallP are the Mann–Kendall statistic and two-sided p-value.
             */
            mann_kendall_s: number;
            /** Format: double */
            r2: number;
            /** @description Significant is true when the 95% CI of the OLS slope excludes zero and the Mann–Kendall p-value is below Alpha. */
            significant: boolean;
            /**
             * Format: double
             * @description OLS, per period
             */
            slope: number;
            /** @description 95% */
            slope_ci: number[];
            /** Format: double */
            slope_se: number;
            /**
             * Format: double
             * @description robust slope, per period
             */
            theil_sen: number;
        };
        /** @description TrendWarning projects the current burn to the end of the period. */
        TrendWarning: {
            /** Format: double */
            allowed_so_far: number;
            /** Format: double */
            attainment_so_far: number | null;
            /** Format: double */
            bad_so_far: number;
            /** Format: double */
            burn_rate: number | null;
            /** Format: double */
            eligible_so_far: number;
            message: string;
            /** Format: date-time */
            miss_at: string;
            miss_date: string;
            period: string;
            /** Format: date-time */
            period_end: string;
            /** Format: double */
            projected_attainment: number;
            slt: string;
            /** Format: double */
            target: number;
            tier: string;
            trend_window: string;
        };
        /** @description Trigger is one reason a review is due. */
        Trigger: {
            kind: string;
            reason: string;
            /** @description Since is the local date from which it applies. */
            since: string;
        };
        /** @description UploadChunk is one piece of a file sent by the browser. */
        UploadChunk: {
            data: string | null;
            /** @description ID is empty on the first chunk; later chunks send the id Upload returned. */
            id?: string;
            /** @description Name is the file's name (the first chunk's counts; folders are dropped). */
            name: string;
            /**
             * Format: int64
             * @description Offset is where Data goes; chunks come in order.
             */
            offset: number;
            /**
             * Format: int64
             * @description Size is the whole file's size, given on the first chunk.
             */
            size: number;
        };
        /** @description UploadedFile is the state of an upload; its ID is what Preview, Start and Packs.Verify take. */
        UploadedFile: {
            complete: boolean;
            id: string;
            /** @description Local is where a file picked in the window lives, to show the person (never sent back: the id stands for the file). */
            local?: string;
            name: string;
            /**
             * Format: int64
             * @description Received bytes so far; Complete when Received = Size.
             */
            received: number;
            /** Format: int64 */
            size: number;
        };
        /** @description UserInfo is a user as lists show it (never the token or its hash). */
        UserInfo: {
            active: boolean;
            /** Format: date-time */
            created: string;
            created_by: string;
            name: string;
            /** Format: date-time */
            revoked?: string;
            revoked_by?: string;
            role: string;
            supplier?: string;
        };
        /** @description Verdict is the plain-language conclusion: short sentences a manager can act on (Text), with the rule jargon one level below (Details). */
        Verdict: {
            breach: string;
            capability: string;
            control: string;
            /** @description Details are the signals, the reference and the figures behind the text. */
            details: string[] | null;
            /** @description Stable is true when no judged period broke a run rule. */
            stable: boolean;
            /** @description one of the Status* constants */
            status: string;
            /** @description Text is the whole verdict; Control (stability), Capability, Trend and Breach are its parts (empty when they do not apply). */
            text: string;
            trend: string;
        };
        /** @description Violation is one run-rule signal: the rule (nelson-1..8, we-1..4, or mr-1 for a moving range above its limit on an XmR chart), the 1-based point completing the pattern and the span of the pattern, with their period labels. */
        Violation: {
            description: string;
            /** @description Direction is better, worse or unusual, judged by the SLT's op. */
            direction: string;
            /** Format: int64 */
            index: number;
            label: string;
            rule: string;
            span: number[];
            span_labels: string[];
        };
        /** @description VolumeRange is the volume an SLT's target was negotiated on, as numbers: units of its feed (items, rows, events; the total of a counts feed) per day, week or month. A complete period whose average lies outside it makes a review due. */
        VolumeRange: {
            /** Format: double */
            max?: number | null;
            /** Format: double */
            min?: number | null;
            /** @description Per is day (default), week or month. */
            per?: string;
        };
        /** @description Warning is something a reader of the numbers must know. */
        Warning: {
            kind: string;
            message: string;
            slt: string;
            tier?: string;
        };
        /** @description WhatIf judges an SLT's past periods at another target. */
        WhatIf: {
            /** Format: double */
            current_target: number | null;
            /** Format: int64 */
            judged: number;
            /** Format: int64 */
            met_current: number;
            /** Format: int64 */
            met_proposed: number;
            op: string;
            periods: components["schemas"]["WhatIfPeriod"][] | null;
            /** Format: double */
            proposed_target: number;
            /** @description targets and attainments are shares (0..1), else values in Unit */
            ratio: boolean;
            slt: string;
            /**
             * Format: double
             * @description Target90 is the strictest target met in at least 90% of the judged periods.
             */
            target_met_in_90pct: number | null;
            tier?: string;
            /** @description of a statistic SLT ("ms") */
            unit?: string;
            warnings: components["schemas"]["Warning"][] | null;
        };
        /** @description WhatIfPeriod is one past period judged at the proposed target. */
        WhatIfPeriod: {
            /** Format: double */
            attainment: number | null;
            met_current: boolean | null;
            met_proposed: boolean | null;
            period: string;
        };
        /** @description WhatIfQuery proposes a target for an SLT. */
        WhatIfQuery: {
            at: string;
            slt: string;
            /** Format: double */
            target: number;
            /** @description Tier judges one tier of a tiered SLT (its rows, op and target); empty: the SLT's own objective. */
            tier: string;
        };
        /** @description Why is one step of a Five Whys chain: the question and its answer. The chain ends in root causes (RCA.RootCauses). */
        Why: {
            because: string;
            why: string;
        };
        /** @description WindowBurn is the burn rate of one window. */
        WindowBurn: {
            /** Format: double */
            bad: number;
            /** Format: double */
            burn_rate: number | null;
            duration: string;
            /** Format: double */
            eligible: number;
            /** Format: date-time */
            from: string;
            window: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "Actions.Add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Actions.Add, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["NewAction"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Action"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Actions.Close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Actions.Close, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["ActionClose"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Action"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Actions.Get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Actions.Get, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionItem"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Actions.List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Actions.List, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["ActionQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionItem"][] | null;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Actions.Update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Actions.Update, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["ActionUpdate"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Action"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Analysis.Correlate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Analysis.Correlate, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["CorrelateQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Correlation"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Analysis.Excluded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Analysis.Excluded, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExcludedShares"][] | null;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Analysis.Loop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Analysis.Loop, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SLTLoop"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Analysis.SLT": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Analysis.SLT, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["AnalyzeQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SLTAnalysis"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Approvals.Approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Approvals.Approve, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["ApprovalDecision"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Approval"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Approvals.List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Approvals.List, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["ApprovalFilter"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Approval"][] | null;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Approvals.Reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Approvals.Reject, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["ApprovalDecision"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Approval"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Approvals.RequestFalsePositive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Approvals.RequestFalsePositive, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["FalsePositiveRequest"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Approval"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Approvals.RequestPause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Approvals.RequestPause, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["PauseRequest"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Approval"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Audit.Anchor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 0 argument(s) of Audit.Anchor, in order, as a JSON array. */
        requestBody?: {
            content: {
                "application/json": unknown[];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditAnchor"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Audit.Check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Audit.Check, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["AuditCheck"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerification"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Audit.Log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Audit.Log, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    number
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEvent"][] | null;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Audit.Verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 0 argument(s) of Audit.Verify, in order, as a JSON array. */
        requestBody?: {
            content: {
                "application/json": unknown[];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerification"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "CMDB.Check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of CMDB.Check, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["CMDBQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CIReport"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "CMDB.Import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of CMDB.Import, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CMDBImport"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "CMDB.List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 0 argument(s) of CMDB.List, in order, as a JSON array. */
        requestBody?: {
            content: {
                "application/json": unknown[];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CMDBList"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Compliance.Alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Compliance.Alerts, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["AlertQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertList"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Compliance.Breaches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Compliance.Breaches, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["BreachQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreachLog"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Compliance.Dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Compliance.Dashboard, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["DashboardQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dashboard"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Compliance.RebuildResults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 0 argument(s) of Compliance.RebuildResults, in order, as a JSON array. */
        requestBody?: {
            content: {
                "application/json": unknown[];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResultsRebuild"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Compliance.Report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Compliance.Report, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["ReportQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Compliance.Rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Compliance.Rollback, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["RollbackQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RollbackResult"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Compliance.Rows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Compliance.Rows, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["RowsQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RowsPage"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Compliance.WhatIf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Compliance.WhatIf, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["WhatIfQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WhatIf"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Design.Capacity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Design.Capacity, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["CapacityQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CapacityAnswer"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Design.Change": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Design.Change, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["ChangeQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangeImpact"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Design.NewSLT": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Design.NewSLT, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["NewSLTQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewSLT"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Exceptions.Approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Exceptions.Approve, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["ExceptionDecision"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Exception"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Exceptions.Evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Exceptions.Evidence, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string | null;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Exceptions.List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 0 argument(s) of Exceptions.List, in order, as a JSON array. */
        requestBody?: {
            content: {
                "application/json": unknown[];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Exception"][] | null;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Exceptions.Reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Exceptions.Reject, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["ExceptionDecision"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Exception"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Exceptions.Request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Exceptions.Request, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["ExceptionRequest"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Exception"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Foresight.Backtest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Foresight.Backtest, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["BacktestQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Backtests"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Foresight.Calibrate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Foresight.Calibrate, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["CalibrateQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Calibration"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Foresight.CalibratedFeeds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 0 argument(s) of Foresight.CalibratedFeeds, in order, as a JSON array. */
        requestBody?: {
            content: {
                "application/json": unknown[];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalibratedFeed"][] | null;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Foresight.Predict": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Foresight.Predict, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["PredictQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Forecast"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Imports.Batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Imports.Batch, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    number
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchDetail"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Imports.Batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Imports.Batches, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Batch"][] | null;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Imports.DiscardUpload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Imports.DiscardUpload, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": null;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Imports.Feeds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 0 argument(s) of Imports.Feeds, in order, as a JSON array. */
        requestBody?: {
            content: {
                "application/json": unknown[];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedInfo"][] | null;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Imports.Import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Imports.Import, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["ImportRequest"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Imports.Layout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Imports.Layout, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateLayout"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Imports.Preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 3 argument(s) of Imports.Preview, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string,
                    string,
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreviewResult"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Imports.RejectsFile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 2 argument(s) of Imports.RejectsFile, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    number,
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileData"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Imports.Revert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 2 argument(s) of Imports.Revert, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    number,
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Batch"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Imports.Start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Imports.Start, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["ImportRequest"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": number;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Imports.Suggest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 3 argument(s) of Imports.Suggest, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string[] | null,
                    (string[] | null)[] | null,
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Suggestion"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Imports.TemplateCSV": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Imports.TemplateCSV, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileData"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Imports.TemplateFile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Imports.TemplateFile, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileData"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Imports.Upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Imports.Upload, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["UploadChunk"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadedFile"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Improvements.Add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Improvements.Add, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["NewImprovement"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Improvement"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Improvements.List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Improvements.List, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Improvement"][] | null;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Improvements.Validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Improvements.Validate, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImprovementValidation"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Integrations.Deliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 0 argument(s) of Integrations.Deliver, in order, as a JSON array. */
        requestBody?: {
            content: {
                "application/json": unknown[];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryReport"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Integrations.Outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Integrations.Outbox, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["OutboxFilter"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboxEntry"][] | null;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Integrations.Retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Integrations.Retry, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string[] | null;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Jobs.Cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Jobs.Cancel, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    number
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Jobs.Get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Jobs.Get, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    number
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Jobs.List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 0 argument(s) of Jobs.List, in order, as a JSON array. */
        requestBody?: {
            content: {
                "application/json": unknown[];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"][] | null;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Meetings.Agenda": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Meetings.Agenda, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["AgendaQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agenda"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Meetings.AgendaFile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Meetings.AgendaFile, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["AgendaFileQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileData"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Meetings.List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Meetings.List, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["MeetingFilter"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Meeting"][] | null;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Meetings.Record": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Meetings.Record, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["Minutes"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeetingRecord"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Packs.Build": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Packs.Build, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["PackQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackResult"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Packs.Download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Packs.Download, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackDownload"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Packs.List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 0 argument(s) of Packs.List, in order, as a JSON array. */
        requestBody?: {
            content: {
                "application/json": unknown[];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackFile"][] | null;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Packs.Start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Packs.Start, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["PackQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": number;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Packs.Verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Packs.Verify, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackVerification"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Packs.VerifyStored": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Packs.VerifyStored, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackVerification"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "RCAs.Close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of RCAs.Close, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["RCAClose"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RCA"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "RCAs.Get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of RCAs.Get, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RCAItem"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "RCAs.List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of RCAs.List, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["RCAFilter"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RCAItem"][] | null;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "RCAs.Open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of RCAs.Open, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["NewRCA"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RCA"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "RCAs.Update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of RCAs.Update, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["RCAUpdate"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RCA"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Reviews.History": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Reviews.History, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Review"][] | null;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Reviews.List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Reviews.List, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["ReviewFilter"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewStatus"][] | null;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Reviews.Record": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Reviews.Record, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["NewReview"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Review"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Session.Me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 0 argument(s) of Session.Me, in order, as a JSON array. */
        requestBody?: {
            content: {
                "application/json": unknown[];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Suppliers.Check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Suppliers.Check, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["ChainQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChainReport"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Suppliers.DataSet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Suppliers.DataSet, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["DataSetQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileData"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Suppliers.Maturity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Suppliers.Maturity, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["MaturityQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaturityReport"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Suppliers.Scope": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Suppliers.Scope, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["ScopeQuery"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierScope"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Users.Add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Users.Add, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    components["schemas"]["NewUserRequest"]
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewUser"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Users.List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 0 argument(s) of Users.List, in order, as a JSON array. */
        requestBody?: {
            content: {
                "application/json": unknown[];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserInfo"][] | null;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Users.Revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 1 argument(s) of Users.Revoke, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserInfo"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listActions: {
        parameters: {
            query?: {
                /** @description Where the page starts: `next_cursor` of the page before. */
                cursor?: string;
                /**
                 * @description Items per page, 1 to 1000 (default 100).
                 * @example 100
                 */
                limit?: number;
                /** @description true: only overdue actions. */
                overdue?: boolean;
                /** @description Only this owner's actions. */
                owner?: string;
                /** @description Only the actions of this root-cause analysis. */
                rca?: string;
                /** @description Only actions about this service. */
                service?: string;
                /**
                 * @description Only actions about this SLT.
                 * @example parcel-delivery-48h
                 */
                slt?: string;
                /**
                 * @description open, in_progress, done, dropped, or live (open and in progress).
                 * @example live
                 */
                status?: string;
                /** @description Only actions about this supplier. */
                supplier?: string;
            };
            header?: {
                /** @description An ETag of an earlier answer: 304 while it is current. */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List improvement actions. */
            200: {
                headers: {
                    /**
                     * @description The data version (and the evaluation time of figures); send it back in If-None-Match.
                     * @example W/"1234@2026-11-01T00:00:00Z"
                     */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "A-2",
                     *           "title": "Add a second sorting shift at the Leipzig hub",
                     *           "owner": "Søren Madsen",
                     *           "due": "2026-11-20",
                     *           "status": "in_progress",
                     *           "links": {
                     *             "slt": "parcel-delivery-48h",
                     *             "rca": "R-1",
                     *             "service": "order-fulfilment",
                     *             "supplier": "parcelnet"
                     *           },
                     *           "notes": [],
                     *           "origin": "person",
                     *           "created_at": "2026-11-03T09:00:00Z",
                     *           "created_by": "Søren Madsen",
                     *           "updated_at": "2026-11-10T14:00:00Z",
                     *           "history": [],
                     *           "overdue": true,
                     *           "days_overdue": 8
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ActionList"];
                };
            };
            /** @description Not modified: the ETag in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is not valid (a period key, a time, a limit or a cursor). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not call this route (`x-slate-roles`), or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag of an earlier answer: 304 while it is current. */
                "If-None-Match"?: string;
            };
            path: {
                /**
                 * @description The batch number.
                 * @example 42
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One import batch. */
            200: {
                headers: {
                    /**
                     * @description The data version (and the evaluation time of figures); send it back in If-None-Match.
                     * @example W/"1234@2026-11-01T00:00:00Z"
                     */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 42,
                     *       "feed": "parcel-orders",
                     *       "status": "published",
                     *       "shape": "item",
                     *       "file": "orders-2026-10.csv",
                     *       "size": 80179,
                     *       "sha256": "b93b08260f404f830b87580381bbf0beb5120a73a5d1c5e9e6f85412395c2f99",
                     *       "format": "csv",
                     *       "encoding": "utf-8",
                     *       "delimiter": ",",
                     *       "header_row": 1,
                     *       "header": [
                     *         "Order ID",
                     *         "Created",
                     *         "Delivered"
                     *       ],
                     *       "mapping": {
                     *         "time_layout": "iso-local",
                     *         "item": "Order ID",
                     *         "opened": "Created",
                     *         "resolved": "Delivered"
                     *       },
                     *       "on_conflict": "reject",
                     *       "counts": {
                     *         "read": 1842,
                     *         "imported": 1841,
                     *         "rejected": 1,
                     *         "empty": 0,
                     *         "warnings": 0
                     *       },
                     *       "finding_counts": {
                     *         "unparseable_time": 1
                     *       },
                     *       "from": "2026-10-01T06:19:00Z",
                     *       "to": "2026-10-31T21:49:00Z",
                     *       "created": "2026-11-01T07:00:00Z",
                     *       "published": "2026-11-01T07:00:01Z",
                     *       "source_bytes": 19697,
                     *       "findings": [
                     *         {
                     *           "kind": "unparseable_time",
                     *           "severity": "error",
                     *           "row": 3,
                     *           "column": "Delivered",
                     *           "raw": "not yet",
                     *           "message": "\"not yet\" in Delivered is not a time in the expected layout iso-local; correct the value or the mapping's timeLayout"
                     *         }
                     *       ],
                     *       "points": 1841
                     *     }
                     */
                    "application/json": components["schemas"]["BatchDetail"];
                };
            };
            /** @description Not modified: the ETag in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is not valid (a period key, a time, a limit or a cursor). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not call this route (`x-slate-roles`), or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such SLT, feed or batch (or not one the caller may see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "no SLT is named checkout-sucess (GET /api/v1/slts lists them)",
                     *       "instance": "/api/v1/slts/checkout-sucess/report"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBreaches: {
        parameters: {
            query?: {
                /**
                 * @description Evaluate as of this time (RFC 3339 or a date). Default: now, to the minute.
                 * @example 2026-11-01T00:00:00Z
                 */
                at?: string;
                /** @description Where the page starts: `next_cursor` of the page before. */
                cursor?: string;
                /**
                 * @description Items per page, 1 to 1000 (default 100).
                 * @example 100
                 */
                limit?: number;
                /**
                 * @description Only periods starting at or after this period key or time.
                 * @example 2026-07
                 */
                since?: string;
            };
            header?: {
                /** @description An ETag of an earlier answer: 304 while it is current. */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List missed periods. */
            200: {
                headers: {
                    /**
                     * @description The data version (and the evaluation time of figures); send it back in If-None-Match.
                     * @example W/"1234@2026-11-01T00:00:00Z"
                     */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "at": "2026-11-01T00:00:00Z",
                     *       "since": "2026-01",
                     *       "items": [
                     *         {
                     *           "id": "shop-availability/core-hours@2026-03",
                     *           "slt": "shop-availability",
                     *           "tier": "core-hours",
                     *           "period": "2026-03",
                     *           "start": "2026-02-28T23:00:00Z",
                     *           "end": "2026-03-31T22:00:00Z",
                     *           "attainment": 0.996439393939394,
                     *           "target": 0.999,
                     *           "op": ">=",
                     *           "shortfall": 0.002560606060606041,
                     *           "bad_minutes": 47,
                     *           "bad_items": null,
                     *           "budgets_overspent": 2.560606060606039,
                     *           "allowance": 0.001,
                     *           "weight": 5,
                     *           "impact": 12.803030303030194,
                     *           "impact_rule": "impact weight × error budgets overspent (shortfall ÷ allowed shortfall)",
                     *           "cost": 8460,
                     *           "frequency": 3,
                     *           "duration": 47,
                     *           "priority": 12.803030303030194,
                     *           "pareto_rank": 1,
                     *           "pareto_cumulative_share": 0.816599,
                     *           "vital_few": true,
                     *           "false_positive": false
                     *         }
                     *       ],
                     *       "next_cursor": "c2hvcC1hdmFpbGFiaWxpdHkvY29yZS1ob3Vyc0AyMDI2LTAz"
                     *     }
                     */
                    "application/json": components["schemas"]["BreachList"];
                };
            };
            /** @description Not modified: the ETag in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is not valid (a period key, a time, a limit or a cursor). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not call this route (`x-slate-roles`), or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importBatch: {
        parameters: {
            query?: {
                /**
                 * @description true: validate and count, import nothing.
                 * @example false
                 */
                dry_run?: boolean;
                /**
                 * @description The file's name as the batch records it (default: from Content-Disposition, else upload.csv or upload.xlsx by Content-Type).
                 * @example orders-2026-10.csv
                 */
                file?: string;
                /**
                 * @description Rows for a time or item already stored: reject (default: nothing is imported), replace or keep.
                 * @example reject
                 */
                on_conflict?: string;
                /** @description The sheet of an XLSX file (default: the mapping's, else the first). */
                sheet?: string;
            };
            header?: never;
            path: {
                /**
                 * @description The feed's name.
                 * @example parcel-orders
                 */
                name: string;
            };
            cookie?: never;
        };
        /** @description The file, as is: `text/csv` or `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` (the format is also recognised from the content). */
        requestBody: {
            content: {
                "application/octet-stream": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "text/csv": string;
            };
        };
        responses: {
            /** @description A dry run: what would be imported. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "batch": 42,
                     *       "feed": "parcel-orders",
                     *       "file": "orders-2026-10.csv",
                     *       "size": 80179,
                     *       "sha256": "b93b08260f404f830b87580381bbf0beb5120a73a5d1c5e9e6f85412395c2f99",
                     *       "format": "csv",
                     *       "encoding": "utf-8",
                     *       "delimiter": ",",
                     *       "header_row": 1,
                     *       "header": [
                     *         "Order ID",
                     *         "Created",
                     *         "Delivered"
                     *       ],
                     *       "mapping": {
                     *         "time_layout": "iso-local",
                     *         "item": "Order ID",
                     *         "opened": "Created",
                     *         "resolved": "Delivered"
                     *       },
                     *       "mapping_from": "feed",
                     *       "counts": {
                     *         "read": 1842,
                     *         "imported": 1841,
                     *         "rejected": 1,
                     *         "empty": 0,
                     *         "warnings": 0
                     *       },
                     *       "finding_counts": {
                     *         "unparseable_time": 1
                     *       },
                     *       "severities": {
                     *         "error": 1
                     *       },
                     *       "findings": [
                     *         {
                     *           "kind": "unparseable_time",
                     *           "severity": "error",
                     *           "row": 3,
                     *           "column": "Delivered",
                     *           "raw": "not yet",
                     *           "message": "\"not yet\" in Delivered is not a time in the expected layout iso-local; correct the value or the mapping's timeLayout"
                     *         }
                     *       ],
                     *       "from": "2026-10-01T06:19:00Z",
                     *       "to": "2026-10-31T21:49:00Z",
                     *       "seconds": 0.041
                     *     }
                     */
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            /** @description Import a file into a feed. */
            201: {
                headers: {
                    /** @description The new batch: /api/v1/batches/{id}. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "batch": 42,
                     *       "feed": "parcel-orders",
                     *       "file": "orders-2026-10.csv",
                     *       "size": 80179,
                     *       "sha256": "b93b08260f404f830b87580381bbf0beb5120a73a5d1c5e9e6f85412395c2f99",
                     *       "format": "csv",
                     *       "encoding": "utf-8",
                     *       "delimiter": ",",
                     *       "header_row": 1,
                     *       "header": [
                     *         "Order ID",
                     *         "Created",
                     *         "Delivered"
                     *       ],
                     *       "mapping": {
                     *         "time_layout": "iso-local",
                     *         "item": "Order ID",
                     *         "opened": "Created",
                     *         "resolved": "Delivered"
                     *       },
                     *       "mapping_from": "feed",
                     *       "counts": {
                     *         "read": 1842,
                     *         "imported": 1841,
                     *         "rejected": 1,
                     *         "empty": 0,
                     *         "warnings": 0
                     *       },
                     *       "finding_counts": {
                     *         "unparseable_time": 1
                     *       },
                     *       "severities": {
                     *         "error": 1
                     *       },
                     *       "findings": [
                     *         {
                     *           "kind": "unparseable_time",
                     *           "severity": "error",
                     *           "row": 3,
                     *           "column": "Delivered",
                     *           "raw": "not yet",
                     *           "message": "\"not yet\" in Delivered is not a time in the expected layout iso-local; correct the value or the mapping's timeLayout"
                     *         }
                     *       ],
                     *       "from": "2026-10-01T06:19:00Z",
                     *       "to": "2026-10-31T21:49:00Z",
                     *       "seconds": 0.041
                     *     }
                     */
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            /** @description A parameter is not valid (a period key, a time, a limit or a cursor). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not call this route (`x-slate-roles`), or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such SLT, feed or batch (or not one the caller may see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "no SLT is named checkout-sucess (GET /api/v1/slts lists them)",
                     *       "instance": "/api/v1/slts/checkout-sucess/report"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The file was sent without a Content-Length. */
            411: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The file is larger than 512 MiB, or the caller holds too many unused uploads. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The import published nothing; `result` holds its answer and findings. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getFeedCalibration: {
        parameters: {
            query?: {
                /**
                 * @description First time compared (RFC 3339 or a date). Default: all data.
                 * @example 2026-01-01
                 */
                from?: string;
                /**
                 * @description End of the span, exclusive. Default: now.
                 * @example 2026-11-01
                 */
                to?: string;
            };
            header?: {
                /** @description An ETag of an earlier answer: 304 while it is current. */
                "If-None-Match"?: string;
            };
            path: {
                /**
                 * @description The feed's name.
                 * @example shop-latency
                 */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A feed against its reference feed. */
            200: {
                headers: {
                    /**
                     * @description The data version (and the evaluation time of figures); send it back in If-None-Match.
                     * @example W/"1234@2026-11-01T00:00:00Z"
                     */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "feed": "shop-latency",
                     *       "reference": "shop-latency-txlog",
                     *       "shape": "value",
                     *       "unit": "ms",
                     *       "from": "2026-01-01T00:00:00Z",
                     *       "to": "2026-11-01T00:00:00Z",
                     *       "bucket_seconds": 300,
                     *       "tolerance_seconds": 0,
                     *       "alignment": {
                     *         "feed_buckets": 86500,
                     *         "reference_buckets": 86400,
                     *         "unpaired_feed_buckets": 150,
                     *         "unpaired_reference_buckets": 50,
                     *         "neighbour_pairs": 0
                     *       },
                     *       "result": {
                     *         "n": 86350,
                     *         "feed_mean": 310.2,
                     *         "reference_mean": 291.1,
                     *         "bias": 19.1,
                     *         "bias_ci": [
                     *           19,
                     *           19.2
                     *         ],
                     *         "sd_difference": 14,
                     *         "mae": 19.4,
                     *         "rmse": 23.6,
                     *         "limits_of_agreement": [
                     *           -8.03,
                     *           46.3
                     *         ],
                     *         "lower_limit_ci": [
                     *           -8.2,
                     *           -7.9
                     *         ],
                     *         "upper_limit_ci": [
                     *           46.1,
                     *           46.5
                     *         ],
                     *         "ccc": 0.946,
                     *         "pearson_r": 0.981,
                     *         "bias_correction": 0.964,
                     *         "classification": [
                     *           {
                     *             "name": "page-latency-p95",
                     *             "rule": "indicator threshold",
                     *             "op": "<=",
                     *             "threshold": 1200,
                     *             "both_good": 86200,
                     *             "feed_good_reference_bad": 0,
                     *             "feed_bad_reference_good": 3,
                     *             "both_bad": 147,
                     *             "agreement": 0.99997,
                     *             "chance_agreement": 0.9966,
                     *             "kappa": 0.99
                     *           }
                     *         ],
                     *         "drift": {
                     *           "status": "drift",
                     *           "message": "drift from 2026-06-30: the bias moves +0.249 ms a day, from +11.9 ms to +49.3 ms by the last day",
                     *           "days": 304,
                     *           "monthly": [
                     *             {
                     *               "month": "2026-06",
                     *               "n": 8617,
                     *               "bias": 11.8,
                     *               "ci": [
                     *                 11.6,
                     *                 11.9
                     *               ],
                     *               "drifted": false
                     *             },
                     *             {
                     *               "month": "2026-07",
                     *               "n": 8915,
                     *               "bias": 15.8,
                     *               "ci": [
                     *                 15.6,
                     *                 16
                     *               ],
                     *               "drifted": true
                     *             }
                     *           ],
                     *           "slope_per_day": 0.12,
                     *           "slope_ci": [
                     *             0.11,
                     *             0.13
                     *           ],
                     *           "mann_kendall_p": 0,
                     *           "change": {
                     *             "kind": "ramp",
                     *             "start": "2026-06-30",
                     *             "bias_before": 11.9,
                     *             "slope_per_day": 0.249,
                     *             "shift": 0,
                     *             "total_change": 37.4
                     *           }
                     *         },
                     *         "confidence": 0.95
                     *       },
                     *       "attainment": [
                     *         {
                     *           "slt": "page-latency-p95",
                     *           "period": "2026-10",
                     *           "start": "2026-09-30T22:00:00Z",
                     *           "end": "2026-10-31T23:00:00Z",
                     *           "complete": true,
                     *           "kind": "statistic",
                     *           "unit": "ms",
                     *           "op": "<=",
                     *           "target": 450,
                     *           "from_feed": 309,
                     *           "from_reference": 270,
                     *           "difference": 38.9,
                     *           "met_feed": true,
                     *           "met_reference": true,
                     *           "verdicts_differ": false
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Calibration"];
                };
            };
            /** @description Not modified: the ETag in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not call this route (`x-slate-roles`), or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such SLT, feed or batch (or not one the caller may see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "no SLT is named checkout-sucess (GET /api/v1/slts lists them)",
                     *       "instance": "/api/v1/slts/checkout-sucess/report"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The import published nothing; `result` holds its answer and findings. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPredictions: {
        parameters: {
            query?: {
                /**
                 * @description Evaluate as of this time (RFC 3339 or a date). Default: now, to the minute.
                 * @example 2026-11-01T00:00:00Z
                 */
                at?: string;
                /**
                 * @description Only this SLT.
                 * @example parcel-delivery-48h
                 */
                slt?: string;
            };
            header?: {
                /** @description An ETag of an earlier answer: 304 while it is current. */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The chance that each SLT misses its period. */
            200: {
                headers: {
                    /**
                     * @description The data version (and the evaluation time of figures); send it back in If-None-Match.
                     * @example W/"1234@2026-11-01T00:00:00Z"
                     */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "at": "2026-11-01T00:00:00Z",
                     *       "status": "ok",
                     *       "track_record_current": {
                     *         "horizon": "current",
                     *         "status": "ok",
                     *         "from": "2026-03-31T22:00:00Z",
                     *         "to": "2026-10-30T23:00:00Z",
                     *         "decision_points": 1975,
                     *         "targets": 9,
                     *         "periods": 324,
                     *         "missed_periods": 7,
                     *         "events": 219,
                     *         "refits": 18,
                     *         "model": {
                     *           "brier": 0.0282,
                     *           "auc": 0.972,
                     *           "reliability": [
                     *             {
                     *               "from": 0,
                     *               "to": 0.1,
                     *               "n": 1735,
                     *               "events": 15,
                     *               "predicted": 0.009,
                     *               "observed": 0.0086
                     *             }
                     *           ]
                     *         },
                     *         "baseline": {
                     *           "brier": 0.0307,
                     *           "auc": 0.957,
                     *           "reliability": [
                     *             {
                     *               "from": 0,
                     *               "to": 0.1,
                     *               "n": 1735,
                     *               "events": 15,
                     *               "predicted": 0.009,
                     *               "observed": 0.0086
                     *             }
                     *           ]
                     *         },
                     *         "brier_climatology": 0.099,
                     *         "skill": 0.084,
                     *         "skill_p": 0.24,
                     *         "use": "baseline",
                     *         "verdict": "The model is not better than the baseline (Brier score 0.028 against 0.031, skill 8%, p = 0.24) over 1,975 decision points in 324 periods (7 missed); Slate shows the baseline: the burn rate so far projected to the period end, with the hit rate it had in the past."
                     *       },
                     *       "track_record_next": {
                     *         "horizon": "next",
                     *         "status": "ok",
                     *         "from": "2026-03-31T22:00:00Z",
                     *         "to": "2026-10-30T23:00:00Z",
                     *         "decision_points": 1975,
                     *         "targets": 9,
                     *         "periods": 324,
                     *         "missed_periods": 7,
                     *         "events": 219,
                     *         "refits": 18,
                     *         "model": {
                     *           "brier": 0.0282,
                     *           "auc": 0.972,
                     *           "reliability": [
                     *             {
                     *               "from": 0,
                     *               "to": 0.1,
                     *               "n": 1735,
                     *               "events": 15,
                     *               "predicted": 0.009,
                     *               "observed": 0.0086
                     *             }
                     *           ]
                     *         },
                     *         "baseline": {
                     *           "brier": 0.0307,
                     *           "auc": 0.957,
                     *           "reliability": [
                     *             {
                     *               "from": 0,
                     *               "to": 0.1,
                     *               "n": 1735,
                     *               "events": 15,
                     *               "predicted": 0.009,
                     *               "observed": 0.0086
                     *             }
                     *           ]
                     *         },
                     *         "brier_climatology": 0.099,
                     *         "skill": 0.084,
                     *         "skill_p": 0.24,
                     *         "use": "baseline",
                     *         "verdict": "The model is not better than the baseline (Brier score 0.028 against 0.031, skill 8%, p = 0.24) over 1,975 decision points in 324 periods (7 missed); Slate shows the baseline: the burn rate so far projected to the period end, with the hit rate it had in the past."
                     *       },
                     *       "targets": [
                     *         {
                     *           "slt": "parcel-delivery-48h",
                     *           "as_of": "2026-11-01T00:00:00Z",
                     *           "period": {
                     *             "key": "2026-11",
                     *             "start": "2026-10-31T23:00:00Z",
                     *             "end": "2026-11-30T23:00:00Z"
                     *           },
                     *           "next_period": {
                     *             "key": "2026-12",
                     *             "start": "2026-11-30T23:00:00Z",
                     *             "end": "2026-12-31T23:00:00Z"
                     *           },
                     *           "current": {
                     *             "probability": 0.76,
                     *             "source": "baseline",
                     *             "model": 0.81,
                     *             "baseline": 0.76
                     *           },
                     *           "next": {
                     *             "probability": 0.48,
                     *             "source": "baseline",
                     *             "model": 0.55,
                     *             "baseline": 0.48
                     *           },
                     *           "features": [
                     *             {
                     *               "name": "budget_burned",
                     *               "value": 1.4,
                     *               "contribution": 0.9
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "skipped": [
                     *         "customer-experience: composite SLTs are not predicted (their components are)"
                     *       ],
                     *       "model_current": null,
                     *       "model_next": null
                     *     }
                     */
                    "application/json": components["schemas"]["Forecast"];
                };
            };
            /** @description Not modified: the ETag in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is not valid (a period key, a time, a limit or a cursor). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not call this route (`x-slate-roles`), or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such SLT, feed or batch (or not one the caller may see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "no SLT is named checkout-sucess (GET /api/v1/slts lists them)",
                     *       "instance": "/api/v1/slts/checkout-sucess/report"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSLTs: {
        parameters: {
            query?: {
                /** @description Where the page starts: `next_cursor` of the page before. */
                cursor?: string;
                /**
                 * @description Items per page, 1 to 1000 (default 100).
                 * @example 100
                 */
                limit?: number;
            };
            header?: {
                /** @description An ETag of an earlier answer: 304 while it is current. */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List the SLTs. */
            200: {
                headers: {
                    /**
                     * @description The data version (and the evaluation time of figures); send it back in If-None-Match.
                     * @example W/"1234@2026-11-01T00:00:00Z"
                     */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "name": "checkout-success",
                     *           "display_name": "Checkout success rate",
                     *           "service": "webshop",
                     *           "type": "SLA",
                     *           "indicator": "ratio",
                     *           "objective": ">= 99%",
                     *           "period": "month",
                     *           "owner": "Jonas Weber",
                     *           "feed": "checkout-counts",
                     *           "supplier": "",
                     *           "tiers": []
                     *         }
                     *       ],
                     *       "next_cursor": "Y2hlY2tvdXQtc3VjY2Vzcw"
                     *     }
                     */
                    "application/json": components["schemas"]["SLTList"];
                };
            };
            /** @description Not modified: the ETag in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is not valid (a period key, a time, a limit or a cursor). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not call this route (`x-slate-roles`), or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSLTReport: {
        parameters: {
            query?: {
                /**
                 * @description Evaluate as of this time (RFC 3339 or a date). Default: now, to the minute.
                 * @example 2026-11-01T00:00:00Z
                 */
                at?: string;
                /**
                 * @description A period key: 2026-10, 2026-Q3, 2026-W07, 2026 or 2026-10-05.
                 * @example 2026-10
                 */
                period?: string;
            };
            header?: {
                /** @description An ETag of an earlier answer: 304 while it is current. */
                "If-None-Match"?: string;
            };
            path: {
                /**
                 * @description The SLT's name.
                 * @example shop-availability
                 */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An SLT's compliance report. */
            200: {
                headers: {
                    /**
                     * @description The data version (and the evaluation time of figures); send it back in If-None-Match.
                     * @example W/"1234@2026-11-01T00:00:00Z"
                     */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "at": "2026-11-01T00:00:00Z",
                     *       "rows": [
                     *         {
                     *           "slt": "checkout-success",
                     *           "tier": "",
                     *           "kind": "ratio",
                     *           "period": "2026-10",
                     *           "start": "2026-09-30T22:00:00Z",
                     *           "end": "2026-10-31T23:00:00Z",
                     *           "complete": true,
                     *           "points": 745,
                     *           "eligible": 433248,
                     *           "good": 431486,
                     *           "bad": 1762,
                     *           "unknown": 0,
                     *           "excluded": 0,
                     *           "attainment": 0.9959330452766083,
                     *           "attainment_raw": 0.9959330452766083,
                     *           "target": 0.99,
                     *           "op": ">=",
                     *           "met": true,
                     *           "shortfall": 0,
                     *           "budget_remaining": 0.5933045276608321,
                     *           "consecutive_misses": 0,
                     *           "rca_due": false,
                     *           "slt_owner": "Jonas Weber",
                     *           "data_owner": "Jonas Weber"
                     *         }
                     *       ],
                     *       "credits": [],
                     *       "warnings": [],
                     *       "ignored_windows": [],
                     *       "statuses": [
                     *         {
                     *           "slt": "checkout-success",
                     *           "period": "2026-10",
                     *           "state": "on_target",
                     *           "label": "on target",
                     *           "rag": "green",
                     *           "reasons": [
                     *             "met in 2026-10: 99.593% against ≥ 99%, 59% of the error budget left"
                     *           ]
                     *         }
                     *       ],
                     *       "cmdb": null
                     *     }
                     */
                    "application/json": components["schemas"]["Report"];
                };
            };
            /** @description Not modified: the ETag in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is not valid (a period key, a time, a limit or a cursor). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not call this route (`x-slate-roles`), or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such SLT, feed or batch (or not one the caller may see). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "no SLT is named checkout-sucess (GET /api/v1/slts lists them)",
                     *       "instance": "/api/v1/slts/checkout-sucess/report"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "Workspace.Apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 2 argument(s) of Workspace.Apply, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string,
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplyResult"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Workspace.Definitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 2 argument(s) of Workspace.Definitions, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string,
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"][] | null;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Workspace.DefinitionsYAML": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 2 argument(s) of Workspace.DefinitionsYAML, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string,
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Workspace.Delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 2 argument(s) of Workspace.Delete, in order, as a JSON array. */
        requestBody: {
            content: {
                "application/json": [
                    string,
                    string
                ];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": null;
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Workspace.LoadDemo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 0 argument(s) of Workspace.LoadDemo, in order, as a JSON array. */
        requestBody?: {
            content: {
                "application/json": unknown[];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplyResult"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "Workspace.Overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The 0 argument(s) of Workspace.Overview, in order, as a JSON array. */
        requestBody?: {
            content: {
                "application/json": unknown[];
            };
        };
        responses: {
            /** @description The method's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Overview"];
                };
            };
            /** @description The body is not a JSON array of the method's arguments (or names a field the method does not know). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token's role may not call this method, or the call came from another origin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such method. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the method takes (`x-slate-max-body`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The method returned an error; `error` is its message, in plain words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
