// The command-line tool (SPEC §9): `post-merge-smoke run | replay`.
export { runCli, EXIT_OK, EXIT_FAILED, EXIT_USAGE, type CliIo } from './main.js';
