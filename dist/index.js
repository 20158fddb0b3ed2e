import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 92401:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ GitHubApiError)
/* harmony export */ });
// The small interface the pipeline needs from GitHub. The real implementation (github-rest.ts) talks to the
// REST and GraphQL APIs; tests point it at a loopback server.
/** An API call that failed after the client's own retries. `status` is null when no HTTP answer came back. */
class GitHubApiError extends Error {
    status;
    endpoint;
    constructor(message, status, endpoint) {
        super(message);
        this.status = status;
        this.endpoint = endpoint;
        this.name = 'GitHubApiError';
    }
    /** Worth another try later: no answer, a server error, or rate limiting. */
    get transient() {
        return this.status === null || this.status >= 500 || this.status === 429;
    }
}


/***/ }),

/***/ 38897:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $h: () => (/* binding */ ESCALATING_STATUSES),
/* harmony export */   RG: () => (/* binding */ FULL_SHA),
/* harmony export */   RL: () => (/* binding */ ESCALATION_PACKET_SCHEMA_ID),
/* harmony export */   VC: () => (/* binding */ CriticalEscalationType),
/* harmony export */   ez: () => (/* binding */ REASONS),
/* harmony export */   jW: () => (/* binding */ COMMAND_SOURCES),
/* harmony export */   jp: () => (/* binding */ SMOKE_STATUSES),
/* harmony export */   m7: () => (/* binding */ SMOKE_PLAN_SCHEMA_ID),
/* harmony export */   p4: () => (/* binding */ REASONS_BY_STATUS),
/* harmony export */   rn: () => (/* binding */ ESCALATION_TYPE_NAME),
/* harmony export */   uA: () => (/* binding */ SMOKE_RESULT_SCHEMA_ID)
/* harmony export */ });
// The contracts' plain values: schema ids, statuses, reasons, command sources, the escalation number. They
// live apart from the zod schemas (contracts.ts, which builds its enums from these arrays) so that code on
// the action's start-up path can use them without loading zod; the schemas are loaded in the background and
// only needed when a result is validated.
/** A full commit SHA as the contracts carry it: 40 lowercase hex digits. */
const FULL_SHA = /^[0-9a-f]{40}$/;
const SMOKE_RESULT_SCHEMA_ID = 'post-merge-smoke/smoke-result@1';
const SMOKE_PLAN_SCHEMA_ID = 'post-merge-smoke/smoke-plan@1';
const ESCALATION_PACKET_SCHEMA_ID = 'post-merge-smoke/escalation-packet@1';
/** The Critical escalation classes. Ours is #7; the number is part of the contract. */
var CriticalEscalationType;
(function (CriticalEscalationType) {
    CriticalEscalationType[CriticalEscalationType["POST_MERGE_SMOKE_FAILED"] = 7] = "POST_MERGE_SMOKE_FAILED";
})(CriticalEscalationType || (CriticalEscalationType = {}));
const ESCALATION_TYPE_NAME = 'POST_MERGE_SMOKE_FAILED';
const SMOKE_STATUSES = [
    'PASS',
    'FAIL',
    'TIMEOUT',
    'SKIPPED',
    'BLOCKED',
    'STALE',
    'ERROR',
    'CANCELLED',
];
/** Statuses that produce a Critical #7 packet and fail the job (SPEC §2). */
const ESCALATING_STATUSES = ['FAIL', 'TIMEOUT', 'BLOCKED', 'ERROR'];
/**
 * Machine-readable reason codes. Each status has its own small set; REASONS_BY_STATUS says which.
 * Consumers switch on these, so they are an enum, not free text.
 */
const REASONS = [
    // PASS
    'exit_zero',
    // FAIL
    'exit_nonzero',
    'killed_by_signal',
    // TIMEOUT
    'deadline_exceeded',
    // SKIPPED / BLOCKED
    'no_command',
    'unknown_profile',
    'untrusted_source',
    'invalid_config',
    'invalid_input',
    // STALE
    'superseded',
    'diverged',
    'rewound',
    // ERROR
    'head_unreachable',
    'workspace_mismatch',
    'git_failed',
    'api_failed',
    'spawn_failed',
    'internal_error',
    // CANCELLED
    'cancelled',
];
const REASONS_BY_STATUS = {
    PASS: ['exit_zero'],
    FAIL: ['exit_nonzero', 'killed_by_signal'],
    TIMEOUT: ['deadline_exceeded'],
    SKIPPED: ['no_command'],
    BLOCKED: ['no_command', 'unknown_profile', 'untrusted_source', 'invalid_config', 'invalid_input'],
    STALE: ['superseded', 'diverged', 'rewound'],
    ERROR: [
        'head_unreachable',
        'workspace_mismatch',
        'git_failed',
        'api_failed',
        'spawn_failed',
        'internal_error',
    ],
    CANCELLED: ['cancelled'],
};
const COMMAND_SOURCES = ['input', 'registry', 'task-file', 'pr-body'];


/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 49140:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("constants");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 91943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 98995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 46193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 53557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ }),

/***/ 57349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Scalar = __nccwpck_require__(63301);
var YAMLMap = __nccwpck_require__(84454);
var YAMLSeq = __nccwpck_require__(92223);
var resolveBlockMap = __nccwpck_require__(87103);
var resolveBlockSeq = __nccwpck_require__(90334);
var resolveFlowCollection = __nccwpck_require__(13142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 23683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(45937);
var resolveEnd = __nccwpck_require__(17788);
var resolveProps = __nccwpck_require__(34631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 45937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(41127);
var composeCollection = __nccwpck_require__(57349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(17788);
var utilEmptyScalarPosition = __nccwpck_require__(22599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Scalar = __nccwpck_require__(63301);
var resolveBlockScalar = __nccwpck_require__(48913);
var resolveFlowScalar = __nccwpck_require__(76842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 89984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(61342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(91464);
var identity = __nccwpck_require__(41127);
var composeDoc = __nccwpck_require__(23683);
var resolveEnd = __nccwpck_require__(17788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 87103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(57165);
var YAMLMap = __nccwpck_require__(84454);
var resolveProps = __nccwpck_require__(34631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(74051);
var utilMapIncludes = __nccwpck_require__(81187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 48913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 90334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(92223);
var resolveProps = __nccwpck_require__(34631);
var utilFlowIndentCheck = __nccwpck_require__(74051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 17788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 13142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Pair = __nccwpck_require__(57165);
var YAMLMap = __nccwpck_require__(84454);
var YAMLSeq = __nccwpck_require__(92223);
var resolveEnd = __nccwpck_require__(17788);
var resolveProps = __nccwpck_require__(34631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(81187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 76842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);
var resolveEnd = __nccwpck_require__(17788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 34631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 22599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 74051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 81187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(40101);
var identity = __nccwpck_require__(41127);
var Pair = __nccwpck_require__(57165);
var toJS = __nccwpck_require__(74043);
var Schema = __nccwpck_require__(45840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(71596);
var applyReviver = __nccwpck_require__(83661);
var createNode = __nccwpck_require__(42404);
var directives = __nccwpck_require__(61342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 71596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var visit = __nccwpck_require__(10204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 83661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 42404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(41127);
var Scalar = __nccwpck_require__(63301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 61342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var visit = __nccwpck_require__(10204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 91464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 38815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(89984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(45840);
var errors = __nccwpck_require__(91464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(41127);
var Pair = __nccwpck_require__(57165);
var Scalar = __nccwpck_require__(63301);
var YAMLMap = __nccwpck_require__(84454);
var YAMLSeq = __nccwpck_require__(92223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(40361);
var lineCounter = __nccwpck_require__(66628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(84047);
var visit = __nccwpck_require__(10204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
exports.Vj = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
__webpack_unused_export__ = lineCounter.LineCounter;
exports.iX = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
exports.YR = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 57249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(71596);
var visit = __nccwpck_require__(10204);
var identity = __nccwpck_require__(41127);
var Node = __nccwpck_require__(66673);
var toJS = __nccwpck_require__(74043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 40101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(42404);
var identity = __nccwpck_require__(41127);
var Node = __nccwpck_require__(66673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 66673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(83661);
var identity = __nccwpck_require__(41127);
var toJS = __nccwpck_require__(74043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 57165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(42404);
var stringifyPair = __nccwpck_require__(59748);
var addPairToJSMap = __nccwpck_require__(97104);
var identity = __nccwpck_require__(41127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 63301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Node = __nccwpck_require__(66673);
var toJS = __nccwpck_require__(74043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 84454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(61212);
var addPairToJSMap = __nccwpck_require__(97104);
var Collection = __nccwpck_require__(40101);
var identity = __nccwpck_require__(41127);
var Pair = __nccwpck_require__(57165);
var Scalar = __nccwpck_require__(63301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 92223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(42404);
var stringifyCollection = __nccwpck_require__(61212);
var Collection = __nccwpck_require__(40101);
var identity = __nccwpck_require__(41127);
var Scalar = __nccwpck_require__(63301);
var toJS = __nccwpck_require__(74043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 97104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(57249);
var merge = __nccwpck_require__(90452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(41127);
var toJS = __nccwpck_require__(74043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 41127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 74043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 60110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(48913);
var resolveFlowScalar = __nccwpck_require__(76842);
var errors = __nccwpck_require__(91464);
var stringifyString = __nccwpck_require__(83069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 91733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 97715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(60110);
var cstStringify = __nccwpck_require__(91733);
var cstVisit = __nccwpck_require__(97715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 40361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 66628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(40361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 84047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(89984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(91464);
var log = __nccwpck_require__(57249);
var identity = __nccwpck_require__(41127);
var lineCounter = __nccwpck_require__(66628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 45840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var map = __nccwpck_require__(47451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(66464);
var tags = __nccwpck_require__(90018);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 47451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var YAMLMap = __nccwpck_require__(84454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 73632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var YAMLSeq = __nccwpck_require__(92223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 66464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(83069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 73959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 38405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);
var stringifyNumber = __nccwpck_require__(28689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 59874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(28689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 70896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(47451);
var _null = __nccwpck_require__(73632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(66464);
var bool = __nccwpck_require__(73959);
var float = __nccwpck_require__(38405);
var int = __nccwpck_require__(59874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 33559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);
var map = __nccwpck_require__(47451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 90018:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(47451);
var _null = __nccwpck_require__(73632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(66464);
var bool = __nccwpck_require__(73959);
var float = __nccwpck_require__(38405);
var int = __nccwpck_require__(59874);
var schema = __nccwpck_require__(70896);
var schema$1 = __nccwpck_require__(33559);
var binary = __nccwpck_require__(56083);
var merge = __nccwpck_require__(90452);
var omap = __nccwpck_require__(50303);
var pairs = __nccwpck_require__(18385);
var schema$2 = __nccwpck_require__(35913);
var set = __nccwpck_require__(81528);
var timestamp = __nccwpck_require__(46752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 56083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(20181);
var Scalar = __nccwpck_require__(63301);
var stringifyString = __nccwpck_require__(83069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 88398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 35782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);
var stringifyNumber = __nccwpck_require__(28689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 10873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(28689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 90452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Scalar = __nccwpck_require__(63301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 50303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var toJS = __nccwpck_require__(74043);
var YAMLMap = __nccwpck_require__(84454);
var YAMLSeq = __nccwpck_require__(92223);
var pairs = __nccwpck_require__(18385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 18385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Pair = __nccwpck_require__(57165);
var Scalar = __nccwpck_require__(63301);
var YAMLSeq = __nccwpck_require__(92223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 35913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(47451);
var _null = __nccwpck_require__(73632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(66464);
var binary = __nccwpck_require__(56083);
var bool = __nccwpck_require__(88398);
var float = __nccwpck_require__(35782);
var int = __nccwpck_require__(10873);
var merge = __nccwpck_require__(90452);
var omap = __nccwpck_require__(50303);
var pairs = __nccwpck_require__(18385);
var set = __nccwpck_require__(81528);
var timestamp = __nccwpck_require__(46752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 81528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Pair = __nccwpck_require__(57165);
var YAMLMap = __nccwpck_require__(84454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 46752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(28689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 34475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(71596);
var identity = __nccwpck_require__(41127);
var stringifyComment = __nccwpck_require__(59799);
var stringifyString = __nccwpck_require__(83069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 61212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(59799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 59799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(59799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 28689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 59748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Scalar = __nccwpck_require__(63301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(59799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 83069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);
var foldFlowLines = __nccwpck_require__(34475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 10204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/adapters/git.ts
// The one choke point for every git call (cf. actions/checkout's git-command-manager). It never throws for
// a non-zero exit: callers get the exit code and the output and decide. It only rejects when git itself
// cannot be started, and even that comes back as exitCode -1 with the reason in stderr.

/**
 * The environment every git call gets: never prompt for credentials, never page, never read the user's
 * or system configuration for things that change output, and a fixed locale so messages can be matched.
 */
function hardenedGitEnv(base) {
    return {
        ...base,
        GIT_TERMINAL_PROMPT: '0',
        GIT_ASKPASS: base.GIT_ASKPASS ?? '',
        SSH_ASKPASS: base.SSH_ASKPASS ?? '',
        GIT_PAGER: 'cat',
        PAGER: 'cat',
        GIT_OPTIONAL_LOCKS: '0',
        LC_ALL: 'C',
        LANG: 'C',
        GCM_INTERACTIVE: 'never',
    };
}
class GitCli {
    cwd;
    env;
    gitPath;
    constructor(cwd, env = process.env, gitPath = 'git') {
        this.cwd = cwd;
        this.env = env;
        this.gitPath = gitPath;
    }
    run(args, options = {}) {
        const maxOutputBytes = options.maxOutputBytes ?? 16 * 1024 * 1024;
        const timeoutMs = options.timeoutMs ?? 120_000;
        return new Promise((resolve) => {
            let child;
            try {
                child = (0,external_node_child_process_namespaceObject.spawn)(this.gitPath, ['-c', 'core.quotepath=off', '-c', 'color.ui=false', ...args], {
                    cwd: this.cwd,
                    env: hardenedGitEnv(this.env),
                    stdio: ['ignore', 'pipe', 'pipe'],
                    windowsHide: true,
                });
            }
            catch (e) {
                resolve({
                    exitCode: -1,
                    stdout: '',
                    stderr: `cannot run git: ${e.message}`,
                    truncated: false,
                });
                return;
            }
            const out = [];
            const err = [];
            let outBytes = 0;
            let errBytes = 0;
            let truncated = false;
            let timedOut = false;
            child.stdout.on('data', (chunk) => {
                if (outBytes >= maxOutputBytes) {
                    truncated = true;
                    return;
                }
                const keep = chunk.subarray(0, maxOutputBytes - outBytes);
                if (keep.length < chunk.length)
                    truncated = true;
                out.push(keep);
                outBytes += keep.length;
            });
            child.stderr.on('data', (chunk) => {
                if (errBytes < 64 * 1024) {
                    err.push(chunk);
                    errBytes += chunk.length;
                }
            });
            const timer = setTimeout(() => {
                timedOut = true;
                child.kill('SIGKILL');
            }, timeoutMs);
            child.on('error', (e) => {
                clearTimeout(timer);
                resolve({ exitCode: -1, stdout: '', stderr: `cannot run git: ${e.message}`, truncated: false });
            });
            child.on('close', (code, signal) => {
                clearTimeout(timer);
                const stderr = Buffer.concat(err).toString('utf8');
                resolve({
                    exitCode: code ?? -1,
                    stdout: Buffer.concat(out).toString('utf8'),
                    stderr: timedOut
                        ? `git ${args[0] ?? ''} timed out after ${timeoutMs} ms\n${stderr}`
                        : signal
                            ? `git ${args[0] ?? ''} killed by ${signal}\n${stderr}`
                            : stderr,
                    truncated,
                });
            });
        });
    }
}
/**
 * What git said, in one line for a message: the first `fatal:`/`error:` line (git often ends with advice
 * such as "and the repository exists."), else the last stderr line, else the exit code; no trailing period.
 */
function gitFailure(result) {
    const lines = result.stderr
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    const line = lines.find((l) => /^(fatal|error):/i.test(l)) ?? lines.pop() ?? `exit code ${result.exitCode}`;
    return line.replace(/[.\s]+$/, '');
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(77598);
;// CONCATENATED MODULE: ./src/adapters/runner.ts
// The runner protocol, in one place: workflow commands on stdout (`::error title=…::…`, `::add-mask::`) and
// file commands (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY). Same encoding as @actions/core (command.ts,
// file-command.ts), written here because importing @actions/core also loads its OIDC client, its HTTP client
// and undici — a third of the action's start-up time — for none of which this action has a use.



/** How the runner decodes a command's message: %, CR and LF are percent-encoded. */
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** A command property (e.g. `title=`) also escapes ':' and ','. */
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function workflowCommand(command, properties, message) {
    const props = Object.entries(properties)
        .filter(([, v]) => v !== '')
        .map(([k, v]) => `${k}=${escapeProperty(v)}`)
        .join(',');
    return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${external_node_os_.EOL}`;
}
/**
 * `name<<delimiter` … `delimiter`, as the runner parses GITHUB_OUTPUT. The delimiter is random, and a name
 * or value that contains it is refused (it would end the value early).
 */
function keyValueFileCommand(name, value) {
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter)) {
        throw new Error(`output ${name} contains the file-command delimiter`);
    }
    return `${name}<<${delimiter}${external_node_os_.EOL}${value}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`;
}
class RunnerProtocol {
    env;
    write;
    constructor(env, write = (text) => void process.stdout.write(text)) {
        this.env = env;
        this.write = write;
    }
    /** Masks the value in the job log from now on. */
    setSecret(value) {
        if (value)
            this.write(workflowCommand('add-mask', {}, value));
    }
    setOutput(name, value) {
        const file = this.env.GITHUB_OUTPUT;
        if (file) {
            appendToFile('GITHUB_OUTPUT', file, keyValueFileCommand(name, value));
            return;
        }
        // Outside a runner with file commands (old runners): the deprecated stdout form, as @actions/core does.
        this.write(external_node_os_.EOL + workflowCommand('set-output', { name }, value));
    }
    /** Appends Markdown to the job summary; throws when the runner gave no summary file. */
    appendSummary(markdown) {
        const file = this.env.GITHUB_STEP_SUMMARY;
        if (!file)
            throw new Error('GITHUB_STEP_SUMMARY is not set: no job summary on this runner');
        appendToFile('GITHUB_STEP_SUMMARY', file, markdown + external_node_os_.EOL);
    }
    get hasSummary() {
        return Boolean(this.env.GITHUB_STEP_SUMMARY);
    }
    logger() {
        return {
            info: (m) => this.write(m + external_node_os_.EOL),
            warning: (m) => this.write(workflowCommand('warning', {}, m)),
            error: (m, title) => this.write(workflowCommand('error', title ? { title } : {}, m)),
            debug: (m) => this.write(workflowCommand('debug', {}, m)),
        };
    }
}
function appendToFile(variable, file, text) {
    if (!(0,external_node_fs_.existsSync)(file))
        throw new Error(`${variable} points to ${file}, which does not exist`);
    (0,external_node_fs_.appendFileSync)(file, text, { encoding: 'utf8' });
}

;// CONCATENATED MODULE: ./src/execute/child-env.ts
// The smoke command's environment: the action's own, minus its inputs and the runner's credentials, plus the
// caller's extras (SMOKE_MERGE_COMMIT, SMOKE_TASK_ID, SMOKE_PR_NUMBER). The engine adds the tracking id.
/** Runner credentials and endpoints that a smoke command has no business seeing. */
const DROPPED_VARIABLES = [
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'ACTIONS_RESULTS_URL',
    'ACTIONS_RUNTIME_URL',
    'ACTIONS_CACHE_URL',
    'GITHUB_TOKEN',
    'GH_TOKEN',
];
/** Name prefixes dropped whole: the action's inputs and its saved state. */
const DROPPED_PREFIXES = ['INPUT_', 'STATE_'];
/** Set by the engine on every attempt; the tree sweep finds escaped processes by it. */
const TRACKING_ID_VARIABLE = 'POST_MERGE_SMOKE_TRACKING_ID';
/**
 * `secretValues`: values that must not reach the child; any variable holding exactly one of them is dropped
 * (empty strings are ignored). `platform`: on win32 names compare case-insensitively.
 */
function buildChildEnv(parent, extras, secretValues = [], platform = process.platform) {
    const win = platform === 'win32';
    const norm = (name) => (win ? name.toUpperCase() : name);
    const dropped = new Set(DROPPED_VARIABLES.map(norm));
    const prefixes = DROPPED_PREFIXES.map(norm);
    const secrets = new Set(secretValues.filter((v) => v !== ''));
    const extraNames = new Set(Object.keys(extras).map(norm));
    const env = {};
    for (const [name, value] of Object.entries(parent)) {
        if (value === undefined)
            continue;
        const key = norm(name);
        if (dropped.has(key) || prefixes.some((p) => key.startsWith(p)))
            continue;
        if (secrets.has(value))
            continue;
        if (extraNames.has(key))
            continue; // replaced below, whatever its case
        env[name] = value;
    }
    for (const [name, value] of Object.entries(extras))
        env[name] = value;
    return env;
}
/** Tracking ids of enclosing runs (a smoke command that itself runs the engine), comma-separated. */
const OUTER_TRACKING_IDS_VARIABLE = 'POST_MERGE_SMOKE_OUTER_TRACKING_IDS';
/**
 * `env` with the tracking id set. An inherited id (this engine running inside another run's command) moves
 * to POST_MERGE_SMOKE_OUTER_TRACKING_IDS, so the enclosing run's sweep still finds our descendants.
 * Names compare case-insensitively on Windows.
 */
function withTrackingId(env, trackingId, platform = process.platform) {
    const norm = (name) => (platform === 'win32' ? name.toUpperCase() : name);
    const out = {};
    const outer = [];
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined)
            continue;
        const key = norm(name);
        if (key === TRACKING_ID_VARIABLE || key === OUTER_TRACKING_IDS_VARIABLE) {
            outer.push(...value.split(',').filter((v) => v !== ''));
            continue;
        }
        out[name] = value;
    }
    if (outer.length > 0)
        out[OUTER_TRACKING_IDS_VARIABLE] = outer.join(',');
    out[TRACKING_ID_VARIABLE] = trackingId;
    return out;
}

;// CONCATENATED MODULE: ./src/execute/capture.ts
// Bounded head/tail capture of one output stream: the first floor(max/2) bytes, the last ceil(max/2) bytes,
// an exact byte count, and a marker for what was dropped in between. Memory is O(max) whatever the
// command prints; nothing is decoded until the end, and cuts fall on UTF-8 character boundaries.
/** The text put between head and tail; `dropped` is the exact number of bytes left out. */
function truncationMarker(dropped) {
    return `…[${dropped} bytes truncated]…`;
}
/** How a byte budget is shared: the head gets the smaller half. */
function splitBudget(maxBytes) {
    const max = Math.max(0, Math.floor(maxBytes));
    const headCap = Math.floor(max / 2);
    return { headCap, tailCap: max - headCap };
}
/**
 * Number of bytes at the end of `buf[0, end)` that begin a UTF-8 character the range does not complete
 * (0 when the range ends on a character boundary). Only looks at the last three bytes.
 */
function incompleteUtf8Suffix(buf, end) {
    for (let back = 1; back <= Math.min(3, end); back++) {
        const b = buf[end - back];
        if ((b & 0xc0) === 0x80)
            continue; // continuation byte: keep looking for the lead byte
        if (b < 0xc0)
            return 0; // ASCII: the range ends cleanly
        const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
        return need > back ? back : 0;
    }
    return 0;
}
/** Number of UTF-8 continuation bytes (at most 3) at the start of `buf[start, end)`. */
function leadingContinuationBytes(buf, start = 0, end = buf.length) {
    let n = 0;
    while (n < 3 && start + n < end && (buf[start + n] & 0xc0) === 0x80)
        n++;
    return n;
}
/**
 * The last `capacity` bytes written, in a fixed ring allocated on first use. A write copies at most
 * `capacity` bytes (only the part of the chunk that can survive), never the whole tail.
 */
class TailRing {
    capacity;
    ring = null;
    pos = 0; // next write position
    filled = 0;
    constructor(capacity) {
        this.capacity = capacity;
    }
    get length() {
        return this.filled;
    }
    write(chunk, start = 0, end = chunk.length) {
        const cap = this.capacity;
        let n = end - start;
        if (n <= 0 || cap === 0)
            return;
        const ring = (this.ring ??= Buffer.allocUnsafe(cap));
        if (n >= cap) {
            ring.set(chunk.subarray(end - cap, end), 0);
            this.pos = 0;
            this.filled = cap;
            return;
        }
        const first = Math.min(n, cap - this.pos);
        ring.set(chunk.subarray(start, start + first), this.pos);
        n -= first;
        if (n > 0)
            ring.set(chunk.subarray(start + first, end), 0);
        this.pos = (this.pos + first + n) % cap;
        this.filled = Math.min(cap, this.filled + first + n);
    }
    /** The kept bytes, oldest first (one copy, at the end only). */
    toBuffer() {
        if (!this.ring || this.filled === 0)
            return Buffer.alloc(0);
        if (this.filled < this.capacity)
            return Buffer.from(this.ring.subarray(0, this.filled));
        return Buffer.concat([this.ring.subarray(this.pos), this.ring.subarray(0, this.pos)], this.capacity);
    }
}
/**
 * Decides the cuts for a stream of `total` bytes whose head holds `headLen` bytes (ending in `headEnd`,
 * the last up to 3 bytes of the head) and whose tail ring holds `tail`.
 */
function planCuts(total, headCap, tailCap, headLen, headEnd, tail) {
    if (total <= headCap + tailCap) {
        return { truncated: false, headKeep: headLen, tailSkip: 0, dropped: 0 };
    }
    const headKeep = headLen - incompleteUtf8Suffix(headEnd, headEnd.length);
    const tailSkip = leadingContinuationBytes(tail);
    return { truncated: true, headKeep, tailSkip, dropped: total - headKeep - (tail.length - tailSkip) };
}
/** Keeps the last (up to) 3 bytes of the head, enough to decide the head cut. */
class HeadEnd {
    bytes = Buffer.alloc(3);
    len = 0;
    push(chunk, start, end) {
        const n = end - start;
        if (n >= 3) {
            this.bytes.set(chunk.subarray(end - 3, end), 0);
            this.len = 3;
            return;
        }
        for (let i = start; i < end; i++) {
            if (this.len === 3)
                this.bytes.copyWithin(0, 1, 3);
            else
                this.len++;
            this.bytes[this.len - 1] = chunk[i];
        }
    }
    get value() {
        return this.bytes.subarray(0, this.len);
    }
}
/** In-memory head/tail capture of one stream at `maxBytes`. */
class HeadTailCapture {
    headCap;
    tailCap;
    head = null;
    headLen = 0;
    tail;
    total = 0;
    constructor(maxBytes) {
        ({ headCap: this.headCap, tailCap: this.tailCap } = splitBudget(maxBytes));
        this.tail = new TailRing(this.tailCap);
    }
    get totalBytes() {
        return this.total;
    }
    write(chunk) {
        const len = chunk.length;
        this.total += len;
        let off = 0;
        if (this.headLen < this.headCap) {
            const take = Math.min(len, this.headCap - this.headLen);
            (this.head ??= Buffer.allocUnsafe(this.headCap)).set(chunk.subarray(0, take), this.headLen);
            this.headLen += take;
            off = take;
        }
        if (off < len)
            this.tail.write(chunk, off, len);
    }
    result() {
        const head = this.head ? this.head.subarray(0, this.headLen) : Buffer.alloc(0);
        const tail = this.tail.toBuffer();
        const plan = planCuts(this.total, this.headCap, this.tailCap, this.headLen, head.subarray(Math.max(0, head.length - 3)), tail);
        if (!plan.truncated) {
            return {
                text: Buffer.concat([head, tail]).toString('utf8'),
                totalBytes: this.total,
                truncated: false,
            };
        }
        const text = head.toString('utf8', 0, plan.headKeep) +
            truncationMarker(plan.dropped) +
            tail.toString('utf8', plan.tailSkip);
        return { text, totalBytes: this.total, truncated: true };
    }
}

;// CONCATENATED MODULE: ./src/execute/log-file.ts
// The full log of one stream on disk, with the capture's head/tail rule at logMaxBytes: the head goes
// straight to the file as it arrives, the tail is kept in a bounded ring, and marker + tail are written
// at the end. A log that cannot be written never disturbs the run: its path just becomes null.


class HeadTailLogFile {
    path;
    fd = null;
    headCap;
    tailCap;
    headLen = 0;
    headEnd = new HeadEnd();
    tail;
    total = 0;
    failure = null;
    /** Opens (truncates) `path`; when that fails the log is off and `finish()` returns null. */
    constructor(path, maxBytes) {
        this.path = path;
        ({ headCap: this.headCap, tailCap: this.tailCap } = splitBudget(maxBytes));
        this.tail = new TailRing(this.tailCap);
        try {
            this.fd = (0,external_node_fs_.openSync)(path, 'w', 0o644);
        }
        catch (e) {
            this.failure = e.message;
        }
    }
    /** Why the log is unusable, or null. */
    get error() {
        return this.failure;
    }
    write(chunk) {
        if (this.fd === null)
            return;
        const len = chunk.length;
        this.total += len;
        let off = 0;
        if (this.headLen < this.headCap) {
            const take = Math.min(len, this.headCap - this.headLen);
            try {
                writeAll(this.fd, chunk, 0, take, this.headLen);
            }
            catch (e) {
                this.fail(e);
                return;
            }
            this.headEnd.push(chunk, 0, take);
            this.headLen += take;
            off = take;
        }
        if (off < len)
            this.tail.write(chunk, off, len);
    }
    /** Writes marker + tail, closes the file and returns its path (null when the log could not be written). */
    finish() {
        if (this.fd === null)
            return null;
        const fd = this.fd;
        try {
            const tail = this.tail.toBuffer();
            const plan = planCuts(this.total, this.headCap, this.tailCap, this.headLen, this.headEnd.value, tail);
            let pos = plan.headKeep;
            if (plan.truncated) {
                const marker = Buffer.from(truncationMarker(plan.dropped), 'utf8');
                writeAll(fd, marker, 0, marker.length, pos);
                pos += marker.length;
            }
            const body = tail.subarray(plan.tailSkip);
            writeAll(fd, body, 0, body.length, pos);
            pos += body.length;
            (0,external_node_fs_.ftruncateSync)(fd, pos);
            this.fd = null;
            (0,external_node_fs_.closeSync)(fd);
            return this.path;
        }
        catch (e) {
            this.fail(e);
            return null;
        }
    }
    fail(e) {
        this.failure = e.message;
        if (this.fd !== null) {
            try {
                (0,external_node_fs_.closeSync)(this.fd);
            }
            catch {
                // already failing; the path is reported as null either way
            }
            this.fd = null;
        }
    }
}
function writeAll(fd, buf, start, length, position) {
    let done = 0;
    while (done < length) {
        done += (0,external_node_fs_.writeSync)(fd, buf, start + done, length - done, position + done);
    }
}

;// CONCATENATED MODULE: ./src/execute/process-tree.ts
// Finding and killing everything a smoke command started.
//
// POSIX: the command runs as the leader of its own process group (pgid == its pid). Killing sends the signal
// to the group, and a sweep finds what escaped the group: on Linux every process whose /proc/<pid>/stat
// says it is in our group or whose /proc/<pid>/environ carries our tracking id (setsid daemons, double
// forks); on other POSIX systems (macOS) `ps` lists processes by group only, so an escapee that called
// setsid() cannot be found there. Zombies count as gone. ESRCH is ignored; EPERM and other errors are
// recorded, never thrown.
//
// Windows: there are no process groups; `taskkill /T /F /PID <pid>` kills the tree while its root is alive.
// Leftovers of a command that already exited cannot be found, so nothing is swept there.


const SWEEP_ROUNDS = 20;
const POLL_MS = 50;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
// One scratch buffer for /proc reads: readFileSync on /proc files (size 0 to fstat) is several times slower.
const scratch = Buffer.allocUnsafe(64 * 1024);
/** The start of a small /proc file (stat), as latin1 text; null when it cannot be read. */
function readProcText(path) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(path, 'r');
    }
    catch {
        return null;
    }
    try {
        const n = (0,external_node_fs_.readSync)(fd, scratch, 0, 4096, null);
        return scratch.toString('latin1', 0, n);
    }
    catch {
        return null;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** Whether the file at `path` contains `needle` (read in chunks; false when unreadable). */
function procFileIncludes(path, needle) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(path, 'r');
    }
    catch {
        return false;
    }
    try {
        const keep = needle.length - 1; // overlap carried between chunks
        let have = 0;
        for (;;) {
            const n = (0,external_node_fs_.readSync)(fd, scratch, have, scratch.length - have, null);
            if (n === 0)
                return false;
            have += n;
            if (scratch.subarray(0, have).includes(needle))
                return true;
            if (have > keep) {
                scratch.copyWithin(0, have - keep, have);
                have = keep;
            }
        }
    }
    catch {
        return false;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** Start time (clock ticks after boot, /proc/<pid>/stat field 22) of `pid`, or 0 when unknown. */
function procStartTime(pid, procRoot = '/proc') {
    const stat = readProcText(`${procRoot}/${pid}/stat`);
    if (stat === null)
        return 0;
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]) || 0;
}
/**
 * Live processes (not zombies) in process group `pgid` or whose environment holds `needle`, read from
 * /proc. Environments are only read for processes started at or after `minStartTime` (a process carrying
 * our tracking id descends from our command, so it cannot be older). Returns null when /proc cannot be
 * listed.
 */
function scanProc(pgid, needle, minStartTime = 0, procRoot = '/proc') {
    let names;
    try {
        names = (0,external_node_fs_.readdirSync)(procRoot);
    }
    catch {
        return null;
    }
    const found = { group: [], escaped: [] };
    for (const name of names) {
        const c = name.charCodeAt(0);
        if (c < 48 || c > 57)
            continue;
        const pid = Number(name);
        if (!Number.isInteger(pid) || pid === process.pid)
            continue;
        const stat = readProcText(`${procRoot}/${name}/stat`);
        if (stat === null)
            continue; // gone, or not ours to read
        // "pid (comm) state ppid pgrp ... starttime(22) ..." — comm may hold spaces and parentheses.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const state = fields[0];
        if (state === 'Z' || state === 'X' || state === 'x')
            continue;
        if (Number(fields[2]) === pgid) {
            found.group.push(pid);
            continue;
        }
        if (!needle || Number(fields[19]) < minStartTime)
            continue;
        if (procFileIncludes(`${procRoot}/${name}/environ`, needle))
            found.escaped.push(pid);
    }
    return found;
}
/** Live processes in group `pgid` according to `ps` (the non-Linux POSIX fallback). */
function scanPs(pgid) {
    return new Promise((resolve) => {
        (0,external_node_child_process_namespaceObject.execFile)('ps', ['-A', '-o', 'pid=', '-o', 'pgid=', '-o', 'stat='], { timeout: 5000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout) => {
            if (err && !stdout) {
                resolve({ group: [], escaped: [] });
                return;
            }
            const found = [];
            for (const line of String(stdout).split('\n')) {
                const [pid, group, stat] = line.trim().split(/\s+/);
                if (!stat || stat.startsWith('Z'))
                    continue;
                if (Number(group) === pgid && Number(pid) !== process.pid)
                    found.push(Number(pid));
            }
            resolve({ group: found, escaped: [] });
        });
    });
}
class ProcessTree {
    pid;
    trackingId;
    platform;
    errors = new Set();
    orphans = new Set();
    needle;
    procUsable;
    minStartTime;
    /**
     * `pid`: the command's process (on POSIX also its process group id). `trackingId`: the value of
     * POST_MERGE_SMOKE_TRACKING_ID in its environment.
     */
    constructor(pid, trackingId, platform = process.platform) {
        this.pid = pid;
        this.trackingId = trackingId;
        this.platform = platform;
        // The id alone: it is random, and it also appears in POST_MERGE_SMOKE_OUTER_TRACKING_IDS of nested runs.
        this.needle = Buffer.from(trackingId, 'utf8');
        this.procUsable = platform === 'linux';
        this.minStartTime = this.procUsable ? procStartTime(pid) : 0;
    }
    /** Kill troubles (EPERM and the like), one sentence each. */
    get killErrors() {
        return [...this.errors];
    }
    /** Processes other than the command itself that were still alive when they were killed. */
    get orphansKilled() {
        return this.orphans.size;
    }
    /** Live processes of our group or carrying our tracking id (the command itself included while alive). */
    async findAlive() {
        const { group, escaped } = await this.scan();
        return [...group, ...escaped];
    }
    async scan() {
        if (this.platform === 'win32')
            return { group: [], escaped: [] };
        if (this.procUsable) {
            const found = scanProc(this.pid, this.needle, this.minStartTime);
            if (found)
                return found;
            this.procUsable = false;
        }
        return scanPs(this.pid);
    }
    /** Sends `signal` to the group (POSIX). ESRCH is fine; anything else is recorded. */
    signalGroup(signal) {
        // Never kill(0) / kill(-1): a bogus pid must not turn into "our own group" or "everything".
        if (this.platform === 'win32' || !(this.pid > 1))
            return;
        this.send(-this.pid, signal, `process group ${this.pid}`);
    }
    signalProcess(pid, signal) {
        if (!(pid > 0) || pid === process.pid)
            return;
        this.send(pid, signal, `process ${pid}`);
    }
    /**
     * Deadline or cancellation: SIGTERM to the group and to tracked escapees, wait up to `graceMs` (less
     * once everything is gone), then SIGKILL and sweep. Windows: taskkill /T /F.
     */
    async terminate(graceMs, mainAlive) {
        if (this.platform === 'win32') {
            await this.taskkill();
            return;
        }
        // Group members get the group signal only: a second SIGTERM would run a shell's TERM trap twice.
        const { escaped } = await this.scan();
        this.signalGroup('SIGTERM');
        for (const pid of escaped)
            this.signalProcess(pid, 'SIGTERM');
        await this.waitGone(graceMs, mainAlive);
        await this.killAll();
    }
    /**
     * The command ended by itself: whatever of its group / tracking id is still alive is an orphan. SIGTERM,
     * up to `graceMs` for them to go, then SIGKILL and sweep. Returns the number of orphans.
     */
    async cleanupLeftovers(graceMs) {
        if (this.platform === 'win32')
            return 0;
        const { group, escaped } = await this.scan();
        const left = [...group, ...escaped].filter((pid) => pid !== this.pid);
        if (left.length === 0)
            return 0;
        for (const pid of left)
            this.orphans.add(pid);
        this.signalGroup('SIGTERM');
        for (const pid of escaped)
            this.signalProcess(pid, 'SIGTERM');
        await this.waitGone(graceMs, () => false);
        await this.killAll();
        return this.orphans.size;
    }
    /** SIGKILL to the group and every tracked process, repeated until none is left (bounded rounds). */
    async killAll() {
        if (this.platform === 'win32')
            return;
        for (let round = 0; round < SWEEP_ROUNDS; round++) {
            const alive = await this.findAlive();
            if (round > 0 && alive.length === 0)
                return;
            for (const pid of alive) {
                if (pid !== this.pid)
                    this.orphans.add(pid);
                this.signalProcess(pid, 'SIGKILL');
            }
            this.signalGroup('SIGKILL');
            if (alive.length === 0)
                return;
            await sleep(round < 3 ? 10 : POLL_MS);
        }
        const still = await this.findAlive();
        if (still.length > 0) {
            this.errors.add(`${still.length} process(es) survived ${SWEEP_ROUNDS} SIGKILL rounds: ${still.slice(0, 10).join(', ')}.`);
        }
    }
    async waitGone(graceMs, mainAlive) {
        const until = Date.now() + graceMs;
        while (Date.now() < until) {
            if (!mainAlive() && (await this.findAlive()).length === 0)
                return;
            await sleep(Math.min(POLL_MS, until - Date.now()));
        }
    }
    send(target, signal, what) {
        try {
            process.kill(target, signal);
        }
        catch (e) {
            const code = e.code;
            if (code === 'ESRCH')
                return;
            this.errors.add(`${code ?? 'error'} sending ${signal} to ${what}: ${e.message}`);
        }
    }
    taskkill() {
        return new Promise((resolve) => {
            (0,external_node_child_process_namespaceObject.execFile)('taskkill', ['/T', '/F', '/PID', String(this.pid)], { timeout: 15000, windowsHide: true }, (err, _stdout, stderr) => {
                // 128: the process is already gone — nothing to report.
                if (err && err.code !== 128) {
                    this.errors.add(`taskkill /T /F /PID ${this.pid} failed: ${String(stderr).trim() || err.message}`);
                }
                resolve();
            });
        });
    }
}

;// CONCATENATED MODULE: ./src/execute/shell.ts
// Shell templates, as the runner uses them for `run:` steps: the command is written to a script file and
// the file's path replaces {0} in the template. The template's first space-separated word is the program;
// the rest is split into arguments with the runner's (.NET / CommandLineToArgvW) quoting rules on POSIX and
// passed verbatim on Windows.



const BUILTIN_SHELLS = {
    bash: { template: 'bash --noprofile --norc -eo pipefail {0}', ext: '.sh' },
    sh: { template: 'sh -e {0}', ext: '.sh' },
    pwsh: { template: `pwsh -command ". '{0}'"`, ext: '.ps1' },
    powershell: { template: `powershell -command ". '{0}'"`, ext: '.ps1' },
    python: { template: 'python {0}', ext: '.py' },
    cmd: { template: 'cmd /D /E:ON /V:OFF /S /C "CALL "{0}""', ext: '.cmd' },
};
/** Resolves a shell name or a template containing {0}. A template without {0} gets the script appended. */
function parseShellTemplate(shell) {
    const trimmed = shell.trim();
    const builtin = Object.prototype.hasOwnProperty.call(BUILTIN_SHELLS, trimmed)
        ? BUILTIN_SHELLS[trimmed]
        : null;
    let template = builtin ? builtin.template : trimmed;
    if (!template.includes('{0}'))
        template = `${template} {0}`;
    const space = template.indexOf(' ');
    const program = space === -1 ? template : template.slice(0, space);
    const argsTemplate = space === -1 ? '' : template.slice(space + 1);
    const name = (0,external_node_path_.basename)(program.replace(/\\/g, '/'))
        .replace(/\.exe$/i, '')
        .toLowerCase();
    const kind = Object.prototype.hasOwnProperty.call(BUILTIN_SHELLS, name) ? name : null;
    return { program, argsTemplate, ext: kind ? BUILTIN_SHELLS[kind].ext : '', kind };
}
/**
 * Splits an argument string the way the runner's process launcher does (CommandLineToArgvW rules):
 * whitespace separates, double quotes group, `\"` is a literal quote, `""` inside quotes is a literal
 * quote, other backslashes are literal. Single quotes are ordinary characters.
 */
function splitArguments(text) {
    const out = [];
    let cur = '';
    let started = false;
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '\\') {
            let n = 0;
            while (text[i + n] === '\\')
                n++;
            if (text[i + n] === '"') {
                cur += '\\'.repeat(n >> 1);
                if (n % 2 === 1) {
                    cur += '"';
                    i += n; // past the escaped quote
                }
                else {
                    i += n - 1; // the quote is handled by the next iteration
                }
            }
            else {
                cur += '\\'.repeat(n);
                i += n - 1;
            }
            started = true;
        }
        else if (c === '"') {
            if (quoted && text[i + 1] === '"') {
                cur += '"';
                i++;
            }
            else {
                quoted = !quoted;
            }
            started = true;
        }
        else if (!quoted && (c === ' ' || c === '\t' || c === '\n' || c === '\r')) {
            if (started)
                out.push(cur);
            cur = '';
            started = false;
        }
        else {
            cur += c;
            started = true;
        }
    }
    if (started)
        out.push(cur);
    return out;
}
/** The program and argv that run `scriptPath` through `shell`. */
function buildInvocation(shell, scriptPath, platform = process.platform) {
    const t = parseShellTemplate(shell);
    if (platform === 'win32') {
        const argString = t.argsTemplate.split('{0}').join(scriptPath);
        return {
            file: t.program,
            args: argString === '' ? [] : [argString],
            windowsVerbatimArguments: true,
            scriptPath,
            program: t.program,
        };
    }
    // Split first, substitute after: a script path with spaces stays one argument.
    const args = splitArguments(t.argsTemplate).map((a) => a.split('{0}').join(scriptPath));
    const file = t.program.split('{0}').join(scriptPath);
    return { file, args, windowsVerbatimArguments: false, scriptPath, program: file };
}
/** The script text the runner would write for this shell (cmd: `@echo off`; PowerShell: stop on errors). */
function scriptContents(shell, command) {
    const { kind } = parseShellTemplate(shell);
    if (kind === 'cmd')
        return `@echo off${external_node_os_.EOL}${command}`;
    if (kind === 'pwsh' || kind === 'powershell') {
        return (`$ErrorActionPreference = 'stop'${external_node_os_.EOL}${command}${external_node_os_.EOL}` +
            'if ((Test-Path -LiteralPath variable:\\LASTEXITCODE)) { exit $LASTEXITCODE }');
    }
    return command;
}
/**
 * Writes the command to `<dir>/<baseName><ext>` (creating `dir`) and returns how to run it.
 * Throws the file system's error when the script cannot be written.
 */
function writeScript(shell, command, dir, baseName = 'smoke-command', platform = process.platform) {
    const { ext, kind } = parseShellTemplate(shell);
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    const scriptPath = (0,external_node_path_.join)(dir, `${baseName}${ext}`);
    const text = scriptContents(shell, command);
    // Windows PowerShell 5.1 reads a BOM-less script as ANSI; pwsh and the others want plain UTF-8.
    const bytes = kind === 'powershell' ? '\ufeff' + text : text;
    (0,external_node_fs_.writeFileSync)(scriptPath, bytes, { encoding: 'utf8', mode: 0o755 });
    return buildInvocation(shell, scriptPath, platform);
}

;// CONCATENATED MODULE: ./src/execute/run-smoke.ts
// Runs the smoke command: attempts with retries, each in its own process group with a deadline, bounded
// head/tail capture of stdout and stderr, full logs on disk, and a process tree that is always cleaned up.
// Never throws: every failure is a classified result.










const DEFAULT_PIPE_CLOSE_MS = 2000;
const DEFAULT_SHORT_GRACE_MS = 2000;
/** After SIGKILL, how long the command itself may take to be reaped before we stop waiting. */
const EXIT_AFTER_KILL_MS = 5000;
/** setTimeout's ceiling (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;
const CANCELLED_BEFORE_START = 'The run was cancelled before the attempt started.';
const isWindows = () => process.platform === 'win32';
async function runSmoke(spec, options = {}) {
    const startedAt = new Date();
    const total = (Number.isFinite(spec.retries) ? Math.max(0, Math.floor(spec.retries)) : 0) + 1;
    const attempts = [];
    for (let n = 1; n <= total; n++) {
        if (options.signal?.aborted) {
            attempts.push(notStarted(n, 'CANCELLED', 'cancelled', CANCELLED_BEFORE_START));
            break;
        }
        try {
            spec.onAttempt?.(n, total);
        }
        catch {
            // the caller's progress hook must not break the run
        }
        let result;
        try {
            result = await runAttempt(spec, n, options);
        }
        catch (e) {
            // Defensive: runAttempt classifies everything it expects; anything else is an engine error.
            result = notStarted(n, 'ERROR', 'spawn_failed', `The smoke engine failed unexpectedly: ${e.message}`);
        }
        attempts.push(result);
        if (n === total || !shouldRetry(result.status, spec.retryOn))
            break;
    }
    const final = attempts[attempts.length - 1];
    const flaky = final.status === 'PASS' && attempts.some((a) => a.status === 'FAIL' || a.status === 'TIMEOUT');
    const orphansKilled = attempts.reduce((sum, a) => sum + a.orphansKilled, 0);
    return {
        status: final.status,
        reason: final.reason,
        message: describeRun(spec, attempts, total),
        attempts,
        final,
        flaky,
        orphansKilled,
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        durationMs: attempts.reduce((sum, a) => sum + a.durationMs, 0),
    };
}
/** Whether a failed attempt with `status` earns another try under `retryOn`. */
function shouldRetry(status, retryOn) {
    if (status === 'TIMEOUT')
        return retryOn === 'timeout' || retryOn === 'any';
    if (status === 'FAIL')
        return retryOn === 'fail' || retryOn === 'any';
    return false;
}
/** `promise`, or `{done: false}` after `ms`; the timer never outlives the race. */
function within(promise, ms) {
    return new Promise((resolve) => {
        const timer = setTimeout(() => resolve({ done: false }), ms);
        promise.then((value) => {
            clearTimeout(timer);
            resolve({ done: true, value });
        }, () => {
            clearTimeout(timer);
            resolve({ done: false });
        });
    });
}
async function runAttempt(spec, n, options) {
    const startedAt = new Date();
    const t0 = performance.now();
    const dirProblem = checkDirectory(spec.workingDirectory);
    if (dirProblem)
        return notStarted(n, 'ERROR', 'spawn_failed', dirProblem, startedAt);
    let invocation;
    try {
        invocation = writeScript(spec.shell, spec.command, spec.logDir);
    }
    catch (e) {
        return notStarted(n, 'ERROR', 'spawn_failed', `Could not write the smoke command's script file in '${spec.logDir}' (${errText(e)}).`, startedAt);
    }
    const trackingId = (0,external_node_crypto_.randomUUID)();
    const captures = {
        stdout: new HeadTailCapture(spec.maxOutputBytes),
        stderr: new HeadTailCapture(spec.maxOutputBytes),
    };
    const logs = {
        stdout: new HeadTailLogFile((0,external_node_path_.join)(spec.logDir, `attempt-${n}.stdout.log`), spec.logMaxBytes),
        stderr: new HeadTailLogFile((0,external_node_path_.join)(spec.logDir, `attempt-${n}.stderr.log`), spec.logMaxBytes),
    };
    let child;
    try {
        child = (0,external_node_child_process_namespaceObject.spawn)(invocation.file, invocation.args, {
            cwd: spec.workingDirectory,
            env: withTrackingId(spec.env, trackingId),
            stdio: ['ignore', 'pipe', 'pipe'],
            detached: !isWindows(),
            windowsHide: true,
            windowsVerbatimArguments: invocation.windowsVerbatimArguments,
        });
    }
    catch (e) {
        return spawnFailed(n, startedAt, t0, spawnMessage(invocation, e), captures, logs);
    }
    // Listen for the exit before anything else can happen.
    let mainAlive = true;
    const timer = {};
    const exited = new Promise((resolve) => {
        child.once('exit', (code, signal) => {
            mainAlive = false;
            clearTimeout(timer.deadline);
            resolve({ code, signal });
        });
    });
    // Wire the streams before anything can be lost.
    const closed = [];
    for (const name of ['stdout', 'stderr']) {
        const stream = child[name];
        const capture = captures[name];
        const log = logs[name];
        const echo = spec.echo;
        stream.on('data', (chunk) => {
            capture.write(chunk);
            log.write(chunk);
            if (echo) {
                try {
                    echo(name, chunk);
                }
                catch {
                    // a failing echo must not cost us the capture
                }
            }
        });
        closed.push(new Promise((resolve) => {
            stream.once('close', resolve);
            stream.once('error', () => resolve());
        }));
    }
    const started = await new Promise((resolve) => {
        child.once('spawn', () => resolve(null));
        child.once('error', (e) => resolve(e));
    });
    child.on('error', () => {
        // later errors (e.g. a failed kill) are handled where we kill; never an unhandled 'error'
    });
    if (started) {
        for (const name of ['stdout', 'stderr'])
            child[name]?.destroy();
        return spawnFailed(n, startedAt, t0, spawnMessage(invocation, started), captures, logs);
    }
    const pid = child.pid;
    const tree = new ProcessTree(pid, trackingId);
    let cause = null;
    let killing = null;
    let killDone = () => { };
    const killed = new Promise((resolve) => (killDone = resolve));
    const startKill = (why, graceMs) => {
        if (killing || !mainAlive)
            return;
        cause = why;
        killing = tree.terminate(graceMs, () => mainAlive).then(killDone);
    };
    const timeoutMs = Number.isFinite(spec.timeoutSeconds)
        ? Math.min(MAX_TIMER_MS, Math.max(0, spec.timeoutSeconds * 1000))
        : MAX_TIMER_MS;
    const graceMs = Number.isFinite(spec.killGraceSeconds) ? Math.max(0, spec.killGraceSeconds * 1000) : 0;
    const shortGraceMs = Math.min(graceMs, options.shortGraceMs ?? DEFAULT_SHORT_GRACE_MS);
    timer.deadline = setTimeout(() => startKill('timeout', graceMs), timeoutMs);
    const onAbort = () => startKill('cancel', shortGraceMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted)
        onAbort();
    // The command's own exit; once we have killed it, a bounded wait for the kernel to reap it.
    const outcome = await Promise.race([
        exited,
        killed.then(() => within(exited, EXIT_AFTER_KILL_MS)).then((r) => (r.done ? r.value : null)),
    ]);
    clearTimeout(timer.deadline);
    options.signal?.removeEventListener('abort', onAbort);
    let orphans;
    if (killing) {
        await killing;
        orphans = tree.orphansKilled;
    }
    else {
        orphans = await tree.cleanupLeftovers(shortGraceMs);
    }
    // Output may still be in flight (or held open by a process we could not find): bounded wait, then drop.
    const pipeMs = options.pipeCloseTimeoutMs ?? DEFAULT_PIPE_CLOSE_MS;
    const pipesClosed = (await within(Promise.all(closed), pipeMs)).done;
    if (!pipesClosed) {
        child.stdout?.destroy();
        child.stderr?.destroy();
    }
    const finishedAt = new Date();
    const durationMs = Math.round(performance.now() - t0);
    const { code, signal } = outcome ?? { code: null, signal: null };
    const exitCode = signal ? 128 + (external_node_os_.constants.signals[signal] ?? 0) : code;
    let status;
    let reason;
    if (cause === 'timeout')
        [status, reason] = ['TIMEOUT', 'deadline_exceeded'];
    else if (cause === 'cancel')
        [status, reason] = ['CANCELLED', 'cancelled'];
    else if (signal)
        [status, reason] = ['FAIL', 'killed_by_signal'];
    else if (code === 0)
        [status, reason] = ['PASS', 'exit_zero'];
    else
        [status, reason] = ['FAIL', 'exit_nonzero'];
    const killErrors = tree.killErrors;
    const notes = [];
    if (outcome === null)
        notes.push(`The command did not exit within ${EXIT_AFTER_KILL_MS} ms of SIGKILL.`);
    if (killErrors.length > 0) {
        notes.push(`${killErrors.length} kill error(s) while cleaning up the process tree: ${killErrors[0]}`);
    }
    if (!pipesClosed) {
        notes.push(`The command's output pipes were still open ${pipeMs} ms after it exited (held by a process outside its tree); they were closed.`);
    }
    return {
        attempt: n,
        status,
        reason,
        exitCode,
        signal: signal ?? null,
        durationMs,
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        stdout: finishStream(captures.stdout, logs.stdout),
        stderr: finishStream(captures.stderr, logs.stderr),
        orphansKilled: orphans,
        killErrors,
        errorMessage: notes.length > 0 ? notes.join(' ') : null,
    };
}
function finishStream(capture, log) {
    const r = capture.result();
    return {
        text: r.text,
        totalBytes: r.totalBytes,
        truncated: r.truncated,
        logPath: log ? log.finish() : null,
    };
}
function emptyStream() {
    return { text: '', totalBytes: 0, truncated: false, logPath: null };
}
function notStarted(n, status, reason, message, startedAt = new Date()) {
    const now = new Date();
    return {
        attempt: n,
        status,
        reason,
        exitCode: null,
        signal: null,
        durationMs: Math.max(0, now.getTime() - startedAt.getTime()),
        startedAt: startedAt.toISOString(),
        finishedAt: now.toISOString(),
        stdout: emptyStream(),
        stderr: emptyStream(),
        orphansKilled: 0,
        killErrors: [],
        errorMessage: message,
    };
}
function spawnFailed(n, startedAt, t0, message, captures, logs) {
    const r = notStarted(n, 'ERROR', 'spawn_failed', message, startedAt);
    r.durationMs = Math.round(performance.now() - t0);
    // The (empty) logs exist; finishing them keeps the artifact's file list stable.
    r.stdout = finishStream(captures.stdout, logs.stdout);
    r.stderr = finishStream(captures.stderr, logs.stderr);
    return r;
}
function checkDirectory(dir) {
    try {
        if (!(0,external_node_fs_.statSync)(dir).isDirectory())
            return `The working directory '${dir}' is not a directory.`;
        return null;
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return `The working directory '${dir}' does not exist.`;
        return `The working directory '${dir}' cannot be used (${errText(e)}).`;
    }
}
function spawnMessage(inv, e) {
    const code = e.code;
    if (code === 'ENOENT') {
        return `Could not start the smoke command: the shell '${inv.program}' was not found (ENOENT).`;
    }
    if (code === 'EACCES') {
        return `Could not start the smoke command: the shell '${inv.program}' is not executable (EACCES).`;
    }
    return `Could not start the smoke command with the shell '${inv.program}' (${errText(e)}).`;
}
function errText(e) {
    const err = e;
    return err && typeof err.message === 'string' ? err.message.replace(/\.$/, '') : String(e);
}
function seconds(ms) {
    return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function orphansParen(n) {
    return n > 0 ? ` (${plural(n, 'orphan')})` : '';
}
/** One human sentence for the whole run. */
function describeRun(spec, attempts, total) {
    const last = attempts[attempts.length - 1];
    const ofTotal = total > 1 ? ` on attempt ${last.attempt} of ${total}` : '';
    const orphanNote = last.orphansKilled === 1
        ? '; 1 leftover process was killed'
        : last.orphansKilled > 1
            ? `; ${last.orphansKilled} leftover processes were killed`
            : '';
    switch (last.reason) {
        case 'exit_zero': {
            const failed = attempts.filter((a) => a.status !== 'PASS').length;
            const flaky = failed > 0 ? `, after ${plural(failed, 'failed attempt')} (flaky)` : '';
            return `The smoke command exited with code 0 after ${seconds(last.durationMs)}${ofTotal}${flaky}${orphanNote}.`;
        }
        case 'exit_nonzero':
            return `The smoke command exited with code ${last.exitCode} after ${seconds(last.durationMs)}${ofTotal}${orphanNote}.`;
        case 'killed_by_signal':
            return `The smoke command was killed by ${last.signal} (exit code ${last.exitCode}) after ${seconds(last.durationMs)}${ofTotal}${orphanNote}.`;
        case 'deadline_exceeded':
            return `The smoke command timed out after ${spec.timeoutSeconds} s${ofTotal}; its process tree was killed${orphansParen(last.orphansKilled)}.`;
        case 'cancelled':
            return last.errorMessage === CANCELLED_BEFORE_START
                ? `The smoke run was cancelled before attempt ${last.attempt} started.`
                : `The smoke command was cancelled after ${seconds(last.durationMs)}${ofTotal}; its process tree was killed${orphansParen(last.orphansKilled)}.`;
        case 'spawn_failed':
        default:
            return last.errorMessage ?? 'The smoke command could not be started.';
    }
}

;// CONCATENATED MODULE: ./src/execute/index.ts







// EXTERNAL MODULE: ./src/adapters/github.ts
var github = __nccwpck_require__(92401);
;// CONCATENATED MODULE: ./src/freshness/objects.ts
// Local object-store helpers on top of the git choke point: is a commit here, is the clone shallow, and
// bringing a missing commit in from the remote.

const FULL_SHA = /^[0-9a-f]{40}$/i;
async function hasCommit(git, sha) {
    const r = await git.run(['cat-file', '-e', `${sha}^{commit}`]);
    return r.exitCode === 0;
}
async function isShallow(git) {
    const r = await git.run(['rev-parse', '--is-shallow-repository']);
    return r.exitCode === 0 && r.stdout.trim() === 'true';
}
/**
 * Brings `sha` into the local object store, by SHA (servers that refuse unadvertised objects reject this;
 * in a shallow clone only that one commit is fetched, `--depth=1`) and by fetching `branch` — or, without a
 * branch, the remote's configured refspecs — in that order, or branch first with `branchFirst` (a branch
 * fetch brings the history between the tip and what we have, so ancestry stays visible in a shallow clone).
 */
async function fetchCommit(git, remote, sha, branch = null, branchFirst = false) {
    let remoteAnswered = false;
    let lastError = null;
    const shallow = await isShallow(git);
    const bySha = [
        'fetch',
        '--no-tags',
        '--quiet',
        ...(shallow ? ['--depth=1'] : []),
        '--end-of-options',
        remote,
        sha,
    ];
    const byBranch = [
        'fetch',
        '--no-tags',
        '--quiet',
        '--end-of-options',
        remote,
        ...(branch ? [`refs/heads/${branch}`] : []),
    ];
    for (const args of branchFirst ? [byBranch, bySha] : [bySha, byBranch]) {
        const r = await git.run(args);
        if (r.exitCode === 0)
            remoteAnswered = true;
        else
            lastError = gitFailure(r);
        if (await hasCommit(git, sha))
            return { present: true, remoteAnswered, lastError };
    }
    return { present: false, remoteAnswered, lastError };
}

;// CONCATENATED MODULE: ./src/freshness/observe.ts
// One look at the base branch head and how it relates to the merge commit — through the REST API
// (`git/ref` + `compare`) or through git (`ls-remote` + `merge-base --is-ancestor`). No retries here.



const LS_REMOTE_TIMEOUT_MS = 60_000;
function errorText(e) {
    return e instanceof Error ? e.message : String(e);
}
/** 403 is not transient — except GitHub's rate limits, which answer 403 too. */
function isTransientApiError(e) {
    return e instanceof github/* GitHubApiError */.O && (e.transient || (e.status === 403 && /rate limit/i.test(e.message)));
}
function permissionMessage(e, what) {
    const why = e.status === 401
        ? 'the token was rejected (HTTP 401): check the github-token input'
        : `the token lacks access (HTTP ${e.status ?? 'no answer'}): grant it contents: read`;
    return `The GitHub API refused to ${what}, ${why}; the freshness gate needs a token with the permission contents: read (${e.message}).`;
}
function apiFailure(e, what, head) {
    if (isTransientApiError(e))
        return { kind: 'transient', error: errorText(e) };
    if (e instanceof github/* GitHubApiError */.O && (e.status === 401 || e.status === 403)) {
        return { kind: 'fatal', reason: 'api_failed', message: permissionMessage(e, what), head };
    }
    return {
        kind: 'fatal',
        reason: 'api_failed',
        message: `The GitHub API failed to ${what}: ${errorText(e)}.`,
        head,
    };
}
async function observeViaApi(api, t) {
    let head;
    try {
        head = await api.getBranchHead(t.baseBranch);
    }
    catch (e) {
        return apiFailure(e, `read the head of branch '${t.baseBranch}' of ${api.repository}`, null);
    }
    if (head === null)
        return { kind: 'missing' };
    head = head.toLowerCase();
    if (head === t.mergeCommit)
        return { kind: 'head', head, relation: 'identical' };
    try {
        const relation = await api.compareCommits(t.mergeCommit, head);
        return { kind: 'head', head, relation };
    }
    catch (e) {
        if (e instanceof github/* GitHubApiError */.O && e.status === 404)
            return { kind: 'head', head, relation: 'unknown' };
        return apiFailure(e, `compare ${t.mergeCommit} with ${head} in ${api.repository}`, head);
    }
}
/** `git ls-remote <remote> refs/heads/<branch>`: the SHA, null when the branch does not exist. Throws a
 * string (what git said) when the remote could not be read. */
async function lsRemoteHead(git, remote, branch) {
    const ref = `refs/heads/${branch}`;
    const r = await git.run(['ls-remote', '--end-of-options', remote, ref], {
        timeoutMs: LS_REMOTE_TIMEOUT_MS,
    });
    if (r.exitCode !== 0)
        throw new LsRemoteError(`git ls-remote ${remote} ${ref} failed: ${gitFailure(r)}`);
    for (const line of r.stdout.split('\n')) {
        const [sha, name] = line.trim().split(/\s+/);
        if (name === ref && sha && FULL_SHA.test(sha))
            return sha.toLowerCase();
    }
    return null;
}
class LsRemoteError extends Error {
    name = 'LsRemoteError';
}
/** exit 0 → true, exit 1 → false, anything else → what git said. */
async function isAncestor(git, ancestor, descendant) {
    const r = await git.run(['merge-base', '--is-ancestor', ancestor, descendant]);
    if (r.exitCode === 0 || r.exitCode === 1)
        return { ok: true, value: r.exitCode === 0 };
    return {
        ok: false,
        error: `git merge-base --is-ancestor ${ancestor} ${descendant} failed: ${gitFailure(r)}`,
    };
}
async function relationByGit(git, merge, head) {
    const ahead = await isAncestor(git, merge, head);
    if (!ahead.ok || ahead.value)
        return ahead.ok ? { ok: true, value: 'ahead' } : ahead;
    const behind = await isAncestor(git, head, merge);
    if (!behind.ok)
        return behind;
    return { ok: true, value: behind.value ? 'behind' : 'diverged' };
}
async function observeViaGit(git, t) {
    let head;
    try {
        head = await lsRemoteHead(git, t.remote, t.baseBranch);
    }
    catch (e) {
        return { kind: 'transient', error: errorText(e) };
    }
    if (head === null)
        return { kind: 'missing' };
    if (head === t.mergeCommit)
        return { kind: 'head', head, relation: 'identical' };
    if (!(await hasCommit(git, head))) {
        const fetched = await fetchCommit(git, t.remote, head, t.baseBranch, true);
        if (!fetched.present) {
            return {
                kind: 'transient',
                error: `could not fetch the head ${head} of '${t.baseBranch}' from '${t.remote}': ${fetched.lastError ?? 'the remote did not send it'}`,
            };
        }
    }
    if (!(await hasCommit(git, t.mergeCommit))) {
        const fetched = await fetchCommit(git, t.remote, t.mergeCommit, t.baseBranch);
        if (!fetched.present) {
            return {
                kind: 'fatal',
                reason: 'git_failed',
                message: `Merge commit ${t.mergeCommit} is not in the local repository and could not be fetched from '${t.remote}' (${fetched.lastError ?? 'the remote does not have it'}), so its relation to the head ${head} of '${t.baseBranch}' is unknown.`,
                head,
            };
        }
    }
    let relation = await relationByGit(git, t.mergeCommit, head);
    // In a shallow clone, history cut at the shallow boundary can hide an ancestry: complete it once.
    if (relation.ok && relation.value === 'diverged' && (await isShallow(git))) {
        const unshallow = await git.run([
            'fetch',
            '--no-tags',
            '--quiet',
            '--unshallow',
            '--end-of-options',
            t.remote,
            `refs/heads/${t.baseBranch}`,
        ]);
        if (unshallow.exitCode === 0)
            relation = await relationByGit(git, t.mergeCommit, head);
    }
    if (!relation.ok)
        return { kind: 'fatal', reason: 'git_failed', message: `${relation.error}.`, head };
    return { kind: 'head', head, relation: relation.value };
}

;// CONCATENATED MODULE: ./src/freshness/retry.ts
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function tryCount(policy) {
    return policy.delaysMs.length + 1;
}
/** Waits before try `attempt` (0-based); the first try starts at once. */
async function waitBeforeTry(policy, attempt) {
    if (attempt <= 0)
        return;
    const ms = policy.delaysMs[attempt - 1] ?? 0;
    if (ms > 0)
        await (policy.sleep ?? realSleep)(ms);
}

;// CONCATENATED MODULE: ./src/freshness/check.ts
// The freshness gate (SPEC §5): is the merge commit exactly the head of the base branch on the remote?


/** Worth looking again: no answer, or an answer that can be the API lagging behind a push. */
function worthRetrying(o) {
    return (o.kind === 'transient' || (o.kind === 'head' && (o.relation === 'behind' || o.relation === 'unknown')));
}
function where(input, via) {
    return via === 'api' && input.api
        ? `branch '${input.baseBranch}' of ${input.api.repository} (GitHub API)`
        : `branch '${input.baseBranch}' on remote '${input.remote}' (git ls-remote)`;
}
function times(n) {
    return n === 1 ? 'once' : `${n} times`;
}
async function checkFreshness(input) {
    const target = {
        remote: input.remote,
        baseBranch: input.baseBranch,
        mergeCommit: input.mergeCommit.toLowerCase(),
    };
    const api = input.api;
    let via = api ? 'api' : 'git';
    const observe = () => api ? observeViaApi(api, target) : observeViaGit(input.git, target);
    const tries = tryCount(input.retry);
    let last = { kind: 'transient', error: 'not tried' };
    for (let attempt = 0; attempt < tries; attempt++) {
        await waitBeforeTry(input.retry, attempt);
        last = await observe();
        if (!worthRetrying(last))
            break;
    }
    // The API kept answering "behind" (or did not know the merge commit): ask git, which is authoritative.
    let recheck = '';
    if (api && last.kind === 'head' && (last.relation === 'behind' || last.relation === 'unknown')) {
        const byGit = await observeViaGit(input.git, target);
        if (byGit.kind === 'head') {
            last = byGit;
            via = 'git';
            recheck = ', confirmed with git ls-remote';
        }
        else {
            recheck = `; the git ls-remote re-check failed (${byGit.kind === 'transient' ? byGit.error : byGit.kind === 'fatal' ? byGit.message : 'branch not found'})`;
        }
    }
    return verdictFrom(last, input, target, via, tries, recheck);
}
function verdictFrom(o, input, t, via, tries, recheck) {
    const branch = where(input, via);
    const merge = t.mergeCommit;
    switch (o.kind) {
        case 'missing':
            return {
                kind: 'blocked',
                reason: 'invalid_input',
                originHead: null,
                via,
                message: `Input 'base-branch': ${branch} does not exist, so merge commit ${merge} cannot be checked against it.`,
            };
        case 'transient':
            return {
                kind: 'error',
                reason: 'head_unreachable',
                originHead: null,
                via,
                message: `Could not read the head of ${branch} after ${tries} ${tries === 1 ? 'try' : 'tries'}: ${o.error.replace(/[.\s]+$/, '')}.`,
            };
        case 'fatal':
            return { kind: 'error', reason: o.reason, originHead: o.head, via, message: o.message };
        case 'head':
            switch (o.relation) {
                case 'identical':
                    return {
                        kind: 'fresh',
                        originHead: o.head,
                        via,
                        message: `Merge commit ${merge} is the head of ${branch}.`,
                    };
                case 'ahead':
                    return {
                        kind: 'stale',
                        reason: 'superseded',
                        originHead: o.head,
                        via,
                        message: `The head of ${branch} has moved on to ${o.head}, which contains merge commit ${merge}: a newer run covers the newer head.`,
                    };
                case 'diverged':
                    return {
                        kind: 'stale',
                        reason: 'diverged',
                        originHead: o.head,
                        via,
                        message: `The head of ${branch} is ${o.head}, which neither contains merge commit ${merge} nor precedes it: the branch was force-pushed.`,
                    };
                case 'behind':
                    return {
                        kind: 'stale',
                        reason: 'rewound',
                        originHead: o.head,
                        via,
                        message: `The head of ${branch} is ${o.head}, an ancestor of merge commit ${merge} (seen ${times(tries)}${recheck}): the branch was reset to before this merge.`,
                    };
                case 'unknown':
                    return {
                        kind: 'error',
                        reason: 'api_failed',
                        originHead: o.head,
                        via,
                        message: `The GitHub API does not know merge commit ${merge} (compare with head ${o.head} answered 404 ${times(tries)})${recheck}, so it may never have been pushed to ${input.api?.repository ?? input.remote}.`,
                    };
            }
    }
}

;// CONCATENATED MODULE: ./src/freshness/head-after.ts
// The head once more after the command ran (SPEC §5, `origin_head_after`): best effort, never throws.


/** The head of the base branch now (API when available, else git ls-remote); null when it cannot be read. */
async function readHeadAfter(input) {
    const tries = tryCount(input.retry);
    for (let attempt = 0; attempt < tries; attempt++) {
        try {
            await waitBeforeTry(input.retry, attempt);
            const head = input.api
                ? await input.api.getBranchHead(input.baseBranch)
                : await lsRemoteHead(input.git, input.remote, input.baseBranch);
            return head === null ? null : head.toLowerCase();
        }
        catch (e) {
            // A permission problem or a bug will not go away by asking again.
            if (input.api && !isTransientApiError(e))
                return null;
        }
    }
    return null;
}

;// CONCATENATED MODULE: ./src/freshness/merge-commit.ts
// The `merge-commit` input → a full SHA that exists locally: a 40-hex SHA is checked (and fetched when
// missing), anything else is resolved as a ref, locally, as `refs/remotes/<remote>/<ref>`, then after a fetch.


function invalid(message) {
    return { ok: false, reason: 'invalid_input', message };
}
async function revParseCommit(git, rev) {
    const r = await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
    const sha = r.stdout.trim();
    return r.exitCode === 0 && FULL_SHA.test(sha) ? sha.toLowerCase() : null;
}
async function resolveMergeCommit(git, remote, refOrSha, options = {}) {
    const input = refOrSha.trim();
    if (input === '') {
        return invalid("Input 'merge-commit' is empty: give a full 40-hex commit SHA or a ref such as main.");
    }
    // eslint-disable-next-line no-control-regex
    if (input.startsWith('-') || /[\s\x00-\x1f\x7f]/.test(input)) {
        return invalid(`Input 'merge-commit' (${JSON.stringify(input)}) is not a commit SHA or a ref: it starts with '-' or contains whitespace.`);
    }
    if (FULL_SHA.test(input)) {
        const sha = input.toLowerCase();
        if (await hasCommit(git, sha))
            return { ok: true, sha };
        const fetched = await fetchCommit(git, remote, sha, options.baseBranch ?? null);
        if (fetched.present)
            return { ok: true, sha };
        if (fetched.remoteAnswered) {
            return invalid(`Input 'merge-commit': commit ${sha} exists neither in the local repository nor on remote '${remote}'.`);
        }
        return {
            ok: false,
            reason: 'git_failed',
            message: `Could not fetch merge commit ${sha} from remote '${remote}': ${fetched.lastError ?? 'unknown error'}.`,
        };
    }
    const remotePrefix = `${remote}/`;
    const name = input.startsWith(remotePrefix) ? input.slice(remotePrefix.length) : input;
    const candidates = [input];
    if (!input.startsWith('refs/'))
        candidates.push(`refs/remotes/${remote}/${name}`);
    for (const candidate of candidates) {
        const sha = await revParseCommit(git, candidate);
        if (sha)
            return { ok: true, sha };
    }
    const notFound = invalid(`Input 'merge-commit': '${input}' is neither a full commit SHA nor a ref that exists locally or on remote '${remote}'.`);
    const format = await git.run(['check-ref-format', '--allow-onelevel', name]);
    if (format.exitCode !== 0)
        return notFound;
    const fetch = await git.run(['fetch', '--no-tags', '--quiet', '--end-of-options', remote, name]);
    if (fetch.exitCode !== 0) {
        if (/couldn't find remote ref|invalid refspec|not our ref/i.test(fetch.stderr))
            return notFound;
        return {
            ok: false,
            reason: 'git_failed',
            message: `Could not fetch '${name}' from remote '${remote}' to resolve input 'merge-commit': ${gitFailure(fetch)}.`,
        };
    }
    const sha = await revParseCommit(git, 'FETCH_HEAD');
    return sha ? { ok: true, sha } : notFound;
}

;// CONCATENATED MODULE: ./src/freshness/workspace.ts
// The workspace must be at the merge commit before the command runs (SPEC §5): check out the merge commit
// detached when HEAD differs and the tracked files are clean; never touch a workspace with local changes.


const CHECKOUT_HINT = 'check out that SHA first (e.g. actions/checkout with `ref: ${{ github.sha }}`)';
async function ensureWorkspaceAt(git, remote, sha, options = {}) {
    if (!FULL_SHA.test(sha)) {
        return { ok: false, reason: 'git_failed', message: `Cannot check out '${sha}': not a full commit SHA.` };
    }
    const target = sha.toLowerCase();
    const headResult = await git.run(['rev-parse', '--verify', '--quiet', 'HEAD']);
    // No HEAD commit (a fresh `git init`) is "somewhere else"; not a repository at all is a git failure.
    if (headResult.exitCode !== 0) {
        const repo = await git.run(['rev-parse', '--git-dir']);
        if (repo.exitCode !== 0) {
            return {
                ok: false,
                reason: 'git_failed',
                message: `The workspace ${git.cwd} is not a git repository (${gitFailure(repo)}); ${CHECKOUT_HINT}.`,
            };
        }
    }
    const head = headResult.exitCode === 0 ? headResult.stdout.trim().toLowerCase() : null;
    if (head === target)
        return { ok: true, action: 'already-at-commit' };
    const status = await git.run(['status', '--porcelain', '--untracked-files=no']);
    if (status.exitCode !== 0) {
        return {
            ok: false,
            reason: 'git_failed',
            message: `Could not read the state of the workspace: ${gitFailure(status)}.`,
        };
    }
    const dirty = status.stdout
        .split('\n')
        .map((l) => l.slice(3).trim())
        .filter(Boolean);
    if (dirty.length > 0) {
        const shown = dirty.slice(0, 5).join(', ') + (dirty.length > 5 ? ` and ${dirty.length - 5} more` : '');
        return {
            ok: false,
            reason: 'workspace_mismatch',
            message: `The workspace is at ${head ?? 'no commit'} with local changes to tracked files (${shown}), not at merge commit ${target}; ${CHECKOUT_HINT}.`,
        };
    }
    if (!(await hasCommit(git, target))) {
        const fetched = await fetchCommit(git, remote, target, options.baseBranch ?? null);
        if (!fetched.present) {
            return {
                ok: false,
                reason: 'git_failed',
                message: `Could not fetch merge commit ${target} from remote '${remote}' into the workspace: ${fetched.lastError ?? 'the remote does not have it'}.`,
            };
        }
    }
    const checkout = await git.run(['checkout', '--detach', '--quiet', target]);
    if (checkout.exitCode !== 0) {
        return {
            ok: false,
            reason: 'git_failed',
            message: `Could not check out merge commit ${target} (workspace at ${head ?? 'no commit'}): ${gitFailure(checkout)}.`,
        };
    }
    const after = await git.run(['rev-parse', '--verify', '--quiet', 'HEAD']);
    if (after.exitCode !== 0 || after.stdout.trim().toLowerCase() !== target) {
        return {
            ok: false,
            reason: 'git_failed',
            message: `Checked out merge commit ${target}, but HEAD is ${after.stdout.trim() || 'unreadable'} afterwards.`,
        };
    }
    return { ok: true, action: 'checked-out' };
}

;// CONCATENATED MODULE: ./src/freshness/index.ts
// The freshness gate's public API (SPEC §5).






;// CONCATENATED MODULE: ./src/resolve/types.ts
class TreeReadError extends Error {
    path;
    constructor(message, path) {
        super(message);
        this.path = path;
        this.name = 'TreeReadError';
    }
}

;// CONCATENATED MODULE: ./src/resolve/config-error.ts
// A problem in a trusted configuration file (registry, task file, PR-body block): the run is BLOCKED
// `invalid_config` and the message points at the file and, where known, the 1-based line and column.
class ConfigError extends Error {
    file;
    line;
    detail;
    column;
    constructor(
    /** Repository path of the file (or a label such as "PR #12 body"). */
    file, 
    /** 1-based line in that file; null when the problem is the file as a whole (size, type). */
    line, 
    /** The problem itself, without the location. */
    detail, 
    /** 1-based column; null when unknown. */
    column = null) {
        super(`${configLocation(file, line, column)}: ${detail}`);
        this.file = file;
        this.line = line;
        this.detail = detail;
        this.column = column;
        this.name = 'ConfigError';
    }
}
/** "path", "path line 3" or "path line 3, column 7". */
function configLocation(file, line, column = null) {
    if (line === null)
        return file;
    return column === null ? `${file} line ${line}` : `${file} line ${line}, column ${column}`;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(38815);
;// CONCATENATED MODULE: ./src/resolve/yaml-safe.ts
// YAML parsing with limits, for files that come from a repository (registry, task files, PR bodies).
// Everything a hostile or broken file could do to us is bounded before it can hurt:
//   - size: more than `maxBytes` is refused unread;
//   - nesting: measured on the iterative CST parser *before* the recursive composer runs, so deeply
//     nested input ("[[[[…", "- - - - …") cannot exhaust the stack;
//   - aliases: `maxAliasCount` (the "billion laughs" guard of the yaml package) plus a node budget for our
//     own tree;
//   - duplicate keys, several documents, unknown or non-core tags (`!!binary`, `!foo`): refused.
// The result is a small position-carrying tree (YValue) so that validators can name the line of the key or
// value they reject. Lines and columns are 1-based and already shifted into the enclosing file (a fenced
// block inside Markdown reports the line in the Markdown file).



const DEFAULT_YAML_LIMITS = {
    maxBytes: 256 * 1024,
    maxAliasCount: 100,
    maxDepth: 64,
    maxNodes: 20_000,
};
/** The core-schema tags a config file may spell out explicitly; anything else is refused. */
const ALLOWED_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));
/**
 * Parses one YAML document. Returns null for an empty document (nothing but comments/whitespace).
 * Throws ConfigError (never anything else) for every problem, located in `origin.file`.
 */
function parseYamlSafe(text, origin, limits = {}) {
    const lim = { ...DEFAULT_YAML_LIMITS, ...limits };
    const { file } = origin;
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > lim.maxBytes) {
        throw new ConfigError(file, null, `file too large: ${bytes} bytes of YAML, the limit is ${lim.maxBytes}.`);
    }
    const locate = locator(text, origin);
    const fail = (offset, detail) => {
        const pos = locate(offset ?? 0);
        throw new ConfigError(file, pos.line, detail, pos.column);
    };
    const tooDeep = deepestOffset(text, lim.maxDepth);
    if (tooDeep !== null)
        fail(tooDeep, `YAML nested more than ${lim.maxDepth} levels deep.`);
    let doc;
    try {
        doc = (0,dist/* parseDocument */.Tp)(text, {
            prettyErrors: false,
            uniqueKeys: true,
            schema: 'core',
            merge: false,
            strict: true,
            version: '1.2',
        });
    }
    catch (e) {
        // The composer is not expected to throw; if it does, the file is still just invalid.
        throw new ConfigError(file, null, `invalid YAML: ${e.message}`);
    }
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem)
        fail(problem.pos[0], `invalid YAML: ${firstLine(problem.message)}`);
    let firstAlias;
    (0,dist/* visit */.YR)(doc, {
        Alias(_, node) {
            firstAlias ??= node.range?.[0];
        },
        Node(_, node) {
            if (node.tag !== undefined && !ALLOWED_TAGS.has(node.tag)) {
                fail(node.range?.[0], `YAML tag ${node.tag} is not allowed (only plain core-schema values).`);
            }
        },
    });
    if (firstAlias !== undefined) {
        try {
            doc.toJS({ maxAliasCount: lim.maxAliasCount });
        }
        catch (e) {
            fail(firstAlias, `YAML aliases expand too much (more than ${lim.maxAliasCount} alias uses; ${firstLine(e.message)}).`);
        }
    }
    if (doc.contents === null)
        return null;
    let budget = lim.maxNodes;
    const convert = (node, at, depth) => {
        if (--budget < 0)
            fail(firstAlias, `YAML has more than ${lim.maxNodes} values (aliases expanded).`);
        if (depth > lim.maxDepth)
            fail(rangeStart(node), `YAML nested more than ${lim.maxDepth} levels deep.`);
        if ((0,dist/* isAlias */.Vj)(node)) {
            const target = node.resolve(doc);
            if (!target)
                fail(rangeStart(node), `YAML alias *${node.source} has no anchor.`);
            return convert(target, at ?? locate(rangeStart(node) ?? 0), depth);
        }
        const pos = at ?? locate(rangeStart(node) ?? 0);
        if ((0,dist/* isScalar */.jn)(node)) {
            const v = node.value;
            if (v === null || typeof v === 'string' || typeof v === 'boolean') {
                return { kind: 'scalar', value: v, ...pos };
            }
            if (typeof v === 'number')
                return { kind: 'scalar', value: v, ...pos };
            return fail(rangeStart(node), 'unsupported YAML value.');
        }
        if ((0,dist/* isMap */.jh)(node)) {
            const entries = [];
            for (const pair of node.items) {
                let key = pair.key;
                if ((0,dist/* isAlias */.Vj)(key))
                    key = key.resolve(doc);
                const keyPos = locate(rangeStart(key) ?? rangeStart(node) ?? 0);
                if (!(0,dist/* isScalar */.jn)(key) || key.value === null || typeof key.value === 'object') {
                    return fail(rangeStart(key) ?? rangeStart(node), 'mapping keys must be plain strings.');
                }
                const value = pair.value === null || pair.value === undefined
                    ? { kind: 'scalar', value: null, ...keyPos }
                    : convert(pair.value, null, depth + 1);
                entries.push({ key: String(key.value), value, ...keyPos });
            }
            return { kind: 'map', entries, ...pos };
        }
        if ((0,dist/* isSeq */.oP)(node)) {
            return { kind: 'seq', items: node.items.map((item) => convert(item, null, depth + 1)), ...pos };
        }
        return fail(rangeStart(node), 'unsupported YAML node.');
    };
    return convert(doc.contents, null, 0);
}
/** "a mapping", "a list", "the string 'x'", "the number 3", "true", "null": for messages. */
function describeYaml(v) {
    if (v.kind === 'map')
        return 'a mapping';
    if (v.kind === 'seq')
        return 'a list';
    if (v.value === null)
        return 'null';
    if (typeof v.value === 'string')
        return `the string '${truncate(v.value, 60)}'`;
    if (typeof v.value === 'number')
        return `the number ${v.value}`;
    return String(v.value);
}
/** A ConfigError pointing at a value. */
function errorAt(file, at, detail) {
    return new ConfigError(file, at.line, detail, at.column);
}
function truncate(s, n) {
    const flat = s.replace(/\s+/g, ' ');
    return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}
function firstLine(message) {
    return message.split('\n')[0].trim();
}
function rangeStart(node) {
    const range = node?.range;
    return range?.[0];
}
/** Offset → 1-based line/column in the origin file. */
function locator(text, origin) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
        starts.push(i + 1);
    return (offset) => {
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return {
            line: lo + 1 + (origin.lineOffset ?? 0),
            column: offset - starts[lo] + 1 + (origin.columnOffset ?? 0),
        };
    };
}
/**
 * Offset of the first collection nested deeper than `maxDepth`, or null. Runs the CST parser, which is a
 * state machine (no recursion), and walks its tokens with an explicit stack.
 */
function deepestOffset(text, maxDepth) {
    try {
        for (const token of new dist/* Parser */.iX().parse(text)) {
            const stack = [[token, 0]];
            while (stack.length > 0) {
                const [t, depth] = stack.pop();
                if (depth > maxDepth)
                    return t.offset;
                if (t.type === 'document' && t.value)
                    stack.push([t.value, depth]);
                if (t.type === 'block-scalar')
                    continue;
                if ('items' in t) {
                    for (const item of t.items) {
                        if (item.key)
                            stack.push([item.key, depth + 1]);
                        if (item.value)
                            stack.push([item.value, depth + 1]);
                    }
                }
            }
        }
    }
    catch {
        // The composer will report whatever the CST parser choked on.
    }
    return null;
}

// EXTERNAL MODULE: ./src/contract-constants.ts
var contract_constants = __nccwpck_require__(38897);
;// CONCATENATED MODULE: ./src/settings.ts
// Inputs → one validated, typed Settings object (the shape of actions/checkout's input-helper).
// Both entry points use it: the action reads INPUT_* through `getInput`, the CLI maps its flags onto the
// same input names. A bad input never becomes a silent default: it is reported as an InputError naming the
// input and the accepted values, and the run is BLOCKED `invalid_input`. The settings still carry a usable
// default for that input so that reporting (status, summary, outputs) can go on.

const SHELL_NAMES = ['bash', 'sh', 'pwsh', 'python', 'cmd'];
const DEFAULT_TIMEOUT_SECONDS = 600;
const DEFAULT_TASK_ID_PATTERN = 'task-[0-9]+(?:\\+[0-9]+)?';
const DEFAULT_REGISTRY_PATH = '.github/post-merge-smoke.yml';
const DEFAULT_STATUS_CONTEXT = 'post-merge-smoke';
/** Every input the action declares, in action.yml order. The README and action.yml are checked against it. */
const INPUT_NAMES = (/* unused pure expression or super */ null && ([
    'github-token',
    'merge-commit',
    'base-branch',
    'remote',
    'on-stale',
    'smoke-command',
    'profile',
    'task-id',
    'registry-path',
    'task-path',
    'task-id-pattern',
    'pr-body-command',
    'dry-run',
    'timeout-seconds',
    'kill-grace-seconds',
    'max-output-bytes',
    'log-max-bytes',
    'shell',
    'working-directory',
    'retries',
    'retry-on',
    'status-context',
    'artifact-name',
    'artifact-retention-days',
    'redact-patterns',
]));
/** Every output, set on every exit path. */
const OUTPUT_NAMES = [
    'status',
    'result',
    'result-path',
    'merge-commit',
    'origin-head',
    'task-id',
    'pr-number',
    'exit-code',
    'duration-ms',
    'continuation-ready',
    'packet-path',
    'artifact-id',
    'artifact-url',
];
const MAX_TIMER_SECONDS = 2_147_483; // setTimeout's ceiling (2^31-1 ms)
/**
 * Parses and validates every input. `getInput` returns '' for an input that was not given (as the runner
 * does for INPUT_* variables) — defaults for the inputs that depend on the event are computed here.
 */
function parseSettings(getInput, ctx) {
    const errors = [];
    const fail = (input, message) => errors.push({ input, message: `Input '${input}' ${message}` });
    const raw = (name) => getInput(name).trim();
    const optional = (name) => raw(name) || null;
    const enumInput = (name, allowed, fallback) => {
        const value = raw(name);
        if (value === '')
            return fallback;
        if (allowed.includes(value))
            return value;
        fail(name, `is '${value}'; accepted values: ${allowed.join(', ')}.`);
        return fallback;
    };
    const numberInput = (name, fallback, opts) => {
        const value = raw(name);
        if (value === '')
            return fallback;
        const n = /^[+]?(\d+(\.\d*)?|\.\d+)$/.test(value) ? Number(value) : NaN;
        const kind = opts.integer ? 'a whole number' : 'a number';
        const low = opts.minExclusive ? `greater than ${opts.min}` : `at least ${opts.min}`;
        if (!Number.isFinite(n) || (opts.integer && !Number.isInteger(n))) {
            fail(name, `is '${value}'; expected ${kind} ${low} and at most ${opts.max}.`);
            return fallback;
        }
        if ((opts.minExclusive ? n <= opts.min : n < opts.min) || n > opts.max) {
            fail(name, `is ${value}; expected ${kind} ${low} and at most ${opts.max}.`);
            return fallback;
        }
        return n;
    };
    const booleanInput = (name, fallback) => {
        const value = raw(name);
        if (value === '')
            return fallback;
        if (['true', 'True', 'TRUE'].includes(value))
            return true;
        if (['false', 'False', 'FALSE'].includes(value))
            return false;
        fail(name, `is '${value}'; accepted values: true, false.`);
        return fallback;
    };
    const regexInput = (name, source) => {
        try {
            return new RegExp(source);
        }
        catch (e) {
            fail(name, `is not a valid regular expression (${e.message}).`);
            return null;
        }
    };
    // A value that reaches git as an argument must never look like an option.
    const refLike = (name, value) => {
        if (value.startsWith('-') ||
            // eslint-disable-next-line no-control-regex -- control characters are exactly what a ref must not hold
            /[\s~^:?*[\\\x00-\x1f\x7f]/.test(value) ||
            value.includes('..') ||
            value.endsWith('.lock')) {
            fail(name, `is '${value}'; expected a git ref name (no spaces, no leading '-', none of ~^:?*[\\ or '..').`);
            return '';
        }
        return value;
    };
    const repoRelativePath = (name, value) => {
        const segments = value.split(/[\\/]+/);
        if (value.startsWith('/') ||
            /^[A-Za-z]:/.test(value) ||
            segments.includes('..') ||
            value.includes('\0')) {
            fail(name, `is '${value}'; expected a path inside the repository (relative, without '..').`);
            return false;
        }
        return true;
    };
    // --- what is under test
    const event = ctx.event ?? {};
    const isPush = ctx.eventName === 'push';
    let mergeCommit = raw('merge-commit');
    if (mergeCommit === '') {
        const after = typeof event.after === 'string' ? event.after : '';
        mergeCommit = isPush && contract_constants/* FULL_SHA */.RG.test(after) ? after : ctx.sha;
    }
    else if (!contract_constants/* FULL_SHA */.RG.test(mergeCommit)) {
        mergeCommit = refLike('merge-commit', mergeCommit);
    }
    if (mergeCommit === '' && !errors.some((e) => e.input === 'merge-commit')) {
        fail('merge-commit', 'is empty and the event gives no commit (GITHUB_SHA is unset); pass a SHA or a ref.');
    }
    let baseBranch = raw('base-branch');
    if (baseBranch === '') {
        const repo = event.repository;
        if (isPush && ctx.ref.startsWith('refs/heads/'))
            baseBranch = ctx.ref.slice('refs/heads/'.length);
        else if (repo && typeof repo.default_branch === 'string')
            baseBranch = repo.default_branch;
        else
            baseBranch = 'main';
    }
    baseBranch = refLike('base-branch', baseBranch.replace(/^refs\/heads\//, '')) || 'main';
    const remote = refLike('remote', raw('remote') || 'origin') || 'origin';
    const onStale = enumInput('on-stale', ['skip', 'run', 'fail'], ctx.eventName === 'workflow_dispatch' ? 'run' : 'skip');
    // --- which command
    // The command keeps its inner whitespace and newlines: it is a script.
    const smokeCommandRaw = getInput('smoke-command');
    const smokeCommand = smokeCommandRaw.trim() === '' ? null : smokeCommandRaw.replace(/^\s*\n|\s+$/g, '');
    const profile = optional('profile');
    if (profile !== null && !/^[A-Za-z0-9._-]+$/.test(profile)) {
        fail('profile', `is '${profile}'; expected letters, digits, '.', '_' or '-'.`);
    }
    const taskIdPatternSource = raw('task-id-pattern') || DEFAULT_TASK_ID_PATTERN;
    const taskIdPattern = regexInput('task-id-pattern', taskIdPatternSource) ?? new RegExp(DEFAULT_TASK_ID_PATTERN);
    const taskId = optional('task-id');
    if (taskId !== null) {
        if (!/^[A-Za-z0-9._+-]+$/.test(taskId) || taskId.startsWith('.')) {
            fail('task-id', `is '${taskId}'; expected letters, digits and . _ + - only (not starting with '.').`);
        }
        else if (!fullMatch(taskIdPattern, taskId)) {
            fail('task-id', `is '${taskId}'; it does not match task-id-pattern '${taskIdPatternSource}'.`);
        }
    }
    const registryPath = raw('registry-path') || DEFAULT_REGISTRY_PATH;
    repoRelativePath('registry-path', registryPath);
    const taskPath = optional('task-path');
    if (taskPath !== null && repoRelativePath('task-path', taskPath) && !taskPath.includes('{task_id}')) {
        fail('task-path', `is '${taskPath}'; it must contain the placeholder {task_id}, e.g. memory/tasks/{task_id}.md.`);
    }
    const prBodyCommand = booleanInput('pr-body-command', false);
    const dryRun = booleanInput('dry-run', false);
    // --- how to run it
    const timeoutRaw = raw('timeout-seconds');
    const timeoutSeconds = timeoutRaw === ''
        ? null
        : numberInput('timeout-seconds', DEFAULT_TIMEOUT_SECONDS, {
            min: 0,
            minExclusive: true,
            max: MAX_TIMER_SECONDS,
            integer: false,
        });
    const killGraceSeconds = numberInput('kill-grace-seconds', 10, { min: 0, max: 3600, integer: false });
    const maxOutputBytes = numberInput('max-output-bytes', 65536, { min: 64, max: 1_048_576, integer: true });
    const logMaxBytes = numberInput('log-max-bytes', 10_485_760, {
        min: 1024,
        max: 1_073_741_824,
        integer: true,
    });
    const shellRaw = optional('shell');
    if (shellRaw !== null &&
        !SHELL_NAMES.includes(shellRaw) &&
        !shellRaw.includes('{0}')) {
        fail('shell', `is '${shellRaw}'; accepted values: ${SHELL_NAMES.join(', ')}, or a command template containing {0}.`);
    }
    const workingDirectory = optional('working-directory');
    const retries = numberInput('retries', 0, { min: 0, max: 10, integer: true });
    const retryOn = enumInput('retry-on', ['timeout', 'fail', 'any'], 'timeout');
    // --- reporting
    // status-context is the one input where an explicit empty value means something (off), so it is read raw:
    // the runner passes the action.yml default when the key is absent and '' only when the user wrote ''.
    const statusContextRaw = getInput('status-context').trim();
    const statusContext = statusContextRaw === '' ? null : statusContextRaw;
    if (statusContext !== null && statusContext.length > 255) {
        fail('status-context', `is ${statusContext.length} characters long; GitHub accepts at most 255.`);
    }
    const sha7 = contract_constants/* FULL_SHA */.RG.test(mergeCommit) ? mergeCommit.slice(0, 7) : 'unknown';
    const artifactName = raw('artifact-name') || `post-merge-smoke-critical-7-${sha7}-attempt-${ctx.runAttempt}`;
    if (/[":<>|*?\r\n\\/]/.test(artifactName)) {
        fail('artifact-name', `is '${artifactName}'; an artifact name cannot contain " : < > | * ? \\ / or newlines.`);
    }
    const retentionRaw = raw('artifact-retention-days');
    const artifactRetentionDays = retentionRaw === ''
        ? null
        : numberInput('artifact-retention-days', 0, { min: 1, max: 90, integer: true }) || null;
    const redactPatterns = [];
    getInput('redact-patterns')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .forEach((line, i) => {
        if (line === '')
            return;
        try {
            redactPatterns.push(new RegExp(line, 'g'));
        }
        catch (e) {
            fail('redact-patterns', `line ${i + 1} ('${line}') is not a valid regular expression (${e.message}).`);
        }
    });
    const settings = {
        githubToken: getInput('github-token').trim(),
        mergeCommit,
        baseBranch,
        remote,
        onStale,
        smokeCommand,
        profile,
        taskId,
        registryPath,
        taskPath,
        taskIdPattern,
        prBodyCommand,
        dryRun,
        timeoutSeconds,
        killGraceSeconds,
        maxOutputBytes,
        logMaxBytes,
        shell: errors.some((e) => e.input === 'shell') ? null : shellRaw,
        workingDirectory,
        retries,
        retryOn,
        statusContext,
        artifactName,
        artifactRetentionDays,
        redactPatterns,
    };
    return { settings, errors };
}
/** True when the whole of `value` matches `pattern` (the user's pattern is not anchored). */
function fullMatch(pattern, value) {
    const anchored = new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace('g', ''));
    return anchored.test(value);
}
/** Reads the runner's environment the way @actions/core does, without importing it (the CLI shares this). */
function runnerContextFromEnv(env, readEvent) {
    let event = {};
    if (env.GITHUB_EVENT_PATH) {
        try {
            const parsed = JSON.parse(readEvent(env.GITHUB_EVENT_PATH));
            if (parsed && typeof parsed === 'object')
                event = parsed;
        }
        catch {
            // An unreadable event file only costs us event-derived defaults; the inputs still decide.
        }
    }
    const os = env.RUNNER_OS === 'Windows' || env.RUNNER_OS === 'macOS' ? env.RUNNER_OS : runnerOs();
    return {
        eventName: env.GITHUB_EVENT_NAME ?? '',
        event,
        sha: env.GITHUB_SHA ?? '',
        ref: env.GITHUB_REF ?? '',
        repository: env.GITHUB_REPOSITORY || null,
        serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        graphqlUrl: (env.GITHUB_GRAPHQL_URL || 'https://api.github.com/graphql').replace(/\/+$/, ''),
        runId: env.GITHUB_RUN_ID || null,
        runAttempt: Math.max(1, Number.parseInt(env.GITHUB_RUN_ATTEMPT ?? '1', 10) || 1),
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
        runnerTemp: env.RUNNER_TEMP || '',
        os,
    };
}
/** The runner's name for this platform (RUNNER_OS), for contexts built outside a runner. */
function runnerOs(platform = process.platform) {
    if (platform === 'win32')
        return 'Windows';
    if (platform === 'darwin')
        return 'macOS';
    return 'Linux';
}

;// CONCATENATED MODULE: ./src/resolve/run-options.ts
// Validation of the fields a command definition carries, shared by the registry (`timeout-seconds`), the
// task file (`timeout_seconds`) and the PR-body block: command, timeout, shell, working directory.
// Every check throws ConfigError at the offending value's line.


/** setTimeout's ceiling (2^31-1 ms), as for the `timeout-seconds` input. */
const MAX_TIMEOUT_SECONDS = 2_147_483;
const NO_OPTIONS = Object.freeze({
    timeoutSeconds: null,
    shell: null,
    workingDirectory: null,
});
/** `over` wins field by field; `under` fills the nulls (registry defaults under a profile). */
function mergeOptions(over, under) {
    return {
        timeoutSeconds: over.timeoutSeconds ?? under.timeoutSeconds,
        shell: over.shell ?? under.shell,
        workingDirectory: over.workingDirectory ?? under.workingDirectory,
    };
}
/** Refuses keys outside `allowed`, naming the key, its line and the accepted keys. */
function checkKeys(map, allowed, file, where) {
    for (const e of map.entries) {
        if (!allowed.includes(e.key)) {
            throw errorAt(file, e, `unknown key '${e.key}' in ${where}; accepted keys: ${allowed.join(', ')}.`);
        }
    }
}
function findEntry(map, key) {
    return map.entries.find((e) => e.key === key);
}
function isNull(v) {
    return v.kind === 'scalar' && v.value === null;
}
/** A command: a non-empty string (a block scalar keeps its lines: it becomes a script). */
function readCommand(v, file, what) {
    if (v.kind !== 'scalar' || typeof v.value !== 'string') {
        throw errorAt(file, v, `${what} must be a string (a shell command), not ${describeYaml(v)}.`);
    }
    const command = v.value.replace(/^\s*\n/, '').replace(/\s+$/, '');
    if (command.trim() === '')
        throw errorAt(file, v, `${what} is empty.`);
    if (command.includes('\0'))
        throw errorAt(file, v, `${what} contains a NUL character.`);
    return command;
}
/** A positive number of seconds, at most MAX_TIMEOUT_SECONDS; null stays null. */
function readTimeout(v, file, what) {
    if (isNull(v))
        return null;
    if (v.kind !== 'scalar' ||
        typeof v.value !== 'number' ||
        !Number.isFinite(v.value) ||
        v.value <= 0 ||
        v.value > MAX_TIMEOUT_SECONDS) {
        throw errorAt(file, v, `${what} must be a number of seconds greater than 0 and at most ${MAX_TIMEOUT_SECONDS}, not ${describeYaml(v)}.`);
    }
    return v.value;
}
/** bash, sh, pwsh, python, cmd, or a command template containing {0}; null stays null. */
function readShell(v, file, what) {
    if (isNull(v))
        return null;
    const ok = v.kind === 'scalar' &&
        typeof v.value === 'string' &&
        (SHELL_NAMES.includes(v.value.trim()) || v.value.includes('{0}'));
    if (!ok) {
        throw errorAt(file, v, `${what} must be one of ${SHELL_NAMES.join(', ')} or a command template containing {0}, not ${describeYaml(v)}.`);
    }
    return v.value.trim();
}
/** A directory inside the repository: relative, without '..'; null stays null. */
function readWorkingDirectory(v, file, what) {
    if (isNull(v))
        return null;
    if (v.kind !== 'scalar' || typeof v.value !== 'string' || v.value.trim() === '') {
        throw errorAt(file, v, `${what} must be a relative directory path, not ${describeYaml(v)}.`);
    }
    const dir = v.value.trim();
    const problem = repoRelativeProblem(dir);
    if (problem)
        throw errorAt(file, v, `${what} '${dir}' ${problem}.`);
    return dir;
}
/** Why `path` is not a safe repository-relative path, or null when it is. */
function repoRelativeProblem(path) {
    if (path.includes('\0'))
        return 'contains a NUL character';
    if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path) || path.startsWith('~')) {
        return 'must be relative to the repository root';
    }
    if (path.split(/[\\/]+/).includes('..'))
        return "must stay inside the repository (no '..')";
    return null;
}

;// CONCATENATED MODULE: ./src/resolve/registry.ts



const REGISTRY_VERSION = 1;
/** Profile names: the same characters the `profile` input accepts. */
const PROFILE_NAME = /^[A-Za-z0-9._-]+$/;
/** Task ids as registry keys: the characters a task id may have. */
const TASK_ID_KEY = /^[A-Za-z0-9._+-]+$/;
const TOP_KEYS = ['version', 'defaults', 'profiles', 'tasks', 'default'];
const OPTION_KEYS = ['timeout-seconds', 'shell', 'working-directory'];
const COMMAND_KEYS = ['command', ...OPTION_KEYS];
/** The registry of a repository that has no registry file. */
function emptyRegistry(file) {
    return {
        file,
        present: false,
        defaults: NO_OPTIONS,
        profiles: new Map(),
        tasks: new Map(),
        defaultProfile: null,
    };
}
/** Known profile names, sorted, for messages. */
function knownProfiles(registry) {
    return [...registry.profiles.keys()].sort();
}
/** Parses and validates registry text. Throws ConfigError. */
function parseRegistry(text, file, limits) {
    const root = parseYamlSafe(text, { file }, limits);
    if (root === null) {
        throw new ConfigError(file, null, `is empty; a registry starts with 'version: ${REGISTRY_VERSION}'.`);
    }
    const top = expectMap(root, file, 'the registry');
    checkKeys(top, TOP_KEYS, file, 'the registry');
    const version = findEntry(top, 'version');
    if (!version) {
        throw errorAt(file, top, `'version: ${REGISTRY_VERSION}' is missing (it is required).`);
    }
    if (version.value.kind !== 'scalar' || version.value.value !== REGISTRY_VERSION) {
        throw errorAt(file, version.value, `unsupported registry version ${describeYaml(version.value)}; this action reads version ${REGISTRY_VERSION}.`);
    }
    const defaultsEntry = findEntry(top, 'defaults');
    let defaults = NO_OPTIONS;
    if (defaultsEntry && !isNull(defaultsEntry.value)) {
        const map = expectMap(defaultsEntry.value, file, "'defaults'");
        checkKeys(map, OPTION_KEYS, file, "'defaults'");
        defaults = readOptions(map, file, "'defaults'");
    }
    const profiles = new Map();
    const profilesEntry = findEntry(top, 'profiles');
    if (profilesEntry && !isNull(profilesEntry.value)) {
        const map = expectMap(profilesEntry.value, file, "'profiles'");
        for (const e of map.entries) {
            if (!PROFILE_NAME.test(e.key)) {
                throw errorAt(file, e, `profile name '${e.key}' may only use letters, digits, '.', '_' and '-'.`);
            }
            profiles.set(e.key, readCommandEntry(e.value, file, `profile '${e.key}'`, e.line));
        }
    }
    const tasks = new Map();
    const tasksEntry = findEntry(top, 'tasks');
    if (tasksEntry && !isNull(tasksEntry.value)) {
        const map = expectMap(tasksEntry.value, file, "'tasks'");
        for (const e of map.entries) {
            if (!TASK_ID_KEY.test(e.key)) {
                throw errorAt(file, e, `task id '${e.key}' may only use letters, digits, '.', '_', '+' and '-'.`);
            }
            const v = e.value;
            if (v.kind === 'scalar' && typeof v.value === 'string') {
                const profile = v.value.trim();
                if (!PROFILE_NAME.test(profile)) {
                    throw errorAt(file, v, `task '${e.key}' maps to '${profile}', which is not a profile name.`);
                }
                tasks.set(e.key, { kind: 'profile', profile, line: e.line });
            }
            else if (v.kind === 'map') {
                tasks.set(e.key, { kind: 'command', ...readCommandEntry(v, file, `task '${e.key}'`, e.line) });
            }
            else {
                throw errorAt(file, v, `task '${e.key}' must map to a profile name or to { command: … }, not ${describeYaml(v)}.`);
            }
        }
    }
    const defaultEntry = findEntry(top, 'default');
    let defaultProfile = null;
    if (defaultEntry && !isNull(defaultEntry.value)) {
        const v = defaultEntry.value;
        if (v.kind !== 'scalar' || typeof v.value !== 'string' || !PROFILE_NAME.test(v.value.trim())) {
            throw errorAt(file, v, `'default' must be a profile name, not ${describeYaml(v)}.`);
        }
        defaultProfile = { profile: v.value.trim(), line: defaultEntry.line };
    }
    return { file, present: true, defaults, profiles, tasks, defaultProfile };
}
function expectMap(v, file, what) {
    if (v.kind !== 'map')
        throw errorAt(file, v, `${what} must be a mapping, not ${describeYaml(v)}.`);
    return v;
}
function readOptions(map, file, where) {
    const get = (key) => findEntry(map, key)?.value;
    const timeout = get('timeout-seconds');
    const shell = get('shell');
    const dir = get('working-directory');
    return {
        timeoutSeconds: timeout ? readTimeout(timeout, file, `'timeout-seconds' of ${where}`) : null,
        shell: shell ? readShell(shell, file, `'shell' of ${where}`) : null,
        workingDirectory: dir ? readWorkingDirectory(dir, file, `'working-directory' of ${where}`) : null,
    };
}
function readCommandEntry(v, file, what, line) {
    const map = expectMap(v, file, what);
    checkKeys(map, COMMAND_KEYS, file, what);
    const command = findEntry(map, 'command');
    if (!command || isNull(command.value))
        throw errorAt(file, map, `${what} has no 'command'.`);
    return {
        command: readCommand(command.value, file, `'command' of ${what}`),
        options: readOptions(map, file, what),
        line,
    };
}

;// CONCATENATED MODULE: ./src/resolve/markdown-blocks.ts
// Finds YAML-carrying regions in Markdown: the front matter and fenced code blocks. Not a Markdown parser;
// just enough of CommonMark's fence rules to find the blocks the way a reader sees them:
//   - a fence is a line of 3+ backticks or 3+ tildes; the first word of its info string is the language;
//   - it closes at a line of the same character, at least as long, with nothing else on it; an unclosed
//     fence runs to the end of the file;
//   - every fence is tracked (not only the ones we want), so a ```yaml line quoted inside a ````markdown
//     block is not mistaken for a block;
//   - fences may be indented (list items); that indentation is removed from the block's lines.
// Front matter is a `---` first line up to the next `---` or `...` line.
const FENCE_OPEN = /^([ \t]*)(`{3,}|~{3,})(.*)$/;
function splitLines(markdown) {
    return markdown
        .replace(/^\uFEFF/, '')
        .split('\n')
        .map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}
/** The front matter, or null when the file does not start with a closed `---` block. */
function frontMatter(markdown) {
    const lines = splitLines(markdown);
    const end = frontMatterEnd(lines);
    if (end === null)
        return null;
    return {
        kind: 'front-matter',
        language: '',
        text: lines.slice(1, end).join('\n'),
        openLine: 1,
        lineOffset: 1,
        columnOffset: 0,
    };
}
/** Index of the line closing the front matter, or null when there is none. */
function frontMatterEnd(lines) {
    if (lines.length === 0 || lines[0].trimEnd() !== '---')
        return null;
    for (let i = 1; i < lines.length; i++) {
        const l = lines[i].trimEnd();
        if (l === '---' || l === '...')
            return i;
    }
    return null;
}
/** Every fenced block, in order (front matter excluded). */
function fencedBlocks(markdown) {
    const lines = splitLines(markdown);
    const blocks = [];
    for (let i = (frontMatterEnd(lines) ?? -1) + 1; i < lines.length; i++) {
        const open = FENCE_OPEN.exec(lines[i]);
        if (!open)
            continue;
        const indent = open[1].length;
        const fence = open[2];
        const info = open[3].trim();
        if (fence[0] === '`' && info.includes('`'))
            continue; // inline code, not a fence
        const closing = new RegExp(`^[ \\t]*${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
        const content = [];
        let j = i + 1;
        for (; j < lines.length && !closing.test(lines[j]); j++) {
            content.push(stripIndent(lines[j], indent));
        }
        blocks.push({
            kind: 'fence',
            language: (info.split(/\s+/)[0] ?? '').toLowerCase(),
            text: content.join('\n'),
            openLine: i + 1,
            lineOffset: i + 1,
            columnOffset: indent,
        });
        i = j; // the closing fence (or the end)
    }
    return blocks;
}
function stripIndent(line, indent) {
    let k = 0;
    while (k < indent && k < line.length && (line[k] === ' ' || line[k] === '\t'))
        k++;
    return line.slice(k);
}

;// CONCATENATED MODULE: ./src/resolve/task-file.ts
// The task file (SPEC §6): Markdown whose YAML front matter or any fenced ```yaml / ```yml block carries
//   smoke_command: <string>
//   smoke_profile: <registry profile name>
//   post_merge_smoke: { command, timeout_seconds, shell, working_directory }
// (top-level keys of the block). Task files carry a lot of unrelated YAML (expected_files, allowed_resources,
// …), so:
//   - a block without any of these keys is ignored;
//   - a block that fails to parse is an error only when its raw text mentions one of the keys — otherwise it
//     is ignored (it says nothing about smoke, and a typo in an unrelated list must not block a merge);
//   - `smoke_command: null` (or `~`, or an empty value) says "no command here" and defines nothing;
//   - several definitions are fine when they are identical; two different ones (two commands, or a command
//     and a profile) are a ConfigError naming both lines.
// Only ```yaml / ```yml fences count (not ```json or bare ``` fences). Line numbers in errors are lines of
// the Markdown file.





const TASK_FILE_KEYS = (/* unused pure expression or super */ null && (['smoke_command', 'smoke_profile', 'post_merge_smoke']));
const POST_MERGE_SMOKE_KEYS = ['command', 'timeout_seconds', 'shell', 'working_directory'];
const MENTIONS_SMOKE_KEY = /\b(?:smoke_command|smoke_profile|post_merge_smoke)\b/;
const YAML_LANGUAGES = new Set(['yaml', 'yml']);
/**
 * The smoke definition of a task file, or null when it has none. Throws ConfigError for an oversized file,
 * a malformed relevant block, a wrong value type or conflicting definitions.
 */
function parseTaskFile(markdown, file, limits) {
    const maxBytes = limits?.maxBytes ?? DEFAULT_YAML_LIMITS.maxBytes;
    const bytes = Buffer.byteLength(markdown, 'utf8');
    if (bytes > maxBytes) {
        throw new ConfigError(file, null, `file too large: ${bytes} bytes, the limit is ${maxBytes}.`);
    }
    const fm = frontMatter(markdown);
    const blocks = [
        ...(fm ? [fm] : []),
        ...fencedBlocks(markdown).filter((b) => YAML_LANGUAGES.has(b.language)),
    ];
    const specs = [];
    for (const block of blocks) {
        let root;
        try {
            root = parseYamlSafe(block.text, { file, lineOffset: block.lineOffset, columnOffset: block.columnOffset }, limits);
        }
        catch (e) {
            if (e instanceof ConfigError && !MENTIONS_SMOKE_KEY.test(block.text))
                continue;
            throw e;
        }
        if (root === null || root.kind !== 'map')
            continue;
        for (const entry of root.entries) {
            const spec = readSpec(entry.key, entry.value, entry.line, file);
            if (spec)
                specs.push(spec);
        }
    }
    const [first, ...rest] = specs;
    if (!first)
        return null;
    for (const other of rest) {
        if (!sameSpec(first, other)) {
            throw new ConfigError(file, other.line, `conflicting smoke definitions: line ${first.line} has ${describeSpec(first)}, line ${other.line} has ${describeSpec(other)}. Keep one.`);
        }
    }
    return first;
}
function readSpec(key, v, line, file) {
    if (isNull(v))
        return null;
    switch (key) {
        case 'smoke_command':
            return {
                kind: 'command',
                key,
                command: readCommand(v, file, "'smoke_command'"),
                options: { timeoutSeconds: null, shell: null, workingDirectory: null },
                line,
            };
        case 'smoke_profile': {
            if (v.kind !== 'scalar' || typeof v.value !== 'string' || !PROFILE_NAME.test(v.value.trim())) {
                throw errorAt(file, v, `'smoke_profile' must be a registry profile name, not ${describeYaml(v)}.`);
            }
            return { kind: 'profile', key, profile: v.value.trim(), line };
        }
        case 'post_merge_smoke': {
            if (v.kind !== 'map') {
                throw errorAt(file, v, `'post_merge_smoke' must be a mapping { command, timeout_seconds, shell, working_directory }, not ${describeYaml(v)}.`);
            }
            checkKeys(v, POST_MERGE_SMOKE_KEYS, file, "'post_merge_smoke'");
            const command = findEntry(v, 'command');
            if (!command || isNull(command.value))
                throw errorAt(file, v, "'post_merge_smoke' has no 'command'.");
            const get = (k) => findEntry(v, k)?.value;
            const timeout = get('timeout_seconds');
            const shell = get('shell');
            const dir = get('working_directory');
            return {
                kind: 'command',
                key,
                command: readCommand(command.value, file, "'post_merge_smoke.command'"),
                options: {
                    timeoutSeconds: timeout ? readTimeout(timeout, file, "'post_merge_smoke.timeout_seconds'") : null,
                    shell: shell ? readShell(shell, file, "'post_merge_smoke.shell'") : null,
                    workingDirectory: dir
                        ? readWorkingDirectory(dir, file, "'post_merge_smoke.working_directory'")
                        : null,
                },
                line,
            };
        }
        default:
            return null;
    }
}
function sameSpec(a, b) {
    if (a.kind === 'profile' || b.kind === 'profile') {
        return a.kind === b.kind && a.kind === 'profile' && b.kind === 'profile' && a.profile === b.profile;
    }
    return (a.command === b.command &&
        a.options.timeoutSeconds === b.options.timeoutSeconds &&
        a.options.shell === b.options.shell &&
        a.options.workingDirectory === b.options.workingDirectory);
}
function describeSpec(s) {
    if (s.kind === 'profile')
        return `smoke_profile '${s.profile}'`;
    const flat = s.command.replace(/\s+/g, ' ');
    return `${s.key === 'smoke_command' ? 'smoke_command' : 'post_merge_smoke.command'} '${flat.length > 60 ? `${flat.slice(0, 59)}…` : flat}'`;
}

;// CONCATENATED MODULE: ./src/resolve/pr-body-command.ts
// The raw command a PR body may carry (SPEC §6), in a fenced block whose language is `post-merge-smoke`:
//
//   ```post-merge-smoke
//   command: npm run smoke
//   timeout-seconds: 300          # optional, like a registry profile
//   shell: bash                   # optional
//   working-directory: services   # optional
//   ```
//
// Whether it may be used at all is trust.ts's decision; this file only finds and validates it. More than
// one such block is a ConfigError (which one would be meant?).




const PR_BODY_LANGUAGE = 'post-merge-smoke';
const KEYS = ['command', 'timeout-seconds', 'shell', 'working-directory'];
/** The ```post-merge-smoke blocks of a PR body. */
function prBodyBlocks(body) {
    if (!body)
        return [];
    return fencedBlocks(body).filter((b) => b.language === PR_BODY_LANGUAGE);
}
/**
 * The PR body's command, or null when the body has no ```post-merge-smoke block. `label` names the body in
 * messages, e.g. "PR #12 body". Throws ConfigError.
 */
function parsePrBodyCommand(body, label, limits) {
    const blocks = prBodyBlocks(body);
    const [block, second] = blocks;
    if (!block)
        return null;
    if (second) {
        throw new ConfigError(label, second.openLine, `several \`\`\`${PR_BODY_LANGUAGE} blocks (lines ${blocks.map((b) => b.openLine).join(', ')}); keep one.`);
    }
    const root = parseYamlSafe(block.text, { file: label, lineOffset: block.lineOffset, columnOffset: block.columnOffset }, limits);
    if (root === null || root.kind !== 'map') {
        const what = root === null ? 'is empty' : `holds ${describeYaml(root)}`;
        throw new ConfigError(label, block.openLine, `the \`\`\`${PR_BODY_LANGUAGE} block ${what}; expected 'command: <shell command>'.`);
    }
    checkKeys(root, KEYS, label, `the \`\`\`${PR_BODY_LANGUAGE} block`);
    const command = findEntry(root, 'command');
    if (!command || isNull(command.value)) {
        throw errorAt(label, root, `the \`\`\`${PR_BODY_LANGUAGE} block has no 'command'.`);
    }
    const get = (k) => findEntry(root, k)?.value;
    const timeout = get('timeout-seconds');
    const shell = get('shell');
    const dir = get('working-directory');
    return {
        command: readCommand(command.value, label, "'command'"),
        options: {
            timeoutSeconds: timeout ? readTimeout(timeout, label, "'timeout-seconds'") : null,
            shell: shell ? readShell(shell, label, "'shell'") : null,
            workingDirectory: dir ? readWorkingDirectory(dir, label, "'working-directory'") : null,
        },
        line: block.openLine,
    };
}

;// CONCATENATED MODULE: ./src/resolve/task-path.ts
// The task file path: `task-path` with `{task_id}` substituted, normalised with POSIX rules, and refused
// (BLOCKED invalid_input, never read) when it could leave the repository: absolute paths, drive letters,
// backslashes, NUL, `..` escapes. The task id itself is checked again here (defence in depth: the selector
// code checks it too), so a task id like `../x` can never reach the tree reader.

/** The characters a task id may have (SPEC §6). */
const SAFE_TASK_ID = /^[A-Za-z0-9._+-]+$/;
/** Why `id` cannot be a task id, or null when it can. */
function taskIdProblem(id) {
    if (!SAFE_TASK_ID.test(id))
        return "may only use letters, digits, '.', '_', '+' and '-'";
    if (id.startsWith('.'))
        return "must not start with '.'";
    return null;
}
function buildTaskPath(template, taskId) {
    const idProblem = taskIdProblem(taskId);
    if (idProblem) {
        return { ok: false, message: `Task id '${taskId}' ${idProblem}; the task file is not read.` };
    }
    if (!template.includes('{task_id}')) {
        return { ok: false, message: `Input 'task-path' ('${template}') has no {task_id} placeholder.` };
    }
    const raw = template.split('{task_id}').join(taskId);
    const refuse = (why) => ({
        ok: false,
        message: `Task file path '${raw}' (from task-path '${template}') ${why}; the task file is not read.`,
    });
    if (raw.includes('\0'))
        return refuse('contains a NUL character');
    if (raw.includes('\\'))
        return refuse('contains a backslash');
    if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw))
        return refuse('is absolute');
    if (raw.split('/').includes('..'))
        return refuse("contains '..'");
    const path = external_node_path_.posix.normalize(raw).replace(/^(\.\/)+/, '');
    if (path === '.' || path === '' || path.endsWith('/'))
        return refuse('does not name a file');
    if (path === '..' || path.startsWith('../') || external_node_path_.posix.isAbsolute(path)) {
        return refuse('leaves the repository');
    }
    return { ok: true, path };
}
/**
 * A repository-relative file path in normal form ('./a//b' → 'a/b'), or null when it is absolute, uses
 * backslashes or NUL, or leaves the repository.
 */
function normaliseRepoPath(path) {
    if (path === '' || path.includes('\0') || path.includes('\\'))
        return null;
    if (path.startsWith('/') || /^[A-Za-z]:/.test(path))
        return null;
    const normal = external_node_path_.posix.normalize(path).replace(/^(\.\/)+/, '');
    if (normal === '.' || normal === '' || normal.endsWith('/'))
        return null;
    if (normal === '..' || normal.startsWith('../'))
        return null;
    return normal;
}

;// CONCATENATED MODULE: ./src/resolve/selectors.ts



const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/;
const WORD_CHAR = /[A-Za-z0-9_]/;
/**
 * Git trailers: the last paragraph of the message, when it is not the subject paragraph and every line in
 * it is `Key: value` (a line starting with whitespace continues the previous value; git's
 * "(cherry picked from commit …)" line is skipped). Otherwise none.
 */
function parseTrailers(message) {
    const lines = message.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
    let end = lines.length;
    while (end > 0 && lines[end - 1].trim() === '')
        end--;
    let start = end;
    while (start > 0 && lines[start - 1].trim() !== '')
        start--;
    const firstText = lines.findIndex((l) => l.trim() !== '');
    if (end === 0 || start <= firstText)
        return []; // no body paragraph after the subject
    const trailers = [];
    for (let i = start; i < end; i++) {
        const line = lines[i];
        if (/^[ \t]/.test(line) && trailers.length > 0) {
            trailers[trailers.length - 1].value += ` ${line.trim()}`;
            continue;
        }
        if (line.startsWith('(cherry picked from commit'))
            continue;
        const m = TRAILER_LINE.exec(line);
        if (!m)
            return [];
        trailers.push({ key: m[1], value: m[2].trim(), line: i + 1 });
    }
    return trailers;
}
/** Distinct values of the trailers named `key` (case-insensitive), in order. */
function trailerValues(trailers, key) {
    const wanted = key.toLowerCase();
    return [...new Set(trailers.filter((t) => t.key.toLowerCase() === wanted).map((t) => t.value))];
}
/** The first whole-word match of `pattern` in `text` that fully matches it, or null. */
function findTaskIdInText(text, pattern) {
    const flags = pattern.flags.replace(/[gy]/g, '');
    const re = new RegExp(pattern.source, `${flags}g`);
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (m[0] === '') {
            re.lastIndex++;
            continue;
        }
        const before = m.index > 0 ? text[m.index - 1] : '';
        const after = text[m.index + m[0].length] ?? '';
        if (WORD_CHAR.test(before) || WORD_CHAR.test(after))
            continue;
        if (fullMatch(pattern, m[0]))
            return m[0];
    }
    return null;
}
/** Distinct `Smoke-Profile: x` values on their own lines of a PR body. */
function prBodyProfiles(body) {
    if (!body)
        return [];
    const values = [...body.matchAll(/^[ \t]*Smoke-Profile[ \t]*:[ \t]*(.*?)[ \t]*\r?$/gim)].map((m) => m[1]);
    return [...new Set(values.filter((v) => v !== ''))];
}
function findSelectors(input) {
    const notes = [];
    const trailers = parseTrailers(input.commitMessage);
    const prName = input.pr ? `PR #${input.pr.number}` : 'the PR';
    // --- task id
    let taskId = null;
    let taskIdProblemText = null;
    const checkTaskId = (value, source) => {
        const charProblem = taskIdProblem(value);
        if (charProblem) {
            taskIdProblemText = `Task id '${value}' from ${source} ${charProblem}.`;
        }
        else if (!fullMatch(input.taskIdPattern, value)) {
            taskIdProblemText = `Task id '${value}' from ${source} does not match task-id-pattern '${input.taskIdPattern.source}'.`;
        }
        else {
            taskId = { value, source };
            notes.push(`task id ${value} from ${source}`);
        }
    };
    const taskTrailers = trailerValues(trailers, 'Task-Id');
    if (input.taskId !== null) {
        checkTaskId(input.taskId, "the input 'task-id'");
    }
    else if (taskTrailers.length > 1) {
        taskIdProblemText = `The commit message has conflicting Task-Id trailers: ${taskTrailers.join(', ')}.`;
    }
    else if (taskTrailers.length === 1) {
        checkTaskId(taskTrailers[0], 'the Task-Id trailer');
    }
    else {
        const places = [
            [input.commitMessage, 'the commit message'],
            [input.pr?.title, `the ${prName} title`],
            [input.pr?.headRef, `the ${prName} head branch`],
            [input.pr?.body, `the ${prName} body`],
        ];
        for (const [text, source] of places) {
            const found = text ? findTaskIdInText(text, input.taskIdPattern) : null;
            if (found !== null) {
                checkTaskId(found, source);
                break;
            }
        }
        const overridePath = input.taskFileOverride?.path;
        if (taskId === null && taskIdProblemText === null && overridePath) {
            const name = overridePath.split(/[\\/]/).pop() ?? '';
            const stem = name.replace(/\.[^.]*$/, '');
            if (taskIdProblem(stem) === null && fullMatch(input.taskIdPattern, stem)) {
                checkTaskId(stem, `the task file name ${name}`);
            }
        }
        if (taskId === null && taskIdProblemText === null) {
            notes.push(`no task id: task-id-pattern '${input.taskIdPattern.source}' found nothing in the commit message${input.pr ? `, ${prName} title, head branch or body` : ' (no PR found)'}`);
        }
    }
    // --- profile
    let profile = null;
    let profileProblem = null;
    const checkProfile = (value, source) => {
        if (!PROFILE_NAME.test(value)) {
            profileProblem = `Profile '${value}' from ${source} is not a profile name (letters, digits, '.', '_', '-').`;
        }
        else {
            profile = { value, source };
            notes.push(`profile ${value} from ${source}`);
        }
    };
    const profileTrailers = trailerValues(trailers, 'Smoke-Profile');
    const bodyProfiles = prBodyProfiles(input.pr?.body ?? null);
    if (input.profile !== null) {
        checkProfile(input.profile, "the input 'profile'");
    }
    else if (profileTrailers.length > 1) {
        profileProblem = `The commit message has conflicting Smoke-Profile trailers: ${profileTrailers.join(', ')}.`;
    }
    else if (profileTrailers.length === 1) {
        checkProfile(profileTrailers[0], 'the Smoke-Profile trailer');
    }
    else if (bodyProfiles.length > 1) {
        profileProblem = `The ${prName} body has conflicting Smoke-Profile lines: ${bodyProfiles.join(', ')}.`;
    }
    else if (bodyProfiles.length === 1) {
        checkProfile(bodyProfiles[0], `a Smoke-Profile line in the ${prName} body`);
    }
    return { taskId, taskIdProblem: taskIdProblemText, profile, profileProblem, notes };
}

;// CONCATENATED MODULE: ./src/resolve/tree-reader.ts
// Reads trusted files from the merge commit's tree through the git choke point — never the working copy,
// which may hold uncommitted or checked-out-later content.
//
//   git ls-tree -z -l --full-tree <commit> -- <path>   → does the exact path exist, what is it, how big
//   git cat-file blob <oid>                            → its content, with a byte cap
//
// Outcomes:
//   - no entry with exactly that path                          → null (a missing registry/task file is normal)
//   - a directory, a symlink or a submodule at that path      → ConfigError (BLOCKED invalid_config): the
//     input should name a regular file; a symlink is not followed, since its target is outside the reviewed
//     content the input points at (and may point outside the repository)
//   - bigger than `maxBytes`                                   → ConfigError "file too large"
//   - git fails (bad commit, broken repository, timeout)      → TreeReadError (ERROR git_failed)
//   - a path that is not a normalised repository path         → TreeReadError (callers validate first)




class GitTreeReader {
    git;
    commit;
    maxBytes;
    timeoutMs;
    constructor(git, 
    /** The merge commit (a SHA, or any commit-ish that does not start with '-'). */
    commit, options = {}) {
        this.git = git;
        this.commit = commit;
        if (commit === '' || commit.startsWith('-') || /\s/.test(commit)) {
            throw new TreeReadError(`not a commit: '${commit}'`, '');
        }
        this.maxBytes = options.maxBytes ?? DEFAULT_YAML_LIMITS.maxBytes;
        this.timeoutMs = options.timeoutMs ?? 60_000;
    }
    async read(path) {
        const problem = pathProblem(path);
        if (problem)
            throw new TreeReadError(`refusing to read '${path}' from the tree: ${problem}`, path);
        const listing = await this.git.run(['ls-tree', '-z', '-l', '--full-tree', this.commit, '--', path], {
            timeoutMs: this.timeoutMs,
            maxOutputBytes: 1024 * 1024,
        });
        if (listing.exitCode !== 0) {
            throw new TreeReadError(`cannot list '${path}' in ${this.commit}: git ls-tree failed: ${gitFailure(listing)}`, path);
        }
        const entry = listing.stdout
            .split('\0')
            .map(parseLsTreeLine)
            .find((e) => e !== null && e.path === path);
        if (!entry)
            return null;
        const at = `in the merge commit ${this.commit.slice(0, 12)}`;
        if (entry.mode === '120000') {
            throw new ConfigError(path, null, `is a symbolic link ${at}; point the input at the file itself.`);
        }
        if (entry.type === 'tree')
            throw new ConfigError(path, null, `is a directory ${at}, not a file.`);
        if (entry.type !== 'blob')
            throw new ConfigError(path, null, `is a ${entry.type} ${at}, not a file.`);
        if (entry.size !== null && entry.size > this.maxBytes) {
            throw new ConfigError(path, null, `file too large: ${entry.size} bytes, the limit is ${this.maxBytes}.`);
        }
        const blob = await this.git.run(['cat-file', 'blob', entry.oid], {
            timeoutMs: this.timeoutMs,
            maxOutputBytes: this.maxBytes + 1,
        });
        if (blob.exitCode !== 0) {
            throw new TreeReadError(`cannot read '${path}' from ${this.commit}: ${gitFailure(blob)}`, path);
        }
        if (blob.truncated || Buffer.byteLength(blob.stdout, 'utf8') > this.maxBytes) {
            throw new ConfigError(path, null, `file too large: more than ${this.maxBytes} bytes.`);
        }
        return blob.stdout;
    }
}
/** `<mode> SP <type> SP <oid> SP+ <size|-> TAB <path>` */
function parseLsTreeLine(line) {
    const m = /^(\d{6}) (\w+) ([0-9a-f]+) +(\d+|-)\t([\s\S]*)$/.exec(line);
    if (!m)
        return null;
    return { mode: m[1], type: m[2], oid: m[3], size: m[4] === '-' ? null : Number(m[4]), path: m[5] };
}
/** Why `path` is not a normalised repository-relative file path, or null. */
function pathProblem(path) {
    if (path === '' || path.includes('\0'))
        return 'empty or contains NUL';
    if (path.startsWith('/') || /^[A-Za-z]:/.test(path))
        return 'absolute';
    if (path.includes('\\'))
        return 'contains a backslash';
    const segments = path.split('/');
    if (segments.some((s) => s === '' || s === '.' || s === '..'))
        return "not normalised (empty, '.' or '..' segment)";
    return null;
}

;// CONCATENATED MODULE: ./src/resolve/resolve-error.ts
class ResolveInfraError extends Error {
    reason;
    context;
    constructor(reason, message, context, cause) {
        super(message, cause === undefined ? undefined : { cause });
        this.reason = reason;
        this.context = context;
        this.name = 'ResolveInfraError';
    }
}

;// CONCATENATED MODULE: ./src/resolve/trust.ts
/**
 * `times` is only looked at when `allowed` is true (the caller need not load them otherwise).
 */
function judgePrBodyTrust(allowed, prNumber, times) {
    const pr = `PR #${prNumber}`;
    if (!allowed) {
        return {
            trusted: false,
            message: `${pr} body carries a post-merge-smoke command, but input 'pr-body-command' is false: a command from a PR body is used only when the workflow sets pr-body-command: true.`,
        };
    }
    if (times === null) {
        return {
            trusted: false,
            message: `${pr}'s merge and edit times are unknown, so its body command is not trusted.`,
        };
    }
    if (times.mergedAt === null) {
        return {
            trusted: false,
            message: `${pr} is not merged: a PR-body command is trusted only from a merged PR whose body was not edited after the merge.`,
        };
    }
    const merged = Date.parse(times.mergedAt);
    if (Number.isNaN(merged)) {
        return {
            trusted: false,
            message: `${pr}'s merge time '${times.mergedAt}' is not a timestamp; its body command is not trusted.`,
        };
    }
    if (times.lastEditedAt === null) {
        return { trusted: true, note: `${pr} body was never edited (merged at ${times.mergedAt})` };
    }
    const edited = Date.parse(times.lastEditedAt);
    if (Number.isNaN(edited)) {
        return {
            trusted: false,
            message: `${pr}'s edit time '${times.lastEditedAt}' is not a timestamp; its body command is not trusted.`,
        };
    }
    if (edited > merged) {
        return {
            trusted: false,
            message: `${pr} body was edited at ${times.lastEditedAt}, after the merge at ${times.mergedAt}: the command may not be what was reviewed.`,
        };
    }
    return {
        trusted: true,
        note: `${pr} body last edited at ${times.lastEditedAt}, not after the merge at ${times.mergedAt}`,
    };
}

;// CONCATENATED MODULE: ./src/resolve/resolve-command.ts










async function resolveCommand(input) {
    const selectors = findSelectors(input);
    const ctx = {
        taskId: selectors.taskId?.value ?? null,
        profile: selectors.profile?.value ?? null,
        notes: [...selectors.notes],
    };
    const misses = [];
    const miss = (why) => {
        misses.push(why);
        ctx.notes.push(why);
    };
    const blocked = (reason, message) => ({
        kind: 'blocked',
        reason,
        message,
        ...ctx,
    });
    const invalid = (what, e) => blocked('invalid_config', `Invalid ${what} ${e.message}`);
    // --- the registry: always read, its defaults apply to every command
    const registryPath = normaliseRepoPath(input.registryPath.trim());
    if (registryPath === null) {
        return blocked('invalid_input', `Input 'registry-path' is '${input.registryPath}'; expected a file path inside the repository.`);
    }
    let registry;
    try {
        const text = await readTree(input.tree, registryPath, ctx);
        if (text === null) {
            registry = emptyRegistry(registryPath);
            ctx.notes.push(`registry ${registryPath} is not in the merge commit: no profiles`);
        }
        else {
            registry = parseRegistry(text, registryPath);
            ctx.notes.push(`registry ${registryPath}: ${registry.profiles.size} profile(s), ${registry.tasks.size} task mapping(s)${registry.defaultProfile ? `, default ${registry.defaultProfile.profile}` : ''}`);
        }
    }
    catch (e) {
        if (e instanceof ConfigError)
            return invalid('registry', e);
        throw e;
    }
    const found = (command, source, options, note) => {
        ctx.notes.push(note);
        return {
            kind: 'command',
            command,
            source,
            options: mergeOptions(options, registry.defaults),
            ...ctx,
        };
    };
    /** A named profile: its command, or BLOCKED unknown_profile. */
    const fromProfile = (name, source, via) => {
        ctx.profile = name;
        const profile = registry.profiles.get(name);
        if (!profile)
            return blocked('unknown_profile', unknownProfileMessage(name, via, registry));
        return found(profile.command, source, profile.options, `command from profile ${name} (${registryPath} line ${profile.line}), ${via}`);
    };
    // 1. the smoke-command input
    if (input.smokeCommand !== null) {
        return found(input.smokeCommand, 'input', NO_OPTIONS, "command from the input 'smoke-command'");
    }
    // 2. a profile selector
    if (selectors.profileProblem !== null)
        return blocked('invalid_input', selectors.profileProblem);
    if (selectors.profile !== null) {
        return fromProfile(selectors.profile.value, 'registry', `selected by ${selectors.profile.source}`);
    }
    // 3. and 4. need the task id
    const override = input.taskFileOverride ?? null;
    const taskIdNeeded = (input.taskPath !== null && override === null) || registry.tasks.size > 0;
    if (selectors.taskIdProblem !== null && taskIdNeeded) {
        return blocked('invalid_input', selectors.taskIdProblem);
    }
    if (selectors.taskIdProblem !== null) {
        ctx.notes.push(`${selectors.taskIdProblem} Ignored: no task file or tasks: mapping uses the task id.`);
    }
    const taskId = selectors.taskId?.value ?? null;
    // 3. the task file (the CLI's --task-file stands in for the one in the tree)
    let taskFile = null;
    if (override !== null) {
        taskFile = { path: override.path, text: override.content };
    }
    else if (input.taskPath === null) {
        miss("task files are off (no 'task-path' input)");
    }
    else if (taskId === null) {
        miss('no task id, so no task file');
    }
    else {
        const built = buildTaskPath(input.taskPath, taskId);
        if (!built.ok)
            return blocked('invalid_input', built.message);
        try {
            taskFile = { path: built.path, text: await readTree(input.tree, built.path, ctx) };
        }
        catch (e) {
            if (e instanceof ConfigError)
                return invalid('task file', e);
            throw e;
        }
    }
    if (taskFile !== null) {
        const { path, text } = taskFile;
        let spec;
        try {
            spec = text === null ? null : parseTaskFile(text, path);
        }
        catch (e) {
            if (e instanceof ConfigError)
                return invalid('task file', e);
            throw e;
        }
        if (text === null) {
            miss(`task file ${path} is not in the merge commit`);
        }
        else if (spec === null) {
            miss(`task file ${path} defines no smoke_command, smoke_profile or post_merge_smoke`);
        }
        else if (spec.kind === 'profile') {
            return fromProfile(spec.profile, 'task-file', `named by smoke_profile in ${path} line ${spec.line}`);
        }
        else {
            return found(spec.command, 'task-file', spec.options, `command from ${spec.key} in ${path} line ${spec.line}`);
        }
    }
    // 4. the registry's tasks: entry
    if (taskId !== null) {
        const mapping = registry.tasks.get(taskId);
        if (mapping?.kind === 'profile') {
            return fromProfile(mapping.profile, 'registry', `mapped from task ${taskId} by ${registryPath} line ${mapping.line}`);
        }
        if (mapping?.kind === 'command') {
            return found(mapping.command, 'registry', mapping.options, `command from the tasks entry for ${taskId} (${registryPath} line ${mapping.line})`);
        }
        if (registry.present)
            miss(`${registryPath} has no tasks entry for ${taskId}`);
    }
    // 5. a PR-body command, under the trust rules
    const pr = input.pr;
    if (pr !== null && prBodyBlocks(pr.body).length > 0) {
        const label = `PR #${pr.number} body`;
        let times = null;
        if (input.prBodyCommand) {
            try {
                const loaded = await input.loadPrEditTimes();
                times = { lastEditedAt: loaded.lastEditedAt, mergedAt: loaded.mergedAt ?? pr.mergedAt };
            }
            catch (e) {
                throw new ResolveInfraError('api_failed', `Cannot tell whether PR #${pr.number}'s body was edited after the merge: ${e.message}`, ctx, e);
            }
        }
        const verdict = judgePrBodyTrust(input.prBodyCommand, pr.number, times);
        if (!verdict.trusted)
            return blocked('untrusted_source', verdict.message);
        try {
            const body = parsePrBodyCommand(pr.body, label);
            if (body !== null) {
                return found(body.command, 'pr-body', body.options, `command from the post-merge-smoke block in the ${label} (line ${body.line}); ${verdict.note}`);
            }
        }
        catch (e) {
            if (e instanceof ConfigError)
                return invalid('post-merge-smoke block in the', e);
            throw e;
        }
    }
    else {
        miss(pr === null
            ? 'no PR found, so no PR-body command'
            : `no post-merge-smoke block in the PR #${pr.number} body`);
    }
    // 6. the registry default
    if (registry.defaultProfile !== null) {
        return fromProfile(registry.defaultProfile.profile, 'registry', `the registry default at ${registryPath} line ${registry.defaultProfile.line}`);
    }
    miss(registry.present ? `${registryPath} has no default profile` : `no registry ${registryPath}`);
    // 7. none
    return {
        kind: 'none',
        message: `No smoke command resolved: no 'smoke-command' or 'profile' input, no Smoke-Profile selector; ${misses.join('; ')}.`,
        ...ctx,
    };
}
function unknownProfileMessage(name, via, registry) {
    const known = knownProfiles(registry);
    const where = registry.present
        ? `is not defined in ${registry.file}; known profiles: ${known.length > 0 ? known.join(', ') : '(none)'}`
        : `cannot be found: the registry ${registry.file} is not in the merge commit, so no profiles are defined`;
    return `Profile '${name}' (${via}) ${where}.`;
}
/** TreeReader.read, with git failures turned into ResolveInfraError; ConfigError passes through. */
async function readTree(tree, path, ctx) {
    try {
        return await tree.read(path);
    }
    catch (e) {
        if (e instanceof ConfigError)
            throw e;
        const detail = e instanceof TreeReadError ? e.message : `cannot read ${path}: ${e.message}`;
        throw new ResolveInfraError('git_failed', detail, ctx, e);
    }
}

;// CONCATENATED MODULE: ./src/resolve/policy.ts
function applyPolicy(dryRun, outcome) {
    switch (outcome.kind) {
        case 'command':
            return {
                kind: 'run',
                command: outcome.command,
                source: outcome.source,
                options: outcome.options,
                message: dryRun
                    ? `Running the smoke command from ${outcome.source} (dry-run does not skip a resolved command).`
                    : `Running the smoke command from ${outcome.source}; PASS is required for the merge queue to continue.`,
            };
        case 'none':
            return dryRun
                ? {
                    kind: 'skip',
                    status: 'SKIPPED',
                    reason: 'no_command',
                    message: `Skipped: no smoke command is defined for this merge and dry-run is true. ${outcome.message}`,
                }
                : {
                    kind: 'block',
                    status: 'BLOCKED',
                    reason: 'no_command',
                    message: `Blocked: no smoke command is defined for this merge and dry-run is false, so the merge cannot be verified. ${outcome.message}`,
                };
        case 'blocked':
            return { kind: 'block', status: 'BLOCKED', reason: outcome.reason, message: outcome.message };
    }
}

;// CONCATENATED MODULE: ./src/resolve/index.ts
// Command resolution (SPEC §6) and the §2 policy: the public API of src/resolve.
















;// CONCATENATED MODULE: ./src/resolve/pr-discovery.ts
// Which pull request produced the merge commit (SPEC §6 "PR discovery"): the commit message first, then
// `GET commits/{sha}/pulls` — eventually consistent, so retried while it has no merged PR into the base.


const MAX_PR_NUMBER = 999_999_999;
function prNumber(digits) {
    if (!digits)
        return null;
    const n = Number(digits);
    return Number.isSafeInteger(n) && n > 0 && n <= MAX_PR_NUMBER ? n : null;
}
/**
 * The PR number a merge commit's message names: the merge-commit subject `Merge pull request #123 from …`,
 * the squash subject `Title (#123)` (the last `(#n)` on the subject line), or a trailer line `PR: #123`.
 */
function prNumberFromCommitMessage(message) {
    const lines = message.replace(/\r\n?/g, '\n').split('\n');
    const subject = (lines[0] ?? '').trim();
    const merge = /^Merge pull request #(\d+)\b/.exec(subject);
    const fromMerge = prNumber(merge?.[1]);
    if (fromMerge !== null)
        return fromMerge;
    const squash = [...subject.matchAll(/\(#(\d+)\)/g)].pop();
    const fromSquash = prNumber(squash?.[1]);
    if (fromSquash !== null)
        return fromSquash;
    for (const line of lines.slice(1)) {
        const trailer = /^\s*PR:\s*#(\d+)\s*$/i.exec(line);
        const fromTrailer = prNumber(trailer?.[1]);
        if (fromTrailer !== null)
            return fromTrailer;
    }
    return null;
}
function asApiError(e, endpoint) {
    return e instanceof github/* GitHubApiError */.O
        ? e
        : new github/* GitHubApiError */.O(e instanceof Error ? e.message : String(e), null, endpoint);
}
function pr_discovery_transient(e) {
    return e.transient || (e.status === 403 && /rate limit/i.test(e.message));
}
/** Calls `fn` until it succeeds or fails for good; transient errors are retried with the policy. */
async function withTransientRetry(retry, endpoint, fn) {
    const tries = tryCount(retry);
    for (let attempt = 0;; attempt++) {
        await waitBeforeTry(retry, attempt);
        try {
            return await fn();
        }
        catch (e) {
            const err = asApiError(e, endpoint);
            if (!pr_discovery_transient(err) || attempt + 1 >= tries)
                throw err;
        }
    }
}
function describe(pr) {
    if (!pr.mergedAt)
        return `#${pr.number} (not merged)`;
    return `#${pr.number} (merged into ${pr.baseRef})`;
}
async function discoverPullRequest(input) {
    const notes = [];
    const { api, sha, baseBranch } = input;
    const fromMessage = prNumberFromCommitMessage(input.commitMessage);
    if (fromMessage !== null) {
        notes.push(`PR #${fromMessage} is named in the commit message of ${sha}.`);
        if (!api) {
            return { number: fromMessage, pr: null, via: 'commit-message', error: null, notes };
        }
        let pr;
        try {
            pr = await withTransientRetry(input.retry, `GET pulls/${fromMessage}`, () => api.getPull(fromMessage));
        }
        catch (e) {
            return {
                number: fromMessage,
                pr: null,
                via: 'commit-message',
                error: asApiError(e, `GET pulls/${fromMessage}`),
                notes,
            };
        }
        if (pr) {
            if (!pr.mergedAt || pr.baseRef !== baseBranch) {
                notes.push(`PR #${pr.number} named in the commit message is ${pr.mergedAt ? `merged into '${pr.baseRef}'` : 'not merged'}, not into '${baseBranch}'; using it anyway (the commit message names it).`);
            }
            return { number: fromMessage, pr, via: 'commit-message', error: null, notes };
        }
        notes.push(`PR #${fromMessage} named in the commit message does not exist in ${api.repository}; asking the API which PR the commit belongs to.`);
    }
    if (!api) {
        notes.push('No pull request number in the commit message, and no GitHub API to ask (no token).');
        return { number: null, pr: null, via: null, error: null, notes };
    }
    // commits/{sha}/pulls is eventually consistent: often empty right after the merge. Ask again while it
    // names no PR merged into the base branch.
    const endpoint = `GET commits/${sha}/pulls`;
    const tries = tryCount(input.retry);
    let ignored = new Set();
    for (let attempt = 0; attempt < tries; attempt++) {
        await waitBeforeTry(input.retry, attempt);
        let pulls;
        try {
            pulls = await api.listPullsForCommit(sha);
        }
        catch (e) {
            const err = asApiError(e, endpoint);
            if (pr_discovery_transient(err) && attempt + 1 < tries)
                continue;
            return { number: null, pr: null, via: null, error: err, notes };
        }
        const merged = pulls.filter((p) => p.mergedAt !== null && p.baseRef === baseBranch);
        ignored = new Set(pulls.filter((p) => !merged.includes(p)).map(describe));
        if (merged.length > 0) {
            const pr = merged.find((p) => p.mergeCommitSha?.toLowerCase() === sha.toLowerCase()) ?? merged[0];
            if (ignored.size > 0)
                notes.push(`Ignored PRs not merged into '${baseBranch}': ${[...ignored].join(', ')}.`);
            if (merged.length > 1) {
                notes.push(`Several PRs merged into '${baseBranch}' contain ${sha} (${merged.map((p) => `#${p.number}`).join(', ')}); using #${pr.number}.`);
            }
            notes.push(`PR #${pr.number} found via the GitHub API (commits/${sha}/pulls, ${attempt + 1} ${attempt === 0 ? 'call' : 'calls'}).`);
            return { number: pr.number, pr, via: 'api', error: null, notes };
        }
    }
    notes.push(`No PR merged into '${baseBranch}' is associated with ${sha} (asked the GitHub API ${tries} ${tries === 1 ? 'time' : 'times'})` +
        (ignored.size > 0 ? `; ignored ${[...ignored].join(', ')}.` : '.'));
    return { number: null, pr: null, via: null, error: null, notes };
}

;// CONCATENATED MODULE: ./src/report/text.ts
// Small text helpers shared by the reporting steps: UTF-8-safe heads and tails, clipping, one-line forms.
/** True for a UTF-8 continuation byte (10xxxxxx): a character does not start there. */
function isContinuation(byte) {
    return (byte & 0xc0) === 0x80;
}
/**
 * The last `maxBytes` bytes of `text` as UTF-8, cut on a character boundary (so possibly a few bytes less).
 * Returns `text` unchanged when it already fits.
 */
function utf8Tail(text, maxBytes) {
    if (maxBytes <= 0)
        return '';
    const buf = Buffer.from(text, 'utf8');
    if (buf.length <= maxBytes)
        return text;
    let start = buf.length - maxBytes;
    while (start < buf.length && isContinuation(buf[start]))
        start++;
    return buf.subarray(start).toString('utf8');
}
/** The first `maxBytes` bytes of `text` as UTF-8, cut on a character boundary. */
function utf8Head(text, maxBytes) {
    if (maxBytes <= 0)
        return '';
    const buf = Buffer.from(text, 'utf8');
    if (buf.length <= maxBytes)
        return text;
    let end = maxBytes;
    while (end > 0 && isContinuation(buf[end]))
        end--;
    return buf.subarray(0, end).toString('utf8');
}
/** Byte length of `text` as UTF-8. */
function utf8Length(text) {
    return Buffer.byteLength(text, 'utf8');
}
/**
 * At most `maxChars` UTF-16 code units of `text` (what JavaScript and most APIs call its length); a clipped
 * text ends with '…' (counted in the limit). Never splits a surrogate pair.
 */
function clip(text, maxChars) {
    if (text.length <= maxChars)
        return text;
    if (maxChars <= 0)
        return '';
    let end = maxChars - 1;
    const code = text.charCodeAt(end - 1);
    if (end > 0 && code >= 0xd800 && code <= 0xdbff)
        end--; // do not keep a lone high surrogate
    return text.slice(0, end) + '…';
}
/** Collapses every run of whitespace (newlines included) into one space and trims. */
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}
/** First 7 characters of a SHA, or null. */
function sha7(sha) {
    return sha ? sha.slice(0, 7) : null;
}
/** "850 ms", "12.4 s", "3 min 05 s", "1 h 02 min". */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 60_000)
        return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`;
    const totalSeconds = Math.floor(ms / 1000);
    if (totalSeconds < 3600) {
        const m = Math.floor(totalSeconds / 60);
        const s = totalSeconds % 60;
        return `${m} min ${String(s).padStart(2, '0')} s`;
    }
    const h = Math.floor(totalSeconds / 3600);
    const m = Math.floor((totalSeconds % 3600) / 60);
    return `${h} h ${String(m).padStart(2, '0')} min`;
}
/** "600 s", "1.5 s" — a timeout given in seconds. */
function formatSeconds(seconds) {
    return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

;// CONCATENATED MODULE: ./src/report/commit-status.ts
// The commit status on the merge commit (SPEC §2, §8): `pending` when the command starts, the final state
// when the verdict is known. Posting never throws: its outcome is recorded in `reporting.commit_status`.



/** GitHub rejects longer descriptions. */
const MAX_STATUS_DESCRIPTION = 140;
/** Commit status state per SPEC §2; null: STALE runs set no status (a newer run covers the newer head). */
const STATUS_STATE = {
    PASS: 'success',
    FAIL: 'failure',
    TIMEOUT: 'failure',
    SKIPPED: 'success',
    BLOCKED: 'error',
    STALE: null,
    ERROR: 'error',
    CANCELLED: 'error',
};
/**
 * `head` on one line, followed by `suffix`, at most MAX_STATUS_DESCRIPTION characters: the head is clipped
 * with '…' so the suffix (the task or PR) survives; a suffix too long to leave room is dropped.
 */
function fitDescription(head, suffix = '') {
    const h = oneLine(head);
    const s = suffix.length > 60 ? '' : suffix;
    if (h.length + s.length <= MAX_STATUS_DESCRIPTION)
        return h + s;
    return clip(h, MAX_STATUS_DESCRIPTION - s.length) + s;
}
/** " (task-2512)", " (PR #12)" or "". */
function subjectSuffix(taskId, prNumber) {
    if (taskId)
        return ` (${oneLine(taskId)})`;
    if (prNumber !== null)
        return ` (PR #${prNumber})`;
    return '';
}
function headline(result) {
    const after = result.duration_ms === null ? '' : ` after ${formatDuration(result.duration_ms)}`;
    switch (result.status) {
        case 'PASS': {
            const d = result.duration_ms === null ? '' : ` in ${formatDuration(result.duration_ms)}`;
            return result.flaky ? `PASS${d} (flaky: ${result.attempts.length} attempts)` : `PASS${d}`;
        }
        case 'FAIL':
            if (result.signal !== null)
                return `FAIL: killed by ${result.signal}${after}`;
            return `FAIL: exit ${result.exit_code ?? '?'}${after}`;
        case 'TIMEOUT':
            return result.timeout_seconds === null
                ? `TIMEOUT: deadline passed, process tree killed`
                : `TIMEOUT: no result within ${formatSeconds(result.timeout_seconds)}, process tree killed`;
        case 'SKIPPED':
            return 'skipped: no smoke command resolved (dry run)';
        case 'STALE':
            return `STALE (${result.reason}): ${result.message}`;
        case 'CANCELLED':
            return 'CANCELLED: the run was cancelled';
        case 'BLOCKED':
        case 'ERROR':
            return `${result.status} (${result.reason}): ${result.message}`;
    }
}
/**
 * The final commit status for a result, or null for STALE (no status). The description is one line of at
 * most 140 characters, e.g. "FAIL: exit 3 after 12.4 s (task-2512)". Expects an already redacted result.
 */
function commitStatusFor(result) {
    const state = STATUS_STATE[result.status];
    if (state === null)
        return null;
    return {
        state,
        description: fitDescription(headline(result), subjectSuffix(result.task_id, result.pr_number)),
    };
}
/** The `pending` status posted when the command starts. */
function pendingStatus(ctx) {
    const timeout = ctx.timeoutSeconds === null ? '' : ` (timeout ${formatSeconds(ctx.timeoutSeconds)})`;
    return {
        state: 'pending',
        description: fitDescription(`running the smoke command${timeout}`, subjectSuffix(ctx.taskId, ctx.prNumber)),
    };
}
/**
 * A short, one-line reason: "HTTP 403 (Resource not accessible by integration)", "no answer (ECONNREFUSED)".
 * The endpoint prefix of a GitHubApiError message ("POST /repos/… failed: ") is dropped: the step says what
 * was attempted.
 */
function describeApiError(e) {
    let message = oneLine(e instanceof Error ? e.message : String(e)) || 'unknown error';
    if (e instanceof github/* GitHubApiError */.O) {
        const prefix = `${e.endpoint} failed: `;
        if (message.startsWith(prefix) && message.length > prefix.length)
            message = message.slice(prefix.length);
        if (e.status !== null && !message.startsWith(`HTTP ${e.status}`))
            message = `HTTP ${e.status} ${message}`;
    }
    return clip(message, 300);
}
/**
 * Posts a commit status. Never throws; returns the outcome for `reporting.commit_status`:
 * "posted", "skipped: status-context is empty", "skipped: no token", "skipped: no merge commit",
 * "failed: HTTP 403 …". The description is clipped to 140 characters again, to be safe.
 */
async function postCommitStatus(api, sha, context, state, description, targetUrl) {
    if (!context)
        return 'skipped: status-context is empty';
    if (api === null)
        return 'skipped: no token';
    if (!sha || !contract_constants/* FULL_SHA */.RG.test(sha))
        return 'skipped: no merge commit';
    try {
        await api.createCommitStatus(sha, {
            state,
            context,
            description: fitDescription(description),
            targetUrl,
        });
        return 'posted';
    }
    catch (e) {
        return `failed: ${describeApiError(e)}`;
    }
}
/**
 * The final status for `result` (commitStatusFor + postCommitStatus); STALE gives
 * "skipped: no commit status for STALE".
 */
async function postFinalStatus(api, context, result, targetUrl) {
    const status = commitStatusFor(result);
    if (status === null)
        return `skipped: no commit status for ${result.status}`;
    return postCommitStatus(api, result.merge_commit, context, status.state, status.description, targetUrl);
}

;// CONCATENATED MODULE: ./src/report/live-echo.ts
// Live echo of the smoke command's output to the job log (SPEC §7 "Output is echoed live").
//
// - Line-buffered per stream: a line is written once it is complete (or in pieces of `maxLineBytes` when it
//   is longer), so a secret is never split across two writes and redaction sees whole lines.
// - Every line is redacted before it is written; a PEM private key spread over several lines is followed
//   across lines (Redactor.lineRedactor).
// - stderr lines are NOT prefixed by default: the runner does not mark stderr for `run:` steps either, and
//   problem matchers anchored at `^` (compilers, linters) must still match. Pass `stderrPrefix` to mark them.
// - Bounded: after `maxEchoBytes` bytes of one stream, one notice line is written and the rest of that stream
//   is dropped from the echo (it is still captured by the engine: head and tail in the result, the full
//   head/tail log in the artifact).
// - Workflow commands: wrap the command's lifetime in `::stop-commands::<token>` … `::<token>::` (helpers
//   below) so the command's output cannot issue `::set-output`, `::add-mask::`, `::error::` and the like.

const DEFAULT_MAX_ECHO_BYTES = 10 * 1024 * 1024;
const DEFAULT_MAX_LINE_BYTES = 64 * 1024;
const NEWLINE = 0x0a;
/** Index at most `max` where a UTF-8 character starts (so a piece never splits a character). */
function utf8Cut(buf, max) {
    let cut = Math.min(max, buf.length);
    while (cut > 0 && cut < buf.length && (buf[cut] & 0xc0) === 0x80)
        cut--;
    return cut === 0 ? Math.min(max, buf.length) : cut;
}
/**
 * Creates the live echo. `write` receives complete, redacted lines (each ending in '\n'), batched per
 * `push` call.
 */
function createLiveEcho(redactor, write, opts = {}) {
    const maxEchoBytes = opts.maxEchoBytes ?? DEFAULT_MAX_ECHO_BYTES;
    const maxLineBytes = Math.max(16, opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES);
    const prefixes = { stdout: '', stderr: opts.stderrPrefix ?? '' };
    const newState = () => ({
        pending: [],
        pendingBytes: 0,
        echoed: 0,
        dropped: 0,
        stopped: false,
        redactLine: redactor.lineRedactor(),
    });
    const states = { stdout: newState(), stderr: newState() };
    /** Appends one line (without its newline) to `out`, or stops the stream when the cap is reached. */
    const emit = (stream, st, line, out) => {
        if (st.stopped) {
            st.dropped += line.length + 1;
            return;
        }
        const cost = line.length + 1;
        if (st.echoed + cost > maxEchoBytes) {
            st.stopped = true;
            st.dropped += cost;
            out.push(`…${stream} echo stopped after ${st.echoed} bytes (limit ${maxEchoBytes}); the output is still ` +
                `captured: head and tail in the result, the full head/tail log in the artifact.\n`);
            return;
        }
        st.echoed += cost;
        let text = line.toString('utf8');
        if (text.endsWith('\r'))
            text = text.slice(0, -1);
        out.push(prefixes[stream] + st.redactLine(text) + '\n');
    };
    /** Emits a complete line, in pieces of at most maxLineBytes. */
    const emitPieces = (stream, st, line, out) => {
        let rest = line;
        while (rest.length > maxLineBytes) {
            const cut = utf8Cut(rest, maxLineBytes);
            emit(stream, st, rest.subarray(0, cut), out);
            rest = rest.subarray(cut);
        }
        emit(stream, st, rest, out);
    };
    const takePending = (st) => {
        const buf = st.pending.length === 1 ? st.pending[0] : Buffer.concat(st.pending, st.pendingBytes);
        st.pending = [];
        st.pendingBytes = 0;
        return buf;
    };
    const flushOut = (out) => {
        if (out.length > 0)
            write(out.join(''));
    };
    return {
        push(stream, chunk) {
            const st = states[stream];
            if (st.stopped) {
                st.dropped += chunk.length;
                return;
            }
            const out = [];
            let start = 0;
            for (;;) {
                const nl = chunk.indexOf(NEWLINE, start);
                if (nl === -1)
                    break;
                const piece = chunk.subarray(start, nl);
                let line = piece;
                if (st.pendingBytes > 0) {
                    st.pending.push(piece);
                    st.pendingBytes += piece.length;
                    line = takePending(st);
                }
                emitPieces(stream, st, line, out);
                start = nl + 1;
            }
            if (start < chunk.length && !st.stopped) {
                // Copy: the caller may reuse its buffer.
                st.pending.push(Buffer.from(chunk.subarray(start)));
                st.pendingBytes += chunk.length - start;
                if (st.pendingBytes >= maxLineBytes) {
                    // A line longer than the limit is written in pieces; the remainder stays pending.
                    let buf = takePending(st);
                    while (buf.length >= maxLineBytes && !st.stopped) {
                        const cut = utf8Cut(buf, maxLineBytes);
                        emit(stream, st, buf.subarray(0, cut), out);
                        buf = buf.subarray(cut);
                    }
                    if (buf.length > 0 && !st.stopped) {
                        st.pending.push(buf);
                        st.pendingBytes = buf.length;
                    }
                }
            }
            else if (start < chunk.length) {
                st.dropped += chunk.length - start;
            }
            flushOut(out);
        },
        flush() {
            const out = [];
            for (const stream of ['stdout', 'stderr']) {
                const st = states[stream];
                if (st.pendingBytes > 0)
                    emit(stream, st, takePending(st), out);
            }
            flushOut(out);
        },
        stats() {
            const s = (st) => ({
                echoedBytes: st.echoed,
                droppedBytes: st.dropped,
                stopped: st.stopped,
            });
            return { stdout: s(states.stdout), stderr: s(states.stderr) };
        },
    };
}
/** A fresh, unguessable token for `::stop-commands::` (the command's output cannot know it). */
function stopCommandsToken() {
    return (0,external_node_crypto_.randomBytes)(16).toString('hex');
}
/** The line that stops workflow command processing until `resumeCommandsLine(token)`. */
function stopCommandsLine(token) {
    return `::stop-commands::${token}\n`;
}
/** The line that resumes workflow command processing. */
function resumeCommandsLine(token) {
    return `::${token}::\n`;
}
/**
 * `text` fenced for one log call (which adds the final newline): the runner prints it verbatim and parses no
 * `::command::` or legacy `##[command]` in it. For text the action logs that it did not author (the command
 * it runs, a packet holding the command's output).
 */
function fencedText(text, token = stopCommandsToken()) {
    return `${stopCommandsLine(token)}${text}\n${resumeCommandsLine(token).trimEnd()}`;
}
/**
 * Runs `fn` with workflow commands stopped: writes the stop line, awaits `fn`, and always writes the resume
 * line (also when `fn` throws). Nothing written in between is interpreted by the runner — including the
 * action's own `core.warning` / `core.error` calls, so issue annotations after this returns.
 */
async function withWorkflowCommandsStopped(write, fn, token = stopCommandsToken()) {
    write(stopCommandsLine(token));
    try {
        return await fn();
    }
    finally {
        write(resumeCommandsLine(token));
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(51455);
;// CONCATENATED MODULE: ./src/verdict.ts
// Pure decisions at the end of a run: the SmokeResult from what the pipeline learned, the continuation
// signal, whether the job fails, whether a packet is due (SPEC §2).

function emptyFacts(dryRun) {
    return {
        mergeCommit: null,
        baseBranch: null,
        originHead: null,
        originHeadAfter: null,
        stale: false,
        taskId: null,
        prNumber: null,
        profile: null,
        smokeCommand: null,
        commandSource: null,
        dryRun,
        timeoutSeconds: null,
        execution: null,
        run: null,
    };
}
const PENDING_REPORTING = {
    commit_status: 'pending',
    artifact: 'pending',
    summary: 'pending',
};
function continuationFor(status) {
    switch (status) {
        case 'PASS':
            return { allow_continuation: true, reason: 'smoke passed on the merge commit' };
        case 'SKIPPED':
            return {
                allow_continuation: true,
                reason: 'no smoke command and dry-run allows skipping (policy §10)',
            };
        case 'STALE':
            return {
                allow_continuation: false,
                reason: 'the merge commit is no longer the head; the newer run decides',
            };
        case 'CANCELLED':
            return { allow_continuation: false, reason: 'the run was cancelled before a verdict' };
        default:
            return { allow_continuation: false, reason: `smoke ${status}: main needs attention (Critical #7)` };
    }
}
function buildResult(facts, verdict) {
    const x = facts.execution;
    const continuation = continuationFor(verdict.status);
    return {
        schema: contract_constants/* SMOKE_RESULT_SCHEMA_ID */.uA,
        status: verdict.status,
        reason: verdict.reason,
        message: verdict.message,
        merge_commit: facts.mergeCommit,
        base_branch: facts.baseBranch,
        origin_head: facts.originHead,
        origin_head_after: facts.originHeadAfter,
        stale: facts.stale,
        task_id: facts.taskId,
        pr_number: facts.prNumber,
        profile: facts.profile,
        smoke_command: facts.smokeCommand,
        command_source: facts.commandSource,
        dry_run: facts.dryRun,
        exit_code: x ? x.exitCode : null,
        signal: x ? x.signal : null,
        duration_ms: x ? x.durationMs : null,
        started_at: x ? x.startedAt : null,
        finished_at: x ? x.finishedAt : null,
        timeout_seconds: facts.timeoutSeconds,
        stdout: x ? x.stdout : null,
        stderr: x ? x.stderr : null,
        stdout_bytes: x ? x.stdoutBytes : null,
        stderr_bytes: x ? x.stderrBytes : null,
        stdout_truncated: x ? x.stdoutTruncated : false,
        stderr_truncated: x ? x.stderrTruncated : false,
        attempts: x ? x.attempts : [],
        flaky: x ? x.flaky : false,
        orphans_killed: x ? x.orphansKilled : 0,
        continuation,
        merge_queue_continuation_ready: continuation.allow_continuation,
        run: facts.run,
        reporting: { ...PENDING_REPORTING },
    };
}
function packetDue(status) {
    return contract_constants/* ESCALATING_STATUSES */.$h.includes(status);
}
/** Does the job fail? STALE depends on `on-stale`; CANCELLED exits non-zero (the runner marks it cancelled). */
function jobFails(status, onStale) {
    if (status === 'STALE')
        return onStale === 'fail';
    return status !== 'PASS' && status !== 'SKIPPED';
}

;// CONCATENATED MODULE: ./src/report/outputs.ts


/**
 * Budget for the `result` output, in UTF-8 bytes of its JSON. The runner limits job outputs to 1 MB; the
 * other outputs are small, so ~900 KB leaves room for them.
 */
const MAX_RESULT_OUTPUT_BYTES = 900_000;
const str = (v) => (v == null ? '' : String(v));
/**
 * Every action output as a string. `result` is the compact SmokeResult JSON, shrunk to fit
 * MAX_RESULT_OUTPUT_BYTES when needed (see `shrinkResult`). Expects an already redacted result.
 */
function buildOutputs(result, extra, maxResultBytes = MAX_RESULT_OUTPUT_BYTES) {
    const outputs = {
        status: result.status,
        result: JSON.stringify(shrinkResult(result, maxResultBytes)),
        'result-path': str(extra.resultPath),
        'merge-commit': str(result.merge_commit),
        'origin-head': str(result.origin_head),
        'task-id': str(result.task_id),
        'pr-number': str(result.pr_number),
        'exit-code': str(result.exit_code),
        'duration-ms': str(result.duration_ms),
        'continuation-ready': result.merge_queue_continuation_ready ? 'true' : 'false',
        'packet-path': str(extra.packetPath),
        'artifact-id': str(extra.artifactId),
        'artifact-url': str(extra.artifactUrl),
    };
    // Guard against a new output name being added without a value here.
    for (const name of OUTPUT_NAMES)
        outputs[name] ??= '';
    return outputs;
}
/** Marker put before a tail that was shortened to fit the job output limit. */
function shortenedMarker(droppedBytes) {
    return `…[${droppedBytes} bytes dropped to fit the job output limit]…\n`;
}
const jsonBytes = (value) => utf8Length(JSON.stringify(value));
/**
 * The longest head or tail of `text` whose JSON string form (quotes and escapes included) fits `budget`
 * bytes, cut on a UTF-8 boundary.
 */
function fitJson(text, budget, keep) {
    if (budget <= 2)
        return '';
    const cut = keep === 'head' ? utf8Head : utf8Tail;
    let bytes = budget - 2;
    let part = cut(text, bytes);
    // JSON escapes can make the encoded form several times longer than the raw bytes: scale down until it fits.
    for (let size = jsonBytes(part); part.length > 0 && size > budget; size = jsonBytes(part)) {
        bytes = Math.min(bytes - 1, Math.floor((utf8Length(part) * budget) / size) - 1);
        part = cut(text, Math.max(0, bytes));
    }
    return part;
}
/**
 * Shortens the given fields of `out` (in place) so that the whole JSON fits `maxBytes`: the room left by
 * everything else is shared between them, smaller fields first (one that needs less than its share leaves
 * the rest to the others). Returns the keys that were shortened.
 */
function fitFields(out, keys, maxBytes, keep, mark) {
    const present = keys.filter((k) => out[k] !== null);
    const blank = {};
    for (const k of present)
        blank[k] = '';
    let available = Math.max(0, maxBytes - jsonBytes({ ...out, ...blank }));
    const shortened = [];
    present
        .sort((a, b) => jsonBytes(out[a]) - jsonBytes(out[b]))
        .forEach((key, i) => {
        const text = out[key];
        const share = Math.floor(available / (present.length - i));
        let kept = text;
        if (jsonBytes(text) > share) {
            const textBytes = utf8Length(text);
            const room = Math.max(2, share - (jsonBytes(mark(textBytes)) - 2)); // the marker's size, at most
            const part = fitJson(text, room, keep);
            const marker = mark(textBytes - utf8Length(part));
            kept = keep === 'tail' ? marker + part : part + marker;
            shortened.push(key);
        }
        available -= jsonBytes(kept) - 2; // '' (2 bytes) is already counted
        out[key] = kept;
    });
    return shortened;
}
/**
 * A copy of `result` whose compact JSON is at most `maxBytes` UTF-8 bytes, still schema-valid. stdout and
 * stderr give way first: they keep their tails (the end of a failing log is what explains it), behind a
 * `…[N bytes dropped to fit the job output limit]…` marker, and their `*_truncated` flag is set. If that is
 * not enough (a giant command or message), those keep their heads. Returns `result` itself when it fits.
 */
function shrinkResult(result, maxBytes = MAX_RESULT_OUTPUT_BYTES) {
    if (jsonBytes(result) <= maxBytes)
        return result;
    const out = { ...result };
    for (const key of fitFields(out, ['stdout', 'stderr'], maxBytes, 'tail', shortenedMarker)) {
        if (key === 'stdout')
            out.stdout_truncated = true;
        if (key === 'stderr')
            out.stderr_truncated = true;
    }
    if (jsonBytes(out) <= maxBytes)
        return out;
    // Still too big: everything else is small and bounded except these two.
    fitFields(out, ['smoke_command', 'message'], maxBytes, 'head', (n) => `…[${n} bytes dropped]`);
    if (jsonBytes(out) <= maxBytes)
        return out;
    // Last resort (only with an absurdly small limit): drop the streams entirely.
    if (out.stdout !== null)
        out.stdout_truncated = true;
    if (out.stderr !== null)
        out.stderr_truncated = true;
    out.stdout = out.stdout === null ? null : '';
    out.stderr = out.stderr === null ? null : '';
    return out;
}

;// CONCATENATED MODULE: ./src/report/atomic-write.ts
// Atomic file writes: readers (a later step, `cat` in the workflow) never see a half-written file.



/** Writes `content` to a temp file next to `path`, then renames it over `path`. Creates the directory. */
async function writeFileAtomic(path, content) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
    const tmp = `${path}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`;
    try {
        await (0,promises_.writeFile)(tmp, content);
        await (0,promises_.rename)(tmp, path);
    }
    catch (e) {
        await (0,promises_.rm)(tmp, { force: true }).catch(() => undefined);
        throw e;
    }
}
/** Pretty JSON (2 spaces, trailing newline), written atomically. */
async function writeJsonAtomic(path, value) {
    await writeFileAtomic(path, JSON.stringify(value, null, 2) + '\n');
}

;// CONCATENATED MODULE: ./src/report/packet.ts
// The Critical #7 POST_MERGE_SMOKE_FAILED escalation packet (SPEC §1, §3, §8).




const PACKET_FILE_NAME = 'escalation-packet.json';
/** Bytes of each stream's tail kept as evidence. */
const PACKET_TAIL_BYTES = 4 * 1024;
/**
 * `<task_id | pr-<n> | sha7 | unknown>::POST_MERGE_SMOKE_FAILED::<merge_commit | unknown>` — the same for every
 * re-run of the same merge, so a consumer files one escalation, not one per attempt.
 */
function idempotencyKey(result) {
    const subject = result.task_id ||
        (result.pr_number !== null ? `pr-${result.pr_number}` : null) ||
        sha7(result.merge_commit) ||
        'unknown';
    return `${subject}::${contract_constants/* ESCALATION_TYPE_NAME */.rn}::${result.merge_commit ?? 'unknown'}`;
}
/**
 * The packet for a failed result (FAIL, TIMEOUT, BLOCKED, ERROR — the caller decides when one is due).
 * Evidence tails are the last 4 KiB of the captured streams, cut on a UTF-8 boundary. Expects an already
 * redacted result. Pure: the caller validates it against the schema (see schema-check.ts).
 */
function buildPacket(result, ctx) {
    const packet = {
        schema: contract_constants/* ESCALATION_PACKET_SCHEMA_ID */.RL,
        critical_no: contract_constants/* CriticalEscalationType */.VC.POST_MERGE_SMOKE_FAILED,
        escalation_type: contract_constants/* ESCALATION_TYPE_NAME */.rn,
        idempotency_key: idempotencyKey(result),
        merge_commit: result.merge_commit,
        task_id: result.task_id,
        pr_number: result.pr_number,
        repository: ctx.repository ?? result.run?.repository ?? null,
        run_url: ctx.runUrl ?? result.run?.url ?? null,
        created_at: ctx.now.toISOString(),
        evidence: {
            status: result.status,
            reason: result.reason,
            message: result.message,
            smoke_command: result.smoke_command,
            command_source: result.command_source,
            exit_code: result.exit_code,
            signal: result.signal,
            duration_ms: result.duration_ms,
            origin_head: result.origin_head,
            stdout_tail: utf8Tail(result.stdout ?? '', PACKET_TAIL_BYTES),
            stderr_tail: utf8Tail(result.stderr ?? '', PACKET_TAIL_BYTES),
        },
    };
    return packet;
}
/** Writes `<dir>/escalation-packet.json` (pretty, atomic), creating `dir`. Returns the path. */
async function writePacket(dir, packet) {
    const path = (0,external_node_path_.join)(dir, PACKET_FILE_NAME);
    await writeJsonAtomic(path, packet);
    return path;
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __nccwpck_require__(78474);
;// CONCATENATED MODULE: ./src/report/redact-file.ts
// Copies a log file through the redactor without holding it in memory: line by line, with very long lines
// handled in bounded pieces. Used for the logs that travel in the escalation artifact.



/** Longest piece redacted at once; a secret is far shorter, and a piece always ends on a line break if one is near. */
const MAX_PIECE = 256 * 1024;
/**
 * Writes `target` as the redacted copy of `source`, or of `fallbackText` when there is no source file or it
 * cannot be read.
 */
async function copyRedacted(source, fallbackText, target, redactor) {
    if (source) {
        try {
            await streamRedacted(source, target, redactor);
            return;
        }
        catch {
            // Fall through to the captured text: the artifact still carries the head and tail.
        }
    }
    await (0,promises_.writeFile)(target, redactor.redact(fallbackText));
}
async function streamRedacted(source, target, redactor) {
    const input = (0,external_node_fs_.createReadStream)(source, { encoding: 'utf8', highWaterMark: 64 * 1024 });
    const output = (0,external_node_fs_.createWriteStream)(target);
    const write = async (text) => {
        if (!output.write(redactor.redact(text)))
            await (0,external_node_events_.once)(output, 'drain');
    };
    try {
        let pending = '';
        for await (const chunk of input) {
            pending += chunk;
            while (pending.length > 0) {
                const nl = pending.lastIndexOf('\n', MAX_PIECE);
                if (nl >= 0) {
                    await write(pending.slice(0, nl + 1));
                    pending = pending.slice(nl + 1);
                }
                else if (pending.length > MAX_PIECE) {
                    await write(pending.slice(0, MAX_PIECE));
                    pending = pending.slice(MAX_PIECE);
                }
                else
                    break;
            }
        }
        if (pending)
            await write(pending);
    }
    finally {
        output.end();
        await (0,external_node_events_.once)(output, 'close');
    }
}

;// CONCATENATED MODULE: ./src/report/result-file.ts
// The result file (SPEC §8): `$RUNNER_TEMP/post-merge-smoke/smoke-result.json`.


const RESULT_FILE_NAME = 'smoke-result.json';
/**
 * Writes `result` as pretty JSON to `<dir>/smoke-result.json` (atomically: temp file + rename), creating
 * `dir`. Returns the file's path. Expects an already redacted result.
 */
async function writeResultFile(dir, result) {
    const path = (0,external_node_path_.join)(dir, RESULT_FILE_NAME);
    await writeJsonAtomic(path, result);
    return path;
}

;// CONCATENATED MODULE: ./src/report/schema-check.ts
let loading = null;
/** Starts loading the validators without waiting for them. */
function preloadValidators() {
    loading ??= Promise.all(/* import() */[__nccwpck_require__.e(377), __nccwpck_require__.e(204)]).then(__nccwpck_require__.bind(__nccwpck_require__, 13204));
    // A failure surfaces where the validators are awaited; do not let it become an unhandled rejection here.
    loading.catch(() => { });
}
function validators() {
    preloadValidators();
    return loading;
}

;// CONCATENATED MODULE: ./src/report/summary.ts

/** The runner rejects a step summary over 1 MiB; stay clearly below it. */
const MAX_SUMMARY_BYTES = 1_000_000;
/** Bytes of each stream's tail shown in the summary. */
const SUMMARY_TAIL_BYTES = 8 * 1024;
/** Bytes of a multi-line command shown in its own block. */
const COMMAND_BLOCK_BYTES = 16 * 1024;
const STATUS_EMOJI = {
    PASS: '✅',
    FAIL: '❌',
    TIMEOUT: '⏱️',
    SKIPPED: '⏭️',
    BLOCKED: '🚫',
    STALE: '💤',
    ERROR: '💥',
    CANCELLED: '🛑',
};
const HTML_ESCAPES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
};
/** Escapes `& < > " '` for HTML text and attribute values. */
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
// eslint-disable-next-line no-control-regex -- terminal escape sequences are exactly what we strip
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
// eslint-disable-next-line no-control-regex -- control characters other than tab and newline
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/g;
/** Removes ANSI escapes and control characters (tab and newline stay); CRLF and lone CR become LF. */
function plainText(text) {
    return text.replace(ANSI, '').replace(/\r\n?/g, '\n').replace(CONTROL, '');
}
/**
 * Escapes text for a Markdown table cell or any inline position: HTML-escaped, Markdown punctuation as
 * numeric character references, `|` escaped, newlines as <br>.
 */
function escapeInline(text) {
    return escapeHtml(plainText(text))
        .replace(/[|`\\*_[\]~!#]/g, (c) => `&#${c.charCodeAt(0)};`)
        .replace(/\n/g, '<br>');
}
/** `<code>…</code>` with the text escaped for a table cell. */
function inlineCode(text) {
    return `<code>${escapeInline(text)}</code>`;
}
/** A collapsible block of preformatted text; the content cannot close the block or inject markup. */
function detailsBlock(summaryHtml, text) {
    const body = escapeHtml(plainText(text)).replace(/\n+$/, '');
    return `<details><summary>${summaryHtml}</summary>\n\n<pre>\n${body}\n</pre>\n\n</details>\n`;
}
/** An http(s) link as an HTML anchor, or null when `url` is not a plain http(s) URL. */
function safeLink(url, textHtml) {
    if (!url)
        return null;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return null;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        return null;
    const href = escapeHtml(parsed.href.replace(/\|/g, '%7C'));
    return `<a href="${href}">${textHtml}</a>`;
}
const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
function repoUrl(ctx) {
    if (!ctx.repository || !REPOSITORY.test(ctx.repository))
        return null;
    return `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}`;
}
const NONE = '—';
const small = (text, max = 256) => text === null ? NONE : inlineCode(clip(text, max));
function commitCell(result, ctx) {
    const sha = result.merge_commit;
    if (!sha)
        return 'unknown';
    const base = repoUrl(ctx);
    const code = `<code>${sha7(sha)}</code>`;
    const link = base ? safeLink(`${base}/commit/${sha}`, code) : null;
    const branch = result.base_branch ? ` on ${inlineCode(clip(result.base_branch, 256))}` : '';
    return (link ?? code) + branch;
}
function prCell(result, ctx) {
    if (result.pr_number === null)
        return NONE;
    const base = repoUrl(ctx);
    const text = `#${result.pr_number}`;
    return (base ? safeLink(`${base}/pull/${result.pr_number}`, text) : null) ?? text;
}
function commandCell(result) {
    if (result.smoke_command === null)
        return NONE;
    const lines = result.smoke_command.split(/\r?\n/);
    const multi = lines.length > 1 || result.smoke_command.length > 200;
    const first = clip(lines[0], 200) + (lines.length > 1 ? ' …' : '');
    const source = result.command_source ? ` from ${result.command_source}` : '';
    return `${inlineCode(first)}${source}${multi ? ' (full script below)' : ''}`;
}
function exitCell(result) {
    const parts = [];
    if (result.exit_code !== null)
        parts.push(`exit code ${result.exit_code}`);
    if (result.signal !== null)
        parts.push(`signal ${inlineCode(clip(result.signal, 32))}`);
    return parts.length > 0 ? parts.join(', ') : NONE;
}
function durationCell(result) {
    const d = result.duration_ms === null ? NONE : formatDuration(result.duration_ms);
    return result.timeout_seconds === null ? d : `${d} (timeout ${formatSeconds(result.timeout_seconds)})`;
}
function attemptsCell(result) {
    if (result.attempts.length === 0)
        return NONE;
    const shown = result.attempts.slice(0, 20).map((a, i) => {
        const how = a.signal !== null ? `signal ${escapeInline(clip(a.signal, 32))}` : `exit ${a.exit_code ?? '?'}`;
        return `#${i + 1} ${a.status} (${how}, ${formatDuration(a.duration_ms)})`;
    });
    if (result.attempts.length > 20)
        shown.push(`… ${result.attempts.length - 20} more`);
    const flaky = result.flaky ? ' — **flaky**: passed after a failed attempt' : '';
    return `${result.attempts.length}: ${shown.join('; ')}${flaky}`;
}
function freshnessCell(result) {
    const head = result.origin_head ? `<code>${sha7(result.origin_head)}</code>` : 'unknown';
    const state = result.stale
        ? '**stale**: the base branch had moved past the merge commit'
        : result.origin_head && result.origin_head === result.merge_commit
            ? 'fresh (head = merge commit)'
            : result.origin_head
                ? 'not fresh'
                : 'not checked';
    let after = '';
    if (result.origin_head_after) {
        after =
            result.origin_head_after === result.origin_head
                ? '; unchanged at the end'
                : `; head at the end: <code>${sha7(result.origin_head_after)}</code> (moved during the run)`;
    }
    return `origin head ${head} — ${state}${after}`;
}
function continuationCell(result) {
    const c = result.continuation;
    const verdict = c.allow_continuation ? '✅ ready' : '⛔ not ready';
    return `${verdict} — ${escapeInline(clip(c.reason, 500))}`;
}
// The summary's own outcome is not shown: it is being written, and reading it is the proof it was.
function reportingCell(result) {
    const r = result.reporting;
    return [
        `commit status: ${escapeInline(clip(r.commit_status, 300))}`,
        `artifact: ${escapeInline(clip(r.artifact, 300))}`,
    ].join('<br>');
}
function artifactCell(ctx) {
    const parts = [];
    const link = safeLink(ctx.artifactUrl, 'escalation artifact');
    if (link)
        parts.push(link);
    if (ctx.packetPath)
        parts.push(`packet: ${inlineCode(clip(ctx.packetPath, 512))}`);
    if (parts.length === 0)
        return null;
    return parts.join('<br>');
}
function streamBlock(name, result, tailBytes) {
    const text = result[name];
    if (text === null)
        return null;
    const total = result[`${name}_bytes`];
    const truncated = result[`${name}_truncated`];
    const tail = utf8Tail(text, tailBytes);
    const cut = tail.length < text.length;
    const totalText = total === null ? '' : ` of ${total} bytes`;
    const label = text === ''
        ? `${name} (empty)`
        : cut || truncated
            ? `${name} — last ${formatBytes(utf8Length(tail))}${totalText}`
            : `${name}${totalText}`;
    return detailsBlock(escapeHtml(label), (cut ? '…\n' : '') + tail);
}
function formatBytes(n) {
    return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KiB`;
}
function render(result, ctx, tailBytes) {
    const rows = [
        ['Status', `**${result.status}** (${inlineCode(result.reason)})`],
        ['Message', escapeInline(clip(result.message, 2000))],
        ['Commit', commitCell(result, ctx)],
        ['Pull request', prCell(result, ctx)],
        ['Task', small(result.task_id)],
        ['Profile', small(result.profile)],
        ['Command', commandCell(result)],
        ['Dry run', result.dry_run ? 'yes' : 'no'],
        ['Duration', durationCell(result)],
        ['Exit', exitCell(result)],
        ['Attempts', attemptsCell(result)],
        ['Orphans killed', result.orphans_killed > 0 ? String(result.orphans_killed) : null],
        ['Freshness', freshnessCell(result)],
        ['Continuation', continuationCell(result)],
        ['Reporting', reportingCell(result)],
        ['Artifact', artifactCell(ctx)],
        ['Run', result.run ? safeLink(result.run.url, `run ${escapeInline(clip(result.run.run_id, 64))}`) : null],
    ];
    const out = [];
    out.push(`## ${STATUS_EMOJI[result.status]} post-merge-smoke: ${result.status}\n\n`);
    out.push('| | |\n|---|---|\n');
    for (const [label, value] of rows) {
        if (value !== null)
            out.push(`| ${label} | ${value} |\n`);
    }
    out.push('\n');
    if (result.smoke_command !== null && /\n/.test(result.smoke_command.trim())) {
        const script = utf8Head(result.smoke_command, COMMAND_BLOCK_BYTES);
        const more = script.length < result.smoke_command.length ? '\n…' : '';
        out.push(detailsBlock('Command script', script + more), '\n');
    }
    for (const name of ['stdout', 'stderr']) {
        const block = streamBlock(name, result, tailBytes);
        if (block)
            out.push(block, '\n');
    }
    return out.join('');
}
/**
 * The job summary for `result` as Markdown. Pure. Expects an already redacted result. Under
 * MAX_SUMMARY_BYTES whatever the input: the output tails shrink first, then only the table is kept.
 */
function renderSummary(result, ctx) {
    for (let tail = SUMMARY_TAIL_BYTES; tail >= 256; tail = Math.floor(tail / 2)) {
        const md = render(result, ctx, tail);
        if (utf8Length(md) <= MAX_SUMMARY_BYTES)
            return md;
    }
    const md = render({ ...result, stdout: null, stderr: null, smoke_command: null }, ctx, 0);
    return utf8Length(md) <= MAX_SUMMARY_BYTES
        ? md
        : `## ${STATUS_EMOJI[result.status]} post-merge-smoke: ${result.status}\n\n${escapeInline(clip(result.message, 2000))}\n`;
}

;// CONCATENATED MODULE: ./src/report/publish.ts
// Publishing a SmokeResult (SPEC §8) on every exit path. Each step is isolated: one failing (HTTP 403 on
// statuses, artifact service down, summary write error) never stops the others, and each outcome is
// recorded in `reporting`. Order matters only where one step feeds another: the artifact id feeds the
// outputs and the summary, and the result file and outputs come last so they carry every outcome.











async function publishResult(draft, input) {
    const { settings, ctx, outDir, redactor, fx } = input;
    const result = redactor.redactDeep(draft);
    const runUrl = result.run?.url ?? null;
    // Reporting outcomes quote error messages from elsewhere: they are redacted like everything else.
    const step = async (name, work) => redactor.redact(await isolated(name, fx.log, work, input.stepTimeoutMs ?? null));
    // 1. Commit status: the final state replaces the pending one (same context).
    const status = commitStatusFor(result);
    result.reporting.commit_status = status
        ? await step('commit status', () => postCommitStatus(fx.api, result.merge_commit, settings.statusContext, status.state, redactor.redact(status.description), runUrl))
        : `skipped: no commit status for ${result.status}`;
    // 2. The Critical #7 packet and its artifact.
    let packetPath = null;
    let artifact = null;
    if (packetDue(result.status)) {
        const dir = (0,external_node_path_.join)(outDir, 'escalation');
        result.reporting.artifact = await step('escalation packet', async () => {
            const packet = (await validators()).validatePacket(buildPacket(result, { repository: ctx.repository, runUrl, now: fx.now() }));
            // Nothing is lost: whenever the packet cannot reach the artifact, it goes to the log.
            const printPacket = () => {
                const printed = JSON.stringify(packet, null, 2);
                fx.log.info(`Critical #7 escalation packet:\n${fx.fenceWorkflowCommands ? fencedText(printed) : printed}`);
            };
            let files;
            try {
                await (0,promises_.mkdir)(dir, { recursive: true });
                packetPath = await writePacket(dir, packet);
                files = [packetPath, ...(await writeEvidence(dir, result, input))];
            }
            catch (e) {
                fx.log.warning(`Could not write the escalation packet to ${dir}: ${publish_errorText(e)}`);
                printPacket();
                throw e;
            }
            if (!fx.uploadArtifact)
                return `skipped: no artifact service; packet kept at ${packetPath}`;
            try {
                artifact = await fx.uploadArtifact({
                    name: settings.artifactName,
                    files,
                    rootDirectory: dir,
                    retentionDays: settings.artifactRetentionDays,
                });
                return `uploaded: ${settings.artifactName} (id ${artifact.id})`;
            }
            catch (e) {
                fx.log.warning(`Artifact upload failed; the packet stays at ${packetPath}.`);
                printPacket();
                return `failed: ${publish_errorText(e)}`;
            }
        });
    }
    else {
        result.reporting.artifact = `skipped: no packet for ${result.status}`;
    }
    const artifactNow = artifact;
    // 3. Job summary.
    result.reporting.summary = fx.appendSummary
        ? await step('job summary', async () => {
            const markdown = renderSummary(result, {
                serverUrl: ctx.serverUrl,
                repository: ctx.repository,
                artifactUrl: artifactNow?.url ?? null,
                packetPath,
            });
            await fx.appendSummary(redactor.redact(markdown));
            return 'written';
        })
        : 'skipped: no job summary outside Actions';
    // 4. Result file, validated first (a schema slip is a bug, but the file is still written).
    let checked = result;
    try {
        checked = (await validators()).validateResult(result);
    }
    catch (e) {
        fx.log.error(`The SmokeResult does not match its schema (a bug; please report it): ${publish_errorText(e)}`);
    }
    let resultPath = null;
    await isolated('result file', fx.log, async () => {
        resultPath = await writeResultFile(outDir, checked);
        return 'written';
    }, null);
    // 5. Outputs, each on its own: one bad value does not lose the others.
    if (fx.setOutput) {
        const outputs = buildOutputs(checked, {
            resultPath,
            packetPath,
            artifactId: artifactNow?.id ?? null,
            artifactUrl: artifactNow?.url ?? null,
        });
        for (const [name, value] of Object.entries(outputs)) {
            try {
                fx.setOutput(name, value);
            }
            catch (e) {
                fx.log.warning(`Could not set output ${name}: ${publish_errorText(e)}`);
            }
        }
    }
    // 6. Annotations, then the verdict on the job.
    if (packetDue(checked.status)) {
        fx.log.error(checked.message, 'Critical #7 POST_MERGE_SMOKE_FAILED');
    }
    else if (checked.status === 'STALE') {
        fx.log.warning(checked.message);
    }
    return {
        result: checked,
        resultPath,
        packetPath,
        artifact: artifactNow,
        failed: jobFails(checked.status, settings.onStale),
    };
}
/** The files that travel with the packet: the result and the redacted full logs. */
async function writeEvidence(dir, result, input) {
    const files = [await writeResultFile(dir, result)];
    const final = input.smokeRun?.final ?? null;
    for (const stream of ['stdout', 'stderr']) {
        const target = (0,external_node_path_.join)(dir, `${stream}.log`);
        const source = final?.[stream].logPath ?? null;
        // Without an on-disk log (the command never ran, or the log could not be written) the captured text stands in.
        await copyRedacted(source, result[stream] ?? '', target, input.redactor);
        files.push(target);
    }
    return files;
}
async function isolated(step, log, work, timeoutMs) {
    let timer;
    try {
        if (timeoutMs === null)
            return await work();
        const deadline = new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`gave up after ${timeoutMs} ms`)), timeoutMs);
        });
        return await Promise.race([work(), deadline]);
    }
    catch (e) {
        log.warning(`Reporting step '${step}' failed: ${publish_errorText(e)}`);
        return `failed: ${publish_errorText(e)}`;
    }
    finally {
        clearTimeout(timer);
    }
}
function publish_errorText(e) {
    return (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim().slice(0, 300);
}

;// CONCATENATED MODULE: ./src/report/redact.ts
// Secret redaction (SPEC §8): everything the action writes — outputs, files, summary, status, artifact, the
// live echo — goes through one Redactor first. It replaces with `***`:
//   1. literal secrets (the token's value, the runner's tokens; each line of a multi-line secret too),
//   2. well-known token shapes (GitHub, AWS access key ids, Slack, PEM private key blocks),
//   3. the user's `redact-patterns`.
// The runner masks registered secrets in the job log too, but it drops a whole job output that contains one;
// redacting first keeps `result` usable.
const REDACTED = '***';
/** Secrets shorter than this are ignored: redacting "abc" everywhere would shred the log and hide nothing. */
const MIN_SECRET_LENGTH = 4;
/** Environment variables whose values are always secrets when present. */
const RUNNER_SECRET_ENV = [
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'GITHUB_TOKEN',
];
/** Token shapes that are redacted whatever the configuration. */
const TOKEN_PATTERNS = [
    /gh[pousr]_[A-Za-z0-9]{36,}/g, // GitHub personal, OAuth, user-to-server, server-to-server, refresh tokens
    /github_pat_[A-Za-z0-9_]{22,}/g, // fine-grained personal access tokens
    /AKIA[0-9A-Z]{16}/g, // AWS access key ids
    /xox[abposr]-[A-Za-z0-9-]+/g, // Slack tokens
];
// PEM private keys. A key may be printed as lines, flattened onto one line (newlines turned into spaces), or
// with literal "\n" escapes (a key inside JSON); it may also be cut by the head/tail capture, leaving a BEGIN
// without its END or an END without its BEGIN. All of these are redacted, including the key material between.
const PEM_BEGIN = String.raw `-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----`;
const PEM_END = String.raw `-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----`;
/** Between the lines of a key: real whitespace or a literal \n / \r escape. */
const PEM_SEP = String.raw `(?:[ \t\r\n]|\\[rn])+`;
/** One piece of key material: base64, or an armor header (legacy encrypted PEM, PGP). */
const PEM_TOKEN = String.raw `(?:[A-Za-z0-9+/=]+|(?:Proc-Type|DEK-Info|Version|Comment):[^\r\n]*)`;
/** A BEGIN marker, the key material after it, and its END marker when there is one. */
const PEM_BLOCK = new RegExp(`${PEM_BEGIN}(?:${PEM_SEP}${PEM_TOKEN})*(?:${PEM_SEP}?${PEM_END})?`, 'g');
const PEM_END_ONLY = new RegExp(PEM_END, 'g');
const PEM_BEGIN_ONE = new RegExp(PEM_BEGIN);
const PEM_END_ONE = new RegExp(PEM_END);
/** A whole line that is only key material (used while a key is open in line mode). */
const PEM_BODY_LINE = /^\s*(?:[A-Za-z0-9+/=]+|(?:Proc-Type|DEK-Info|Version|Comment):.*)?\s*$/;
const BASE64_CHAR = /[A-Za-z0-9+/=]/;
const SPACE_CHAR = /[ \t\r\n]/;
/**
 * An END marker left without its BEGIN (the head of the key was cut away): redact the marker and the key
 * material right before it, walking back over base64 runs and separators. Linear in the text length.
 */
function redactLoneEnds(text) {
    if (!text.includes('-----END '))
        return text;
    let out = '';
    let last = 0;
    for (const m of text.matchAll(PEM_END_ONLY)) {
        const markerStart = m.index;
        let start = markerStart;
        for (;;) {
            let j = start;
            // separators: whitespace or a literal "\n"/"\r" (backslash + letter)
            for (;;) {
                if (j > last && SPACE_CHAR.test(text[j - 1]))
                    j--;
                else if (j - 1 > last && text[j - 2] === '\\' && (text[j - 1] === 'n' || text[j - 1] === 'r'))
                    j -= 2;
                else
                    break;
            }
            let k = j;
            while (k > last && BASE64_CHAR.test(text[k - 1]))
                k--;
            if (k === j)
                break;
            start = k;
        }
        out += text.slice(last, start) + REDACTED;
        last = markerStart + m[0].length;
    }
    return out + text.slice(last);
}
function redactPem(text) {
    if (!text.includes('PRIVATE KEY'))
        return text;
    return redactLoneEnds(text.replace(PEM_BLOCK, REDACTED));
}
/** A copy of a user pattern that is global (so replace covers every match) and not sticky. */
function globalCopy(pattern) {
    const flags = pattern.flags.replace(/[gy]/g, '');
    return new RegExp(pattern.source, flags + 'g');
}
/** Replaces non-empty matches only: a pattern that matches the empty string must not sprinkle `***`. */
function replaceNonEmpty(match) {
    return match === '' ? '' : REDACTED;
}
class Redactor {
    secrets;
    patterns;
    constructor(options) {
        this.secrets = [];
        for (const s of options.secrets)
            this.addSecret(s);
        this.patterns = options.patterns.map(globalCopy);
    }
    /**
     * A redactor for the runner's environment: the values of ACTIONS_RUNTIME_TOKEN,
     * ACTIONS_ID_TOKEN_REQUEST_TOKEN and GITHUB_TOKEN (when set), plus `extraSecrets` (e.g. the
     * `github-token` input) and `patterns` (the `redact-patterns` input).
     */
    static fromEnv(env, extraSecrets = [], patterns = []) {
        const secrets = RUNNER_SECRET_ENV.map((name) => env[name] ?? '');
        return new Redactor({ secrets: [...secrets, ...extraSecrets], patterns });
    }
    /**
     * Adds a secret learnt later (e.g. a token fetched at run time). Ignores empty and short values; a
     * multi-line value is also added line by line (the runner masks it that way too).
     */
    addSecret(secret) {
        const candidates = [secret, secret.trim(), ...secret.split(/\r?\n/).map((l) => l.trim())];
        for (const c of candidates) {
            if (c.length >= MIN_SECRET_LENGTH && !this.secrets.includes(c))
                this.secrets.push(c);
        }
        // Longest first, so a secret that contains another is replaced whole.
        this.secrets.sort((a, b) => b.length - a.length);
    }
    /** `text` with every secret, known token shape and user pattern replaced by `***`. */
    redact(text) {
        let out = text;
        for (const s of this.secrets) {
            if (out.includes(s))
                out = out.split(s).join(REDACTED);
        }
        out = redactPem(out);
        for (const p of TOKEN_PATTERNS)
            out = out.replace(p, REDACTED);
        for (const p of this.patterns)
            out = out.replace(p, replaceNonEmpty);
        return out;
    }
    /**
     * A deep copy of a JSON value with every string redacted — object keys included. Numbers, booleans and
     * null are kept; non-plain objects (Date, Buffer, …) are returned as they are.
     */
    redactDeep(value) {
        return this.deep(value);
    }
    deep(value) {
        if (typeof value === 'string')
            return this.redact(value);
        if (Array.isArray(value))
            return value.map((v) => this.deep(v));
        if (value !== null && typeof value === 'object') {
            const proto = Object.getPrototypeOf(value);
            if (proto !== Object.prototype && proto !== null)
                return value;
            const out = {};
            for (const [k, v] of Object.entries(value))
                out[this.redact(k)] = this.deep(v);
            return out;
        }
        return value;
    }
    /**
     * A stateful redactor for a stream of lines (the live echo, log files). Besides `redact`, it remembers a
     * PEM private key that was opened on an earlier line and redacts the key material lines that follow, up
     * to and including the END line (or the first line that is not key material). Use one per stream.
     */
    lineRedactor() {
        let inKey = false;
        return (line) => {
            if (inKey) {
                const end = PEM_END_ONE.exec(line);
                if (end) {
                    inKey = false;
                    const rest = line.slice(end.index + end[0].length);
                    return REDACTED + this.redactLine(rest, () => (inKey = true));
                }
                if (PEM_BODY_LINE.test(line))
                    return REDACTED;
                inKey = false;
            }
            return this.redactLine(line, () => (inKey = true));
        };
    }
    redactLine(line, openKey) {
        const out = this.redact(line);
        // Does the raw line open a key that it does not close?
        const begin = PEM_BEGIN_ONE.exec(line);
        if (begin) {
            let lastBegin = begin.index;
            for (;;) {
                const next = PEM_BEGIN_ONE.exec(line.slice(lastBegin + 1));
                if (!next)
                    break;
                lastBegin += 1 + next.index;
            }
            if (!PEM_END_ONE.test(line.slice(lastBegin)))
                openKey();
        }
        return out;
    }
}

;// CONCATENATED MODULE: ./src/pipeline.ts
// freshness → resolve → execute → decide → report, with the exit-path guarantee: whatever happens in the
// first four steps (a thrown error, a cancellation, a bad input), a SmokeResult is built and published.












/**
 * The reason the action aborts the run with when something outside the pipeline broke (an uncaught
 * exception): the smoke is killed like on a cancellation, but the verdict is ERROR, not CANCELLED.
 */
class InternalFailure extends Error {
    constructor(message) {
        super(message);
        this.name = 'InternalFailure';
    }
}
class Cancelled extends Error {
    constructor() {
        super('the run was cancelled');
    }
}
/** An early verdict that ends the decision steps. */
class Stop extends Error {
    verdict;
    constructor(verdict) {
        super(verdict.message);
        this.verdict = verdict;
    }
}
function stop(status, reason, message) {
    throw new Stop({ status, reason, message });
}
async function runPipeline(cfg, fx, signal) {
    const facts = emptyFacts(cfg.settings.dryRun);
    facts.run = runInfo(cfg.ctx);
    facts.baseBranch = cfg.settings.baseBranch;
    const redactor = Redactor.fromEnv(cfg.env, cfg.secrets, cfg.settings.redactPatterns);
    let smokeRun = null;
    let verdict;
    try {
        const decided = await decide(cfg, fx, facts, signal, redactor);
        if (decided.kind === 'plan')
            return { kind: 'plan', plan: decided.plan, facts };
        smokeRun = decided.run;
        verdict = decided.verdict;
    }
    catch (e) {
        if (e instanceof Stop)
            verdict = e.verdict;
        else if (e instanceof Cancelled || signal.aborted)
            verdict = cancelledVerdict();
        else if (e instanceof ResolveInfraError) {
            facts.taskId = e.context.taskId;
            facts.profile = e.context.profile;
            verdict = { status: 'ERROR', reason: e.reason, message: e.message };
        }
        else {
            fx.log.debug(e instanceof Error && e.stack ? e.stack : String(e));
            verdict = {
                status: 'ERROR',
                reason: 'internal_error',
                message: `post-merge-smoke failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`,
            };
        }
    }
    if (verdict.status === 'CANCELLED' && signal.reason instanceof InternalFailure) {
        verdict = {
            status: 'ERROR',
            reason: 'internal_error',
            message: `post-merge-smoke failed unexpectedly: ${signal.reason.message}; the smoke was stopped and its process tree killed.`,
        };
    }
    const draft = buildResult(facts, verdict);
    const publication = await publishResult(draft, {
        settings: cfg.settings,
        ctx: cfg.ctx,
        outDir: cfg.outDir,
        redactor,
        smokeRun,
        fx,
        // After a cancellation the runner allows a few seconds: no reporting step may wait long.
        stepTimeoutMs: verdict.status === 'CANCELLED' ? 3000 : null,
    });
    return { kind: 'published', ...publication };
}
function cancelledVerdict() {
    return {
        status: 'CANCELLED',
        reason: 'cancelled',
        message: 'The run was cancelled; the smoke process tree was killed.',
    };
}
/** Rejects with Cancelled as soon as the signal fires, so a slow step cannot hold up the report. */
function orCancel(work, signal) {
    if (signal.aborted)
        return Promise.reject(new Cancelled());
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(new Cancelled());
        signal.addEventListener('abort', onAbort, { once: true });
        work.then((v) => {
            signal.removeEventListener('abort', onAbort);
            resolve(v);
        }, (e) => {
            signal.removeEventListener('abort', onAbort);
            reject(e instanceof Error ? e : new Error(String(e)));
        });
    });
}
async function decide(cfg, fx, facts, signal, redactor) {
    const s = cfg.settings;
    if (cfg.inputErrors.length > 0) {
        stop('BLOCKED', 'invalid_input', cfg.inputErrors.map((e) => e.message).join(' '));
    }
    // --- the commit under test
    const mc = await orCancel(resolveMergeCommit(fx.git, s.remote, s.mergeCommit, { baseBranch: s.baseBranch }), signal);
    if (!mc.ok)
        stop(mc.reason === 'invalid_input' ? 'BLOCKED' : 'ERROR', mc.reason, mc.message);
    const sha = mc.sha;
    facts.mergeCommit = sha;
    // --- freshness gate
    const freshnessInput = {
        git: fx.git,
        api: fx.api,
        remote: s.remote,
        baseBranch: s.baseBranch,
        mergeCommit: sha,
        retry: cfg.retry,
    };
    // The gate and the resolution only read (git, the API), so they run side by side; the gate's verdict
    // still comes first. A stale run keeps the task and PR the resolution found, for the record.
    const resolution = settle(resolveFromMetadata(cfg, fx, sha));
    const fresh = await orCancel(checkFreshness(freshnessInput), signal);
    facts.originHead = fresh.originHead;
    fx.log.info(`Freshness (${fresh.via}): ${fresh.message}`);
    if (fresh.kind !== 'fresh') {
        const found = await orCancel(resolution, signal);
        if (found.ok) {
            facts.prNumber = found.value.discovery.number;
            facts.taskId = found.value.outcome.taskId;
        }
    }
    if (fresh.kind === 'stale') {
        facts.stale = true;
        if (s.onStale !== 'run')
            stop('STALE', fresh.reason, fresh.message);
        fx.log.warning(`${fresh.message} on-stale is 'run': testing ${sha} anyway; the result records stale: true.`);
    }
    else if (fresh.kind === 'error') {
        stop('ERROR', fresh.reason, fresh.message);
    }
    else if (fresh.kind === 'blocked') {
        stop('BLOCKED', fresh.reason, fresh.message);
    }
    // --- which command, from which reviewed source
    const settled = await orCancel(resolution, signal);
    if (!settled.ok)
        throw settled.error;
    const { discovery, outcome, notes } = settled.value;
    facts.prNumber = discovery.number;
    for (const [level, note] of notes)
        fx.log[level](note);
    facts.taskId = outcome.taskId;
    facts.profile = outcome.profile;
    const policy = applyPolicy(s.dryRun, outcome);
    if (policy.kind !== 'run')
        stop(policy.status, policy.reason, policy.message);
    if (outcome.kind !== 'command')
        throw new Error('policy allowed a run without a command');
    facts.smokeCommand = outcome.command;
    facts.commandSource = outcome.source;
    const effective = effectiveOptions(s, outcome.options, cfg.ctx);
    facts.timeoutSeconds = effective.timeoutSeconds;
    fx.log.info(`Smoke command (from ${outcome.source}${outcome.profile ? `, profile ${outcome.profile}` : ''}):`);
    const shownCommand = redactor.redact(outcome.command);
    fx.log.info(fx.fenceWorkflowCommands ? fencedText(shownCommand) : shownCommand);
    if (!cfg.apply)
        return { kind: 'plan', plan: { command: outcome.command, source: outcome.source, ...effective } };
    // --- the workspace must be the merge commit's tree
    await orCancel(workspaceAt(cfg, fx, sha), signal);
    const pendingContent = pendingStatus({
        taskId: facts.taskId,
        prNumber: facts.prNumber,
        timeoutSeconds: effective.timeoutSeconds,
    });
    const pending = postCommitStatus(fx.api, sha, s.statusContext, pendingContent.state, redactor.redact(pendingContent.description), facts.run?.url ?? null).then((outcome) => {
        if (outcome.startsWith('failed'))
            fx.log.warning(`Pending commit status: ${outcome}`);
    });
    // --- execution
    const spec = {
        command: outcome.command,
        shell: effective.shell,
        workingDirectory: effective.workingDirectory,
        timeoutSeconds: effective.timeoutSeconds,
        killGraceSeconds: s.killGraceSeconds,
        maxOutputBytes: s.maxOutputBytes,
        logMaxBytes: s.logMaxBytes,
        logDir: (0,external_node_path_.join)(cfg.outDir, 'logs'),
        env: buildChildEnv(cfg.env, {
            SMOKE_MERGE_COMMIT: sha,
            SMOKE_TASK_ID: facts.taskId ?? '',
            SMOKE_PR_NUMBER: facts.prNumber === null ? '' : String(facts.prNumber),
        }, cfg.secrets),
        retries: s.retries,
        retryOn: s.retryOn,
        echo: (stream, chunk) => echo.push(stream, chunk),
        onAttempt: (n, of) => {
            if (of > 1)
                echo.note(`::: attempt ${n} of ${of} :::\n`);
        },
    };
    const echo = liveEcho(fx, redactor);
    const execute = () => runSmoke(spec, { signal }).finally(() => echo.flush());
    const run = fx.fenceWorkflowCommands
        ? await withWorkflowCommandsStopped(fx.writeLive, execute)
        : await execute();
    await pending;
    facts.execution = {
        exitCode: run.final.exitCode,
        signal: run.final.signal,
        durationMs: run.durationMs,
        startedAt: run.startedAt,
        finishedAt: run.finishedAt,
        stdout: run.final.stdout.text,
        stderr: run.final.stderr.text,
        stdoutBytes: run.final.stdout.totalBytes,
        stderrBytes: run.final.stderr.totalBytes,
        stdoutTruncated: run.final.stdout.truncated,
        stderrTruncated: run.final.stderr.truncated,
        attempts: run.attempts.map((a) => ({
            exit_code: a.exitCode,
            signal: a.signal,
            status: a.status,
            duration_ms: a.durationMs,
        })),
        flaky: run.flaky,
        orphansKilled: run.orphansKilled,
    };
    if (run.flaky) {
        fx.log.warning(`The smoke passed on attempt ${run.attempts.length} after failing: it is flaky.`);
    }
    if (run.status !== 'CANCELLED') {
        facts.originHeadAfter = await orCancel(readHeadAfter(freshnessInput), signal).catch(() => null);
    }
    return { kind: 'verdict', verdict: { status: run.status, reason: run.reason, message: run.message }, run };
}
/** Commit message → pull request → command: everything the reviewed metadata says about this merge. */
async function resolveFromMetadata(cfg, fx, sha) {
    const s = cfg.settings;
    const notes = [];
    const log = await fx.git.run(['log', '-1', '--format=%B', sha, '--']);
    if (log.exitCode !== 0)
        stop('ERROR', 'git_failed', `Could not read the message of ${sha}: ${gitFailure(log)}.`);
    const commitMessage = log.stdout;
    const discovery = await discoverPullRequest({
        commitMessage,
        sha,
        baseBranch: s.baseBranch,
        api: fx.api,
        retry: cfg.retry,
    });
    for (const note of discovery.notes)
        notes.push(['info', note]);
    if (discovery.error) {
        const why = `Could not look up the pull request of ${sha}: ${discovery.error.message}`;
        // An explicit command does not depend on PR metadata; everything else would be resolved on partial data.
        if (s.smokeCommand === null)
            stop('ERROR', 'api_failed', `${why}. Grant the token pull-requests: read.`);
        notes.push(['warning', `${why}; continuing with the smoke-command input.`]);
    }
    const outcome = await resolveCommand({
        smokeCommand: s.smokeCommand,
        profile: s.profile,
        taskId: s.taskId,
        taskIdPattern: s.taskIdPattern,
        registryPath: s.registryPath,
        taskPath: s.taskPath,
        prBodyCommand: s.prBodyCommand,
        commitMessage,
        pr: discovery.pr,
        loadPrEditTimes: () => {
            if (!fx.api || discovery.number === null)
                return Promise.resolve({ lastEditedAt: null, mergedAt: null });
            return fx.api.getPullEditTimes(discovery.number);
        },
        tree: new GitTreeReader(fx.git, sha),
        taskFileOverride: cfg.taskFileOverride ?? null,
    });
    for (const note of outcome.notes)
        notes.push(['info', note]);
    return { discovery, outcome, notes };
}
/** A promise that never rejects, so work started early cannot become an unhandled rejection. */
function settle(work) {
    return work.then((value) => ({ ok: true, value }), (error) => ({ ok: false, error }));
}
/** The live echo of the command's output, redacted line by line. */
function liveEcho(fx, redactor) {
    const echo = createLiveEcho(redactor, fx.writeLive);
    return {
        push: (stream, chunk) => echo.push(stream, chunk),
        flush: () => echo.flush(),
        note: (text) => {
            echo.flush();
            fx.writeLive(text);
        },
    };
}
async function workspaceAt(cfg, fx, sha) {
    const s = cfg.settings;
    if (!cfg.checkoutWorkspace) {
        const head = await fx.git.run(['rev-parse', '--verify', 'HEAD']);
        if (head.exitCode !== 0)
            stop('ERROR', 'git_failed', `Could not read HEAD: ${gitFailure(head)}.`);
        const at = head.stdout.trim();
        if (at !== sha) {
            stop('ERROR', 'workspace_mismatch', `The repository is at ${at.slice(0, 12)}, not at the merge commit ${sha.slice(0, 12)}; ` +
                `check it out first (git switch --detach ${sha}).`);
        }
        return;
    }
    const ws = await ensureWorkspaceAt(fx.git, s.remote, sha, { baseBranch: s.baseBranch });
    if (!ws.ok)
        stop('ERROR', ws.reason, ws.message);
    if (ws.action === 'checked-out')
        fx.log.info(`Checked out ${sha} (detached) in the workspace.`);
}
function effectiveOptions(s, fromMetadata, ctx) {
    const wd = s.workingDirectory ?? fromMetadata.workingDirectory ?? '.';
    return {
        // An explicit input is a choice made in the reviewed workflow file: it wins over the registry.
        timeoutSeconds: s.timeoutSeconds ?? fromMetadata.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
        shell: s.shell ?? fromMetadata.shell ?? (ctx.os === 'Windows' ? 'pwsh' : 'bash'),
        workingDirectory: (0,external_node_path_.isAbsolute)(wd) ? wd : (0,external_node_path_.resolve)(ctx.workspace, wd),
    };
}
function runInfo(ctx) {
    if (!ctx.repository || !ctx.runId)
        return null;
    return {
        repository: ctx.repository,
        run_id: ctx.runId,
        run_attempt: ctx.runAttempt,
        url: `${ctx.serverUrl}/${ctx.repository}/actions/runs/${ctx.runId}/attempts/${ctx.runAttempt}`,
    };
}

;// CONCATENATED MODULE: ./src/report/artifact.ts

/** The context from the runner's environment (GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID). */
function artifactRunContextFromEnv(env) {
    return {
        serverUrl: env.GITHUB_SERVER_URL || null,
        repository: env.GITHUB_REPOSITORY || null,
        runId: env.GITHUB_RUN_ID || null,
    };
}
/** `${server}/${repo}/actions/runs/${runId}/artifacts/${id}`, or null when any part is unknown. */
function artifactUrl(ctx, id) {
    if (!ctx.serverUrl || !ctx.repository || !ctx.runId)
        return null;
    return `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}/actions/runs/${ctx.runId}/artifacts/${id}`;
}
function withDeadline(promise, timeoutMs) {
    if (timeoutMs == null)
        return promise;
    let timer;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
/**
 * Uploads `upload.files` (relative to `upload.rootDirectory`) as one zipped artifact. Returns its id, size
 * and run-page URL (when `ctx` knows the server, repository and run). Throws an Error
 * "artifact upload failed: …" (one line, original error as `cause`); the caller records the outcome.
 * Needs ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL in the environment (the client reads them itself).
 */
async function uploadEscalationArtifact(upload, ctx = {}) {
    try {
        const { DefaultArtifactClient } = await Promise.all(/* import() */[__nccwpck_require__.e(913), __nccwpck_require__.e(500)]).then(__nccwpck_require__.bind(__nccwpck_require__, 97500));
        const client = new DefaultArtifactClient();
        const options = upload.retentionDays ? { retentionDays: upload.retentionDays } : {};
        const res = await withDeadline(client.uploadArtifact(upload.name, upload.files, upload.rootDirectory, options), ctx.timeoutMs);
        if (res.id === undefined)
            throw new Error('the service returned no artifact id');
        return { id: res.id, size: res.size ?? 0, url: artifactUrl(ctx, res.id) };
    }
    catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        throw new Error(`artifact upload failed: ${clip(oneLine(message), 500)}`, { cause: e });
    }
}
/** An ArtifactUploader bound to a run context. */
function createArtifactUploader(ctx) {
    return (upload) => uploadEscalationArtifact(upload, ctx);
}

;// CONCATENATED MODULE: ./src/report/emergency.ts






async function emergencyPublish(error, c) {
    const redactor = Redactor.fromEnv(c.env, c.secrets, c.settings.redactPatterns);
    const why = redactor.redact(error instanceof Error ? error.message : String(error));
    const facts = emptyFacts(c.settings.dryRun);
    facts.mergeCommit = contract_constants/* FULL_SHA */.RG.test(c.settings.mergeCommit) ? c.settings.mergeCommit : null;
    facts.baseBranch = c.settings.baseBranch;
    const result = buildResult(facts, {
        status: 'ERROR',
        reason: 'internal_error',
        message: `post-merge-smoke could not publish its result: ${why}`,
    });
    result.reporting = {
        commit_status: 'skipped: reporting failed',
        artifact: 'skipped: reporting failed',
        summary: 'pending',
    };
    c.log.error(result.message, 'Critical #7 POST_MERGE_SMOKE_FAILED');
    let resultPath = null;
    try {
        resultPath = await writeResultFile(c.outDir, result);
    }
    catch (e) {
        c.log.warning(`Could not write the result file: ${e.message}`);
    }
    try {
        c.runner.appendSummary(`## post-merge-smoke: ERROR\n\n${escapeHtml(result.message)}\n`);
        result.reporting.summary = 'written';
    }
    catch {
        result.reporting.summary = 'failed: summary unavailable';
    }
    const outputs = buildOutputs(result, { resultPath, packetPath: null, artifactId: null, artifactUrl: null });
    for (const [name, value] of Object.entries(outputs)) {
        try {
            c.runner.setOutput(name, value);
        }
        catch {
            // Each output on its own.
        }
    }
}

;// CONCATENATED MODULE: ./src/main.ts
// The action's run(): read the runner's environment, build the adapters, run the pipeline, and fail the
// job only after everything is reported. Signals and stray errors are turned into a reported result too.










/** Tokens the runner hands the action; they must never reach the smoke command or anything we write. */
const RUNNER_SECRET_VARS = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
/** After an uncaught exception, how long the pipeline gets to report before the emergency report. */
const WATCHDOG_MS = 15_000;
async function run(env = process.env) {
    preloadValidators();
    const runner = new RunnerProtocol(env);
    const log = runner.logger();
    const controller = new AbortController();
    const onSignal = (signal) => {
        if (!controller.signal.aborted) {
            log.info(`Received ${signal}: cancelling the smoke and reporting CANCELLED.`);
            controller.abort();
        }
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    process.on('unhandledRejection', (reason) => {
        // A stray rejection must not crash the process before the result is reported.
        log.warning(`Unhandled rejection (continuing): ${reason instanceof Error ? reason.message : String(reason)}`);
    });
    const ctx = runnerContextFromEnv(env, (p) => (0,external_node_fs_.readFileSync)(p, 'utf8'));
    // The runner keeps hyphens in INPUT_ names (INPUT_SMOKE-COMMAND); read them exactly as @actions/core does.
    const getInput = (name) => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
    const { settings, errors } = parseSettings(getInput, ctx);
    const secrets = [settings.githubToken, ...RUNNER_SECRET_VARS.map((v) => env[v] ?? '')].filter((s) => s !== '');
    for (const secret of secrets)
        runner.setSecret(secret);
    const outDir = (0,external_node_path_.join)(ctx.runnerTemp || (0,external_node_os_.tmpdir)(), 'post-merge-smoke');
    // Something threw outside every await (a callback): stop the smoke through the pipeline, which then
    // reports ERROR. If the pipeline cannot finish, the watchdog reports on its own and ends the process.
    let watchdog;
    let reported = false;
    const onUncaught = (error) => {
        log.error(`Unexpected error: ${error.message}`, 'post-merge-smoke internal error');
        if (controller.signal.aborted)
            return;
        controller.abort(new InternalFailure(error.message));
        watchdog = setTimeout(() => {
            if (reported)
                return;
            reported = true;
            void emergencyPublish(error, { settings, outDir, secrets, env, log, runner }).finally(() => process.exit(1));
        }, WATCHDOG_MS);
    };
    process.on('uncaughtException', onUncaught);
    // Backoff unit for the freshness gate, PR discovery and the API client. Only tests change it (to keep
    // "API unreachable" runs short); it is deliberately not an input.
    const backoffMs = Number(env.POST_MERGE_SMOKE_BACKOFF_MS) > 0 ? Number(env.POST_MERGE_SMOKE_BACKOFF_MS) : 1000;
    try {
        // The REST client (octokit, undici) is a third of the bundle: load it only when there is a token to use.
        const api = settings.githubToken && ctx.repository
            ? new (await Promise.all(/* import() */[__nccwpck_require__.e(913), __nccwpck_require__.e(896)]).then(__nccwpck_require__.bind(__nccwpck_require__, 74896))).GitHubRestApi({
                token: settings.githubToken,
                repository: ctx.repository,
                apiUrl: ctx.apiUrl,
                graphqlUrl: ctx.graphqlUrl,
                retryBaseMs: backoffMs,
            })
            : null;
        const artifactService = Boolean(env.ACTIONS_RESULTS_URL && env.ACTIONS_RUNTIME_TOKEN);
        const fx = {
            git: new GitCli(ctx.workspace, env),
            api,
            log,
            writeLive: (text) => process.stdout.write(text),
            fenceWorkflowCommands: true,
            setOutput: (name, value) => runner.setOutput(name, value),
            appendSummary: runner.hasSummary ? async (markdown) => runner.appendSummary(markdown) : null,
            uploadArtifact: artifactService
                ? (upload) => uploadEscalationArtifact(upload, {
                    serverUrl: ctx.serverUrl,
                    repository: ctx.repository,
                    runId: ctx.runId,
                })
                : null,
            now: () => new Date(),
        };
        const outcome = await runPipeline({
            settings,
            inputErrors: errors,
            ctx,
            outDir,
            retry: { delaysMs: [1, 2, 4, 8].map((n) => n * backoffMs) },
            apply: true,
            env,
            secrets,
            checkoutWorkspace: true,
        }, fx, controller.signal);
        if (outcome.kind !== 'published')
            throw new Error('the action always applies; a plan cannot be its outcome');
        reported = true;
        const result = outcome.result;
        log.info(`post-merge-smoke: ${result.status} (${result.reason}): ${result.message}`);
        if (outcome.failed) {
            // The Critical #7 annotation is already out; a failing STALE still needs its own.
            if (result.status === 'STALE')
                log.error(result.message, 'post-merge-smoke STALE');
            process.exitCode = 1;
        }
    }
    catch (e) {
        // Only a bug in publishing itself lands here; report what we can and fail.
        if (!reported) {
            reported = true;
            await emergencyPublish(e, { settings, outDir, secrets, env, log, runner });
        }
        process.exitCode = 1;
    }
    finally {
        clearTimeout(watchdog);
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        process.off('uncaughtException', onUncaught);
    }
}

;// CONCATENATED MODULE: ./src/index.ts
// Action entry: the runner executes dist/index.js, built from this file.

void run().finally(() => {
    // Let stdout drain (the runner reads it through a pipe), then leave even if a keep-alive socket lingers.
    process.stdout.write('', () => process.exit());
});

