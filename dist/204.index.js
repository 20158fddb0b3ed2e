export const id = 204;
export const ids = [204];
export const modules = {

/***/ 13204:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  formatIssues: () => (/* binding */ formatIssues),
  validatePacket: () => (/* binding */ validatePacket),
  validateResult: () => (/* binding */ validateResult)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/iso.js
var iso = __webpack_require__(64377);
// EXTERNAL MODULE: ./src/contract-constants.ts
var contract_constants = __webpack_require__(38897);
// EXTERNAL MODULE: ./src/domain/index.ts + 4 modules
var domain = __webpack_require__(34950);
;// CONCATENATED MODULE: ./src/contracts.ts
// The public JSON contracts (SPEC §3), defined once. TypeScript types are inferred from these schemas and
// `schemas/*.schema.json` is generated from them (see scripts/generate-schemas.ts); a test keeps both in step.




const SmokeStatus = schemas/* enum */.k5n(contract_constants/* SMOKE_STATUSES */.jp);
const Reason = schemas/* enum */.k5n(contract_constants/* REASONS */.ez);
const CommandSource = schemas/* enum */.k5n(contract_constants/* COMMAND_SOURCES */.jW);
const Sha = schemas/* string */.YjP().regex(domain/* SHA_PATTERN */.yw, 'a full 40-hex commit SHA');
const IsoTime = iso/* datetime */.w$({ offset: true });
/** One execution of the command. A run with retries has several. */
const Attempt = schemas/* object */.Ikc({
    exit_code: schemas/* number */.aig().int().nullable(),
    signal: schemas/* string */.YjP().nullable(),
    status: schemas/* enum */.k5n(['PASS', 'FAIL', 'TIMEOUT', 'ERROR', 'CANCELLED']),
    duration_ms: schemas/* number */.aig().int().nonnegative(),
})
    .strict();
/** The AutomationDecision of the seed: may the merge queue go on? */
const Continuation = schemas/* object */.Ikc({
    allow_continuation: schemas/* boolean */.zMY(),
    reason: schemas/* string */.YjP(),
})
    .strict();
const RunInfo = schemas/* object */.Ikc({
    repository: schemas/* string */.YjP(),
    run_id: schemas/* string */.YjP(),
    run_attempt: schemas/* number */.aig().int().positive(),
    url: schemas/* string */.YjP(),
})
    .strict();
/** What each reporting step did: "posted", "uploaded", "written", "skipped: …", "failed: …". */
const Reporting = schemas/* object */.Ikc({
    commit_status: schemas/* string */.YjP(),
    /** The Critical #7 packet artifact. */
    artifact: schemas/* string */.YjP(),
    summary: schemas/* string */.YjP(),
    /** The `green-ref` branch: "moved to <sha>", "unchanged: …", "skipped: …". */
    green_ref: schemas/* string */.YjP(),
    /** The red streak's issue: "opened #12", "commented on #12", "closed #12", "skipped: …". */
    escalation_issue: schemas/* string */.YjP(),
    /** A run job with `report: false`: its result artifact for the report job. */
    result_artifact: schemas/* string */.YjP(),
})
    .strict();
/** A merge queue candidate (merge_group event): the queue's branch and the base it was built on. */
const Queue = schemas/* object */.Ikc({
    head_ref: schemas/* string */.YjP(),
    base_sha: Sha.nullable(),
})
    .strict();
/** One profile's outcome in a fan-out (SPEC-v2 §5). */
const ProfileOutcome = schemas/* object */.Ikc({
    profile: schemas/* string */.YjP(),
    status: SmokeStatus,
    reason: Reason,
    exit_code: schemas/* number */.aig().int().nullable(),
    duration_ms: schemas/* number */.aig().int().nonnegative().nullable(),
    stdout_tail: schemas/* string */.YjP(),
    stderr_tail: schemas/* string */.YjP(),
})
    .strict();
/** A commit after the last green one, up to the failing merge commit (SPEC-v2 §4). */
const Suspect = schemas/* object */.Ikc({
    sha: Sha,
    subject: schemas/* string */.YjP(),
    pr_number: schemas/* number */.aig().int().positive().nullable(),
    author: schemas/* string */.YjP(),
})
    .strict();
const SmokeResult = schemas/* object */.Ikc({
    schema: schemas/* literal */.euz(contract_constants/* SMOKE_RESULT_SCHEMA_ID */.uA),
    /** The mode that produced it. */
    mode: schemas/* enum */.k5n(contract_constants/* RESULT_MODES */.r_),
    /** The workflow event (push, merge_group, workflow_dispatch, …); null outside Actions. */
    event: schemas/* string */.YjP().nullable(),
    queue: Queue.nullable(),
    status: SmokeStatus,
    reason: Reason,
    message: schemas/* string */.YjP(),
    merge_commit: Sha.nullable(),
    base_branch: schemas/* string */.YjP().nullable(),
    origin_head: Sha.nullable(),
    origin_head_after: Sha.nullable(),
    stale: schemas/* boolean */.zMY(),
    task_id: schemas/* string */.YjP().nullable(),
    pr_number: schemas/* number */.aig().int().positive().nullable(),
    /** How PR discovery concluded, in one phrase ("#12 named in the commit message (squash subject)"). */
    pr_discovery: schemas/* string */.YjP().nullable(),
    profile: schemas/* string */.YjP().nullable(),
    smoke_command: schemas/* string */.YjP().nullable(),
    command_source: CommandSource.nullable(),
    dry_run: schemas/* boolean */.zMY(),
    exit_code: schemas/* number */.aig().int().nullable(),
    signal: schemas/* string */.YjP().nullable(),
    duration_ms: schemas/* number */.aig().int().nonnegative().nullable(),
    started_at: IsoTime.nullable(),
    finished_at: IsoTime.nullable(),
    timeout_seconds: schemas/* number */.aig().positive().nullable(),
    stdout: schemas/* string */.YjP().nullable(),
    stderr: schemas/* string */.YjP().nullable(),
    stdout_bytes: schemas/* number */.aig().int().nonnegative().nullable(),
    stderr_bytes: schemas/* number */.aig().int().nonnegative().nullable(),
    stdout_truncated: schemas/* boolean */.zMY(),
    stderr_truncated: schemas/* boolean */.zMY(),
    attempts: schemas/* array */.YOg(Attempt),
    flaky: schemas/* boolean */.zMY(),
    orphans_killed: schemas/* number */.aig().int().nonnegative(),
    /** How the smoke was contained; null when nothing ran. */
    containment: schemas/* enum */.k5n(contract_constants/* CONTAINMENTS_USED */.Ws).nullable(),
    /** A folded fan-out: one entry per planned profile; null for a single run. */
    profiles: schemas/* array */.YOg(ProfileOutcome).nullable(),
    /** The `green-ref` branch after this run; null when `green-ref` is off or unknown. */
    green_sha: Sha.nullable(),
    /** The open escalation issue of the red streak; null when there is none. */
    issue_number: schemas/* number */.aig().int().positive().nullable(),
    continuation: Continuation,
    merge_queue_continuation_ready: schemas/* boolean */.zMY(),
    run: RunInfo.nullable(),
    reporting: Reporting,
})
    .strict()
    .superRefine((r, ctx) => {
    if (!contract_constants/* REASONS_BY_STATUS */.p4[r.status].includes(r.reason)) {
        ctx.addIssue({
            code: 'custom',
            path: ['reason'],
            message: `reason "${r.reason}" does not belong to status ${r.status} (expected one of ${contract_constants/* REASONS_BY_STATUS */.p4[r.status].join(', ')})`,
        });
    }
    if (r.merge_queue_continuation_ready !== r.continuation.allow_continuation) {
        ctx.addIssue({
            code: 'custom',
            path: ['merge_queue_continuation_ready'],
            message: 'must equal continuation.allow_continuation',
        });
    }
});
const PacketEvidence = schemas/* object */.Ikc({
    status: SmokeStatus,
    reason: Reason,
    message: schemas/* string */.YjP(),
    smoke_command: schemas/* string */.YjP().nullable(),
    command_source: CommandSource.nullable(),
    exit_code: schemas/* number */.aig().int().nullable(),
    signal: schemas/* string */.YjP().nullable(),
    duration_ms: schemas/* number */.aig().int().nonnegative().nullable(),
    origin_head: Sha.nullable(),
    stdout_tail: schemas/* string */.YjP(),
    stderr_tail: schemas/* string */.YjP(),
})
    .strict();
const EscalationPacket = schemas/* object */.Ikc({
    schema: schemas/* literal */.euz(contract_constants/* ESCALATION_PACKET_SCHEMA_ID */.RL),
    critical_no: schemas/* literal */.euz(contract_constants/* CriticalEscalationType */.VC.POST_MERGE_SMOKE_FAILED),
    escalation_type: schemas/* literal */.euz(contract_constants/* ESCALATION_TYPE_NAME */.rn),
    idempotency_key: schemas/* string */.YjP(),
    merge_commit: Sha.nullable(),
    task_id: schemas/* string */.YjP().nullable(),
    pr_number: schemas/* number */.aig().int().positive().nullable(),
    repository: schemas/* string */.YjP().nullable(),
    run_url: schemas/* string */.YjP().nullable(),
    created_at: IsoTime,
    queue: Queue.nullable(),
    /** The first-parent commits after the last green one up to the merge commit, newest first (≤ 50). */
    suspects: schemas/* array */.YOg(Suspect).max(50),
    /** A folded fan-out's profiles; null for a single run. */
    profiles: schemas/* array */.YOg(ProfileOutcome).nullable(),
    evidence: PacketEvidence,
})
    .strict();
/** What the CLI would run (`post-merge-smoke run` without --apply): resolved, checked, not executed. */
const SmokePlan = schemas/* object */.Ikc({
    schema: schemas/* literal */.euz(contract_constants/* SMOKE_PLAN_SCHEMA_ID */.m7),
    applied: schemas/* literal */.euz(false),
    merge_commit: Sha,
    base_branch: schemas/* string */.YjP(),
    origin_head: Sha.nullable(),
    stale: schemas/* boolean */.zMY(),
    task_id: schemas/* string */.YjP().nullable(),
    pr_number: schemas/* number */.aig().int().positive().nullable(),
    /** How PR discovery concluded, in one phrase ("#12 named in the commit message (squash subject)"). */
    pr_discovery: schemas/* string */.YjP().nullable(),
    profile: schemas/* string */.YjP().nullable(),
    smoke_command: schemas/* string */.YjP(),
    command_source: CommandSource,
    shell: schemas/* string */.YjP(),
    working_directory: schemas/* string */.YjP(),
    timeout_seconds: schemas/* number */.aig().positive(),
    dry_run: schemas/* boolean */.zMY(),
    /** What --apply would refuse in this working tree (HEAD elsewhere, uncommitted changes); empty: it would run. */
    apply_refusals: schemas/* array */.YOg(schemas/* string */.YjP()),
})
    .strict();
/** Generated JSON Schema documents, keyed by the file name they are checked in under `schemas/`. */
function jsonSchemas() {
    const doc = (schema, id, title) => ({
        title,
        description: `${id}: generated from src/contracts.ts by \`npm run schemas\`; do not edit by hand.`,
        ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }),
    });
    return {
        'smoke-result.schema.json': doc(SmokeResult, SMOKE_RESULT_SCHEMA_ID, 'SmokeResult'),
        'escalation-packet.schema.json': doc(EscalationPacket, ESCALATION_PACKET_SCHEMA_ID, 'EscalationPacket'),
        'smoke-plan.schema.json': doc(SmokePlan, SMOKE_PLAN_SCHEMA_ID, 'SmokePlan'),
    };
}

;// CONCATENATED MODULE: ./src/report/validate.ts

/** One line per issue: `  - path.to.field: message`. */
function formatIssues(error) {
    return error.issues
        .map((i) => `  - ${i.path.length > 0 ? i.path.map(String).join('.') : '(root)'}: ${i.message}`)
        .join('\n');
}
/** Checks `value` against the SmokeResult schema; throws an Error listing every issue. */
function validateResult(value) {
    const parsed = SmokeResult.safeParse(value);
    if (parsed.success)
        return parsed.data;
    throw new Error(`SmokeResult does not match ${contract_constants/* SMOKE_RESULT_SCHEMA_ID */.uA}:\n${formatIssues(parsed.error)}`);
}
/** Checks `value` against the EscalationPacket schema; throws an Error listing every issue. */
function validatePacket(value) {
    const parsed = EscalationPacket.safeParse(value);
    if (parsed.success)
        return parsed.data;
    throw new Error(`EscalationPacket does not match ${contract_constants/* ESCALATION_PACKET_SCHEMA_ID */.RL}:\n${formatIssues(parsed.error)}`);
}


/***/ })

};
