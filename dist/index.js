var __webpack_exports__ = {};

;// CONCATENATED MODULE: ./src/main.ts
// Placeholder run(); the pipeline arrives with the action issue.
async function run() {
    process.stdout.write('post-merge-smoke: not wired yet\n');
}

;// CONCATENATED MODULE: ./src/index.ts
// Action entry: the runner executes dist/index.js, built from this file.

void run();

