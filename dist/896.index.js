export const id = 896;
export const ids = [896];
export const modules = {

/***/ 74896:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubRestApi: () => (/* binding */ GitHubRestApi),
/* harmony export */   MAX_STATUS_DESCRIPTION: () => (/* binding */ MAX_STATUS_DESCRIPTION),
/* harmony export */   truncateDescription: () => (/* binding */ truncateDescription)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61351);
/* harmony import */ var _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(85555);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49735);
/* harmony import */ var _github_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92401);
// The real GitHubApi: REST + GraphQL through @actions/github's Octokit with @octokit/plugin-retry. Every
// failure comes back as a GitHubApiError whose message never carries the token; every HTTP attempt has its
// own deadline so a hung server cannot hang the action.




/** GitHub rejects commit status descriptions longer than this. */
const MAX_STATUS_DESCRIPTION = 140;
const RELATIONS = ['identical', 'ahead', 'behind', 'diverged'];
const EDIT_TIMES_QUERY = `query($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) { lastEditedAt mergedAt }
  }
}`;
/** Cuts to `max` characters (code points, so a surrogate pair is never split), ending in `…` when cut. */
function truncateDescription(text, max = MAX_STATUS_DESCRIPTION) {
    const chars = Array.from(text);
    if (chars.length <= max)
        return text;
    return chars.slice(0, max - 1).join('') + '…';
}
/** Wraps a fetch so that each HTTP attempt is aborted after `timeoutMs`; the abort surfaces as a network
 * error (which plugin-retry retries and which carries no HTTP status). */
function fetchWithDeadline(base, timeoutMs) {
    return async (url, init = {}) => {
        const deadline = AbortSignal.timeout(timeoutMs);
        const outer = init.signal;
        const signal = outer ? AbortSignal.any([outer, deadline]) : deadline;
        try {
            return await base(url, { ...init, signal });
        }
        catch (e) {
            if (deadline.aborted && !outer?.aborted) {
                throw new TypeError('fetch failed', {
                    cause: new Error(`no answer within ${timeoutMs} ms`),
                });
            }
            throw e;
        }
    };
}
function apiMessageOf(data) {
    if (data && typeof data === 'object' && 'message' in data) {
        const m = data.message;
        if (typeof m === 'string' && m)
            return m;
    }
    if (typeof data === 'string' && data.trim())
        return data.trim().slice(0, 200);
    return null;
}
class GitHubRestApi {
    repository;
    owner;
    name;
    token;
    graphqlUrl;
    octokit;
    constructor(options) {
        const parts = options.repository.split('/');
        if (parts.length !== 2 || !parts[0] || !parts[1]) {
            throw new Error(`repository must be "owner/name", got "${options.repository}"`);
        }
        if (!options.token)
            throw new Error('a GitHub token is required');
        this.repository = options.repository;
        this.owner = parts[0];
        this.name = parts[1];
        this.token = options.token;
        this.graphqlUrl = options.graphqlUrl;
        const defaultRequest = (_actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__/* .defaults */ .NT.request ?? {});
        const baseFetch = defaultRequest.fetch ?? fetch;
        this.octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(options.token, {
            baseUrl: options.apiUrl.replace(/\/+$/, ''),
            userAgent: options.userAgent ?? 'post-merge-smoke',
            retry: { retries: options.retries ?? 2, retryAfterBaseValue: options.retryBaseMs ?? 1000 },
            request: {
                ..._actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__/* .defaults */ .NT.request,
                fetch: fetchWithDeadline(baseFetch, options.timeoutMs ?? 30_000),
            },
            log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
        }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__/* .retry */ .L);
    }
    async getBranchHead(branch) {
        const path = `/repos/${this.repoPath()}/git/ref/heads/${encodePath(branch)}`;
        let data;
        try {
            data = await this.call('GET', path);
        }
        catch (e) {
            if (e instanceof _github_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubApiError */ .O && e.status === 404)
                return null;
            throw e;
        }
        // A prefix match (the old `git/refs` behaviour) answers with an array: only an exact name counts.
        const refs = Array.isArray(data) ? data : [data];
        const exact = refs.find((r) => !!r && typeof r === 'object' && r.ref === `refs/heads/${branch}`);
        if (Array.isArray(data) && !exact)
            return null;
        const sha = (exact ?? data).object?.sha;
        if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/i.test(sha)) {
            throw new _github_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubApiError */ .O(`GET ${path} answered without a commit SHA`, 200, `GET ${path}`);
        }
        return sha.toLowerCase();
    }
    async compareCommits(base, head) {
        const path = `/repos/${this.repoPath()}/compare/${encodePath(base)}...${encodePath(head)}`;
        let data;
        try {
            data = await this.call('GET', path, { per_page: 1 });
        }
        catch (e) {
            // GitHub answers 404 "No common ancestor between A and B." for unrelated histories.
            if (e instanceof _github_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubApiError */ .O && e.status === 404 && /no common ancestor/i.test(e.message)) {
                return 'diverged';
            }
            throw e;
        }
        const status = data?.status;
        if (typeof status !== 'string' || !RELATIONS.includes(status)) {
            throw new _github_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubApiError */ .O(`GET ${path} answered with an unknown status ${JSON.stringify(status)}`, 200, `GET ${path}`);
        }
        return status;
    }
    async listPullsForCommit(sha) {
        const path = `/repos/${this.repoPath()}/commits/${encodePath(sha)}/pulls`;
        const data = await this.call('GET', path, { per_page: 100 });
        if (!Array.isArray(data)) {
            throw new _github_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubApiError */ .O(`GET ${path} did not answer with a list`, 200, `GET ${path}`);
        }
        return data.map((p) => toPullInfo(p, `GET ${path}`));
    }
    async getPull(number) {
        const path = `/repos/${this.repoPath()}/pulls/${number}`;
        try {
            return toPullInfo(await this.call('GET', path), `GET ${path}`);
        }
        catch (e) {
            if (e instanceof _github_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubApiError */ .O && e.status === 404)
                return null;
            throw e;
        }
    }
    async getPullEditTimes(number) {
        const endpoint = `POST ${this.graphqlUrl} (pullRequest ${number})`;
        const data = (await this.call('POST', this.graphqlUrl, { query: EDIT_TIMES_QUERY, variables: { owner: this.owner, name: this.name, number } }, endpoint));
        const errors = data?.errors ?? [];
        if (errors.length > 0) {
            const first = errors[0] ?? {};
            const status = first.type === 'NOT_FOUND' ? 404 : first.type === 'FORBIDDEN' ? 403 : 200;
            throw new _github_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubApiError */ .O(this.scrub(`${endpoint} failed: GraphQL ${first.type ?? 'error'}: ${first.message ?? 'unknown'}`), status, endpoint);
        }
        const pr = data?.data?.repository?.pullRequest;
        if (!pr) {
            throw new _github_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubApiError */ .O(`${endpoint} failed: pull request not found`, 404, endpoint);
        }
        return {
            lastEditedAt: typeof pr.lastEditedAt === 'string' ? pr.lastEditedAt : null,
            mergedAt: typeof pr.mergedAt === 'string' ? pr.mergedAt : null,
        };
    }
    async createCommitStatus(sha, status) {
        const path = `/repos/${this.repoPath()}/statuses/${encodePath(sha)}`;
        await this.call('POST', path, {
            state: status.state,
            context: status.context,
            description: truncateDescription(status.description),
            target_url: status.targetUrl,
        });
    }
    repoPath() {
        return `${encodeURIComponent(this.owner)}/${encodeURIComponent(this.name)}`;
    }
    /** One request; the body's data on 2xx, a GitHubApiError on anything else. `url` has no `{}` templates. */
    async call(method, url, params = {}, endpoint = `${method} ${url}`) {
        try {
            const response = await this.octokit.request({ method, url, ...params });
            return response.data;
        }
        catch (e) {
            throw this.toApiError(e, endpoint);
        }
    }
    toApiError(e, endpoint) {
        if (e instanceof _github_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubApiError */ .O)
            return e;
        const err = (e ?? {});
        const response = err.response;
        if (response && typeof response.status === 'number') {
            const detail = apiMessageOf(response.data);
            return new _github_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubApiError */ .O(this.scrub(`${endpoint} failed: HTTP ${response.status}${detail ? ` (${detail})` : ''}`), response.status, endpoint);
        }
        // No HTTP answer: connection refused, DNS, TLS, our per-attempt deadline.
        const cause = err.cause;
        const code = typeof cause?.code === 'string'
            ? cause.code
            : typeof cause?.cause?.code === 'string'
                ? cause.cause.code
                : null;
        const text = typeof err.message === 'string' && err.message && err.message !== 'fetch failed'
            ? err.message
            : typeof cause?.message === 'string'
                ? cause.message
                : String(e);
        return new _github_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubApiError */ .O(this.scrub(`${endpoint} failed: no answer (${code && !text.includes(code) ? `${code}: ` : ''}${text})`), null, endpoint);
    }
    scrub(text) {
        return this.token ? text.split(this.token).join('***') : text;
    }
}
function encodePath(value) {
    return value.split('/').map(encodeURIComponent).join('/');
}
function toPullInfo(raw, endpoint) {
    const p = raw;
    if (!p || typeof p !== 'object' || typeof p.number !== 'number') {
        throw new _github_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubApiError */ .O(`${endpoint} answered with something that is not a pull request`, 200, endpoint);
    }
    const str = (v) => (typeof v === 'string' ? v : null);
    const ref = (v) => str(v?.ref) ?? '';
    return {
        number: p.number,
        title: str(p.title) ?? '',
        body: str(p.body),
        headRef: ref(p.head),
        baseRef: ref(p.base),
        state: p.state === 'open' ? 'open' : 'closed',
        mergedAt: str(p.merged_at),
        mergeCommitSha: str(p.merge_commit_sha),
        htmlUrl: str(p.html_url) ?? '',
    };
}


/***/ })

};
